import {
  COVERAGE_STATUSES,
  type EntityCoverage,
} from '@aegis-security/plugin-aegis-common';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { COVERAGE_STATUS_LABELS, coverageHue } from '../../coverageLabels';
import { testRouteRef } from '../../routes';
import { counted } from '../../counted';

/**
 * The headline of an entity's coverage: the share validated, a chip per
 * status, the last validation and the open remediations.
 */
export function CoverageFigures(props: { coverage: EntityCoverage }) {
  const { counts, lastValidation, openRemediation } = props.coverage;
  const testRoute = useRouteRef(testRouteRef);

  return (
    <>
      <Typography variant="h4" component="p">
        {counts.percent.validated}% validated
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        of {counted(counts.total, 'technique')} tested against this entity
      </Typography>
      <Box
        component="ul"
        aria-label="Techniques by status"
        display="flex"
        flexWrap="wrap"
        gridGap={8}
        p={0}
        m={0}
        mb={2}
        style={{ listStyle: 'none' }}
      >
        {COVERAGE_STATUSES.map(status => (
          <li key={status}>
            <Chip
              size="small"
              variant="outlined"
              style={{ borderColor: coverageHue(status), borderLeftWidth: 6 }}
              label={`${COVERAGE_STATUS_LABELS[status]}: ${counts[status]}`}
            />
          </li>
        ))}
        <li>
          <Chip
            size="small"
            variant="outlined"
            style={{
              borderColor: coverageHue('confirmedGap'),
              borderLeftWidth: 6,
            }}
            label={`Confirmed gaps: ${counts.confirmedGaps}`}
          />
        </li>
        <li>
          <Chip
            size="small"
            variant="outlined"
            label={`Stale: ${counts.stale}`}
          />
        </li>
      </Box>
      <Typography variant="body2">
        Last validation:{' '}
        {lastValidation ? (
          <>
            <Link to={testRoute({ id: lastValidation.testId })}>
              {lastValidation.title}
            </Link>{' '}
            on {new Date(lastValidation.at).toLocaleDateString()}
          </>
        ) : (
          'none yet'
        )}
      </Typography>
      <Typography variant="body2">
        Open remediations: {openRemediation.length}
      </Typography>
    </>
  );
}
