import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import type { TemplateStatus, TemplateTextFilters } from './useTemplateList';

const STATUS_LABELS: Record<TemplateStatus, string> = {
  all: 'All',
  active: 'Active',
  inactive: 'Inactive',
};

function isStatus(value: string): value is TemplateStatus {
  return Object.keys(STATUS_LABELS).includes(value);
}

/**
 * The search and technique filters of the template list, and for
 * administrators the status filter (`onStatusChange` given).
 */
export function TemplateFilters(props: {
  text: TemplateTextFilters;
  onTextChange: (text: TemplateTextFilters) => void;
  status: TemplateStatus;
  onStatusChange?: (status: TemplateStatus) => void;
}) {
  const { text, onTextChange, status, onStatusChange } = props;

  return (
    <Box display="flex" flexWrap="wrap" gridGap={16} mb={2}>
      <TextField
        id="aegis-templates-search"
        type="search"
        label="Search"
        placeholder="Name or description"
        variant="outlined"
        size="small"
        value={text.search}
        onChange={event =>
          onTextChange({ ...text, search: event.target.value })
        }
        style={{ minWidth: 260 }}
      />
      <TextField
        id="aegis-templates-technique"
        label="Technique"
        placeholder="ATT&CK ID, such as T1059"
        variant="outlined"
        size="small"
        value={text.technique}
        onChange={event =>
          onTextChange({ ...text, technique: event.target.value })
        }
      />
      {onStatusChange && (
        <TextField
          id="aegis-templates-status"
          select
          label="Status"
          variant="outlined"
          size="small"
          value={status}
          onChange={event => {
            const value = event.target.value;
            if (isStatus(value)) onStatusChange(value);
          }}
          SelectProps={{ native: true }}
          style={{ minWidth: 140 }}
        >
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </TextField>
      )}
    </Box>
  );
}
