import type { SecurityTestSummary } from '@aegis-security/plugin-aegis-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, type TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { testRouteRef } from '../../routes';
import { SEVERITY_LABELS } from '../../workflowLabels';
import { TestStateChip } from './TestStateChip';

/** Properties of {@link TestsTable}. */
export interface TestsTableProps {
  tests: SecurityTestSummary[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

function TitleCell(props: { test: SecurityTestSummary }) {
  const testRoute = useRouteRef(testRouteRef);
  return <Link to={testRoute({ id: props.test.id })}>{props.test.title}</Link>;
}

const columns: TableColumn<SecurityTestSummary>[] = [
  {
    title: 'Title',
    render: test => <TitleCell test={test} />,
    // Titles wrap between words only.
    cellStyle: { minWidth: 220, wordBreak: 'normal' },
  },
  { title: 'State', render: test => <TestStateChip state={test.state} /> },
  { title: 'Severity', render: test => SEVERITY_LABELS[test.severity] },
  { title: 'Techniques', render: test => test.techniques.join(', ') },
  { title: 'Platform', render: test => test.platform },
  {
    title: 'Targets',
    render: test =>
      test.targets.map(ref => shortRef(ref, 'component')).join(', '),
  },
  { title: 'Creator', render: test => shortRef(test.createdBy, 'user') },
  {
    title: 'Updated',
    render: test => new Date(test.updatedAt).toLocaleString(),
  },
];

/** An entity ref without the parts a reader can take for granted. */
function shortRef(ref: string, defaultKind: string): string {
  try {
    const { kind, namespace, name } = parseEntityRef(ref);
    const prefix =
      kind.toLocaleLowerCase('en-US') === defaultKind ? '' : `${kind}:`;
    return `${prefix}${namespace === 'default' ? '' : `${namespace}/`}${name}`;
  } catch {
    return ref;
  }
}

/**
 * One page of tests, paged by the backend; sorting is chosen above the table
 * because the backend sorts, not the table.
 */
export function TestsTable(props: TestsTableProps) {
  const { tests, total, page, pageSize, loading, onPageChange } = props;

  return (
    <Table<SecurityTestSummary>
      title="Security tests"
      columns={columns}
      data={tests}
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
            No test matches these filters.
          </Typography>
        </Box>
      }
    />
  );
}
