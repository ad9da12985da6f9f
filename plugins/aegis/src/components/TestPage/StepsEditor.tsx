import {
  REMEDIATION_STATUSES,
  type RemediationStep,
} from '@aegis-security/plugin-aegis-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import DeleteIcon from '@material-ui/icons/Delete';
import { REMEDIATION_STATUS_LABELS } from '../../workflowLabels';

function moved<T>(items: T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** The ordered steps of a remediation, each with its own status. */
export function StepsEditor(props: {
  steps: RemediationStep[];
  onChange: (steps: RemediationStep[]) => void;
}) {
  const { steps, onChange } = props;
  const replace = (index: number, next: RemediationStep) =>
    onChange(steps.map((s, i) => (i === index ? next : s)));

  return (
    <Box mb={1}>
      {steps.map((step, index) => (
        <Box key={index} display="flex" alignItems="center" gridGap={8}>
          <TextField
            id={`aegis-remediation-step-${index}`}
            label={`Step ${index + 1}`}
            value={step.title}
            onChange={event =>
              replace(index, { ...step, title: event.target.value })
            }
            margin="dense"
            style={{ flexGrow: 1 }}
          />
          <TextField
            select
            id={`aegis-remediation-step-${index}-status`}
            label={`Status of step ${index + 1}`}
            value={step.status}
            onChange={event => {
              const status = REMEDIATION_STATUSES.find(
                s => s === event.target.value,
              );
              if (status) replace(index, { ...step, status });
            }}
            SelectProps={{ native: true }}
            margin="dense"
          >
            {REMEDIATION_STATUSES.map(status => (
              <option key={status} value={status}>
                {REMEDIATION_STATUS_LABELS[status]}
              </option>
            ))}
          </TextField>
          <IconButton
            aria-label={`Move step ${index + 1} up`}
            disabled={index === 0}
            onClick={() => onChange(moved(steps, index, index - 1))}
          >
            <ArrowUpwardIcon />
          </IconButton>
          <IconButton
            aria-label={`Move step ${index + 1} down`}
            disabled={index === steps.length - 1}
            onClick={() => onChange(moved(steps, index, index + 1))}
          >
            <ArrowDownwardIcon />
          </IconButton>
          <IconButton
            aria-label={`Remove step ${index + 1}`}
            onClick={() => onChange(steps.filter((_s, i) => i !== index))}
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <Button
        size="small"
        onClick={() => onChange([...steps, { title: '', status: 'open' }])}
      >
        Add step
      </Button>
    </Box>
  );
}
