import type { TestState } from '@aegis-security/plugin-aegis-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { STATE_LABELS } from '../../workflowLabels';

/** The palette colour of each state: waiting work, review, and outcomes. */
function colorOf(theme: Theme, state: TestState): string {
  switch (state) {
    case 'validated':
      return theme.palette.success.main;
    case 'rejected':
      return theme.palette.error.main;
    case 'in_review':
      return theme.palette.warning.main;
    case 'red_executing':
    case 'blue_evaluating':
      return theme.palette.info.main;
    default:
      return theme.palette.text.secondary;
  }
}

const useStyles = makeStyles<Theme, { state: TestState }>(theme => ({
  chip: ({ state }) => ({
    borderColor: colorOf(theme, state),
    color: colorOf(theme, state),
    fontWeight: state === 'validated' || state === 'rejected' ? 600 : 400,
  }),
}));

/** The state of a test, as a chip that reads the same in lists and pages. */
export function TestStateChip(props: { state: TestState }) {
  const { state } = props;
  const classes = useStyles({ state });
  return (
    <Chip
      size="small"
      variant="outlined"
      className={classes.chip}
      label={STATE_LABELS[state]}
    />
  );
}
