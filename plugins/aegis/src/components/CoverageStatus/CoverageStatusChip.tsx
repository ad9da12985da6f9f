import type { CoverageStatus } from '@aegis-security/plugin-aegis-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import {
  COVERAGE_STATUS_DESCRIPTIONS,
  COVERAGE_STATUS_LABELS,
  coverageHue,
} from '../../coverageLabels';

const useStyles = makeStyles<Theme, { hue: string }>(theme => ({
  chip: ({ hue }) => ({
    borderColor: hue,
    color: theme.palette.text.primary,
    borderLeftWidth: 6,
  }),
}));

function OutlinedChip(props: { hue: string; label: string; title: string }) {
  const classes = useStyles({ hue: props.hue });
  return (
    <Chip
      size="small"
      variant="outlined"
      className={classes.chip}
      label={props.label}
      title={props.title}
    />
  );
}

/** A coverage status as a chip, coloured as in the matrix. */
export function CoverageStatusChip(props: { status: CoverageStatus }) {
  const { status } = props;
  return (
    <OutlinedChip
      hue={coverageHue(status)}
      label={COVERAGE_STATUS_LABELS[status]}
      title={COVERAGE_STATUS_DESCRIPTIONS[status]}
    />
  );
}

/**
 * A technique's status with its markers: a confirmed gap (the latest
 * validated test was not detected) and a stale validation.
 */
export function CoverageChips(props: {
  status: CoverageStatus;
  confirmedGap?: boolean;
  stale?: boolean;
}) {
  return (
    <Box display="inline-flex" flexWrap="wrap" gridGap={4}>
      <CoverageStatusChip status={props.status} />
      {props.confirmedGap && (
        <OutlinedChip
          hue={coverageHue('confirmedGap')}
          label="Confirmed gap"
          title="The latest validated test was not detected."
        />
      )}
      {props.stale && (
        <OutlinedChip
          hue={coverageHue('not_covered')}
          label="Stale"
          title="The latest validation is older than the maximum age."
        />
      )}
    </Box>
  );
}
