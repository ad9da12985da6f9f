import type { TestTemplate } from '@aegis-security/plugin-aegis-common';
import { Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { SEVERITY_LABELS } from '../../workflowLabels';

/** What the viewer may do with each listed template; absent is not shown. */
export interface TemplateRowActions {
  onEdit?: (template: TestTemplate) => void;
  onToggleActive?: (template: TestTemplate) => void;
  onCreateTest?: (template: TestTemplate) => void;
}

/** Properties of {@link TemplatesTable}. */
export interface TemplatesTableProps {
  templates: TestTemplate[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  actions: TemplateRowActions;
}

function NameCell(props: { template: TestTemplate }) {
  const { template } = props;
  return (
    <>
      <Typography variant="body2">{template.name}</Typography>
      {template.description && (
        <Typography variant="caption" color="textSecondary">
          {template.description}
        </Typography>
      )}
    </>
  );
}

function ChipList(props: { labels: string[] }) {
  return (
    <Box display="flex" flexWrap="wrap" gridGap={4}>
      {props.labels.map(label => (
        <Chip key={label} size="small" label={label} />
      ))}
    </Box>
  );
}

function RowActions(props: {
  template: TestTemplate;
  actions: TemplateRowActions;
}) {
  const { template, actions } = props;
  const { onEdit, onToggleActive, onCreateTest } = actions;
  const toggle = template.active ? 'Deactivate' : 'Activate';

  return (
    <Box display="flex" gridGap={8} whiteSpace="nowrap">
      {onCreateTest && template.active && (
        <Button
          size="small"
          variant="outlined"
          color="primary"
          aria-label={`Create a test from ${template.name}`}
          onClick={() => onCreateTest(template)}
        >
          Create test
        </Button>
      )}
      {onEdit && (
        <Button
          size="small"
          variant="outlined"
          aria-label={`Edit ${template.name}`}
          onClick={() => onEdit(template)}
        >
          Edit
        </Button>
      )}
      {onToggleActive && (
        <Button
          size="small"
          aria-label={`${toggle} ${template.name}`}
          onClick={() => onToggleActive(template)}
        >
          {toggle}
        </Button>
      )}
    </Box>
  );
}

function columnsFor(actions: TemplateRowActions) {
  const columns: TableColumn<TestTemplate>[] = [
    {
      title: 'Name',
      render: t => <NameCell template={t} />,
      // Names wrap between words only.
      cellStyle: { minWidth: 220, wordBreak: 'normal' },
    },
    { title: 'Techniques', render: t => t.techniques.join(', ') },
    { title: 'Platform', render: t => t.platform },
    { title: 'Severity', render: t => SEVERITY_LABELS[t.severity] },
    { title: 'Tags', render: t => <ChipList labels={t.tags} /> },
    {
      title: 'Status',
      render: t => (
        <Chip
          size="small"
          variant="outlined"
          color={t.active ? 'primary' : 'default'}
          label={t.active ? 'Active' : 'Inactive'}
        />
      ),
    },
    { title: 'Updated', render: t => new Date(t.updatedAt).toLocaleString() },
  ];
  if (Object.values(actions).some(Boolean)) {
    columns.push({
      title: 'Actions',
      render: t => <RowActions template={t} actions={actions} />,
    });
  }
  return columns;
}

/** One page of templates, paged and filtered by the backend. */
export function TemplatesTable(props: TemplatesTableProps) {
  const { templates, total, page, pageSize, loading, onPageChange } = props;

  return (
    <Table<TestTemplate>
      title="Templates"
      columns={columnsFor(props.actions)}
      data={templates}
      isLoading={loading}
      page={page}
      totalCount={total}
      onPageChange={onPageChange}
      options={{
        paging: true,
        pageSize,
        pageSizeOptions: [20, 50, 100],
        search: false,
        sorting: false,
        emptyRowsWhenPaging: false,
      }}
      emptyContent={
        <Box p={2}>
          <Typography color="textSecondary">
            No template matches these filters.
          </Typography>
        </Box>
      }
    />
  );
}
