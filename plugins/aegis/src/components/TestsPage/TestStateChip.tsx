import type { TestState } from '@aegis-security/plugin-aegis-common';
import Chip from '@material-ui/core/Chip';
import { STATE_LABELS } from '../../workflowLabels';

const COLORS: Record<TestState, 'default' | 'primary' | 'secondary'> = {
  draft: 'default',
  red_executing: 'secondary',
  blue_evaluating: 'primary',
  in_review: 'primary',
  validated: 'primary',
  rejected: 'secondary',
};

/** The state of a test, as a chip that reads the same in lists and pages. */
export function TestStateChip(props: { state: TestState }) {
  const { state } = props;
  return (
    <Chip
      size="small"
      label={STATE_LABELS[state]}
      color={COLORS[state]}
      variant={state === 'validated' ? 'default' : 'outlined'}
    />
  );
}
