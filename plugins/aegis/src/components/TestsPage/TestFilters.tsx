import { TEST_STATES } from '@aegis-security/plugin-aegis-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { STATE_LABELS } from '../../workflowLabels';
import type { TestFilterValues } from './useTestList';

type TextFilter = 'search' | 'technique' | 'platform' | 'creator' | 'target';

const TEXT_FILTERS: Array<[TextFilter, string, string]> = [
  ['search', 'Search', 'Title or description'],
  ['technique', 'Technique', 'ATT&CK ID, such as T1059'],
  ['platform', 'Platform', 'Windows, Linux, …'],
  ['creator', 'Creator', 'user:default/name'],
  ['target', 'Target', 'component:default/name'],
];

/** The filters of the test list, each a field of the backend's query. */
export function TestFilters(props: {
  filters: TestFilterValues;
  onChange: (filters: TestFilterValues) => void;
}) {
  const { filters, onChange } = props;

  return (
    <Box mb={2}>
      <Box mb={2}>
        <ToggleButtonGroup
          size="small"
          value={filters.states}
          onChange={(_event, states) => onChange({ ...filters, states })}
          aria-label="States"
        >
          {TEST_STATES.map(state => (
            <ToggleButton key={state} value={state}>
              {STATE_LABELS[state]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <Box display="flex" flexWrap="wrap" gridGap={16}>
        {TEXT_FILTERS.map(([key, label, placeholder]) => (
          <TextField
            key={key}
            id={`aegis-tests-${key}`}
            type={key === 'search' ? 'search' : 'text'}
            label={label}
            placeholder={placeholder}
            variant="outlined"
            size="small"
            value={filters[key]}
            onChange={event =>
              onChange({ ...filters, [key]: event.target.value })
            }
          />
        ))}
        <TextField
          id="aegis-tests-pending-side"
          select
          label="Vote pending"
          variant="outlined"
          size="small"
          value={filters.pendingSide ?? ''}
          onChange={event => {
            const value = event.target.value;
            onChange({
              ...filters,
              pendingSide:
                value === 'red' || value === 'blue' ? value : undefined,
            });
          }}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          style={{ minWidth: 160 }}
        >
          <option value="">Any</option>
          <option value="red">Red lead</option>
          <option value="blue">Blue lead</option>
        </TextField>
      </Box>
    </Box>
  );
}
