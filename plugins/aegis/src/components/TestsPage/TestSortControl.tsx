import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import type { TestSort } from './useTestList';

const SORT_LABELS: Record<TestSort['sort'], string> = {
  updated_at: 'Last update',
  created_at: 'Creation',
  title: 'Title',
  severity: 'Severity',
};

function isSortKey(value: string): value is TestSort['sort'] {
  return Object.keys(SORT_LABELS).includes(value);
}

/** The sort key and direction the backend sorts the test list by. */
export function TestSortControl(props: {
  sort: TestSort;
  onChange: (sort: TestSort) => void;
}) {
  const { sort, onChange } = props;

  return (
    <Box display="flex" gridGap={16} mb={2}>
      <TextField
        id="aegis-tests-sort"
        select
        label="Sort by"
        variant="outlined"
        size="small"
        value={sort.sort}
        onChange={event => {
          const value = event.target.value;
          if (isSortKey(value)) onChange({ ...sort, sort: value });
        }}
        SelectProps={{ native: true }}
      >
        {Object.entries(SORT_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </TextField>
      <TextField
        id="aegis-tests-order"
        select
        label="Order"
        variant="outlined"
        size="small"
        value={sort.order}
        onChange={event =>
          onChange({
            ...sort,
            order: event.target.value === 'asc' ? 'asc' : 'desc',
          })
        }
        SelectProps={{ native: true }}
      >
        <option value="desc">Descending</option>
        <option value="asc">Ascending</option>
      </TextField>
    </Box>
  );
}
