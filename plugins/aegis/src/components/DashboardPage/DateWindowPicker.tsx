import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { type DateWindow, windowProblem } from './dateWindow';

/**
 * The days the activity, validation and trend charts cover. A change is
 * passed on only when it makes a valid window, so a half-typed day does not
 * send a request the backend refuses.
 */
export function DateWindowPicker(props: {
  value: DateWindow;
  onChange: (window: DateWindow) => void;
}) {
  const [draft, setDraft] = useState(props.value);
  const problem = windowProblem(draft);

  const change = (next: DateWindow) => {
    setDraft(next);
    if (!windowProblem(next)) props.onChange(next);
  };

  return (
    <Box display="flex" gridGap={16} alignItems="flex-start">
      <TextField
        id="aegis-dashboard-from"
        type="date"
        label="From"
        size="small"
        variant="outlined"
        InputLabelProps={{ shrink: true }}
        value={draft.from}
        onChange={event => change({ ...draft, from: event.target.value })}
        error={Boolean(problem)}
        helperText={problem}
      />
      <TextField
        id="aegis-dashboard-to"
        type="date"
        label="To"
        size="small"
        variant="outlined"
        InputLabelProps={{ shrink: true }}
        value={draft.to}
        onChange={event => change({ ...draft, to: event.target.value })}
        error={Boolean(problem)}
      />
    </Box>
  );
}
