import type { TestState } from '@aegis-security/plugin-aegis-common';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import { STATE_LABELS } from '../../workflowLabels';

/** The path of every test; the last step is its outcome, once decided. */
const PATH: TestState[] = [
  'draft',
  'red_executing',
  'blue_evaluating',
  'in_review',
];

/** Where the test stands on its way from draft to a decision. */
export function StateStepper(props: { state: TestState }) {
  const { state } = props;
  const decided = state === 'validated' || state === 'rejected';
  const active = decided ? PATH.length : PATH.indexOf(state);

  return (
    <Stepper activeStep={active} alternativeLabel style={{ marginBottom: 24 }}>
      {PATH.map(step => (
        <Step key={step}>
          <StepLabel>{STATE_LABELS[step]}</StepLabel>
        </Step>
      ))}
      <Step completed={state === 'validated'}>
        <StepLabel error={state === 'rejected'}>
          {decided ? STATE_LABELS[state] : 'Validated or rejected'}
        </StepLabel>
      </Step>
    </Stepper>
  );
}
