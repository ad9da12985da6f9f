import {
  CONTROL_RESULTS,
  type ControlOutcome,
} from '@aegis-security/plugin-aegis-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import DeleteIcon from '@material-ui/icons/Delete';
import { CONTROL_RESULT_LABELS } from '../../workflowLabels';

/** The defensive controls of a test, each with what it did. */
export function ControlsEditor(props: {
  controls: ControlOutcome[];
  onChange: (controls: ControlOutcome[]) => void;
}) {
  const { controls, onChange } = props;
  const replace = (index: number, next: ControlOutcome) =>
    onChange(controls.map((c, i) => (i === index ? next : c)));

  return (
    <Box mb={1}>
      {controls.map((control, index) => (
        <Box key={index} display="flex" alignItems="center" gridGap={8}>
          <TextField
            id={`aegis-blue-control-${index}`}
            label={`Control ${index + 1}`}
            placeholder="EDR, SIEM, mail gateway, …"
            value={control.control}
            onChange={event =>
              replace(index, { ...control, control: event.target.value })
            }
            margin="dense"
          />
          <TextField
            select
            id={`aegis-blue-control-${index}-status`}
            label={`Result of control ${index + 1}`}
            value={control.result}
            onChange={event => {
              const result = CONTROL_RESULTS.find(
                r => r === event.target.value,
              );
              if (result) replace(index, { ...control, result });
            }}
            SelectProps={{ native: true }}
            margin="dense"
          >
            {CONTROL_RESULTS.map(result => (
              <option key={result} value={result}>
                {CONTROL_RESULT_LABELS[result]}
              </option>
            ))}
          </TextField>
          <IconButton
            aria-label={`Remove control ${index + 1}`}
            onClick={() => onChange(controls.filter((_c, i) => i !== index))}
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <Button
        size="small"
        onClick={() =>
          onChange([...controls, { control: '', result: 'not_detected' }])
        }
      >
        Add control
      </Button>
    </Box>
  );
}
