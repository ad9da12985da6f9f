import type {
  PlatformCoverage,
  TechniqueCoverage,
} from '@aegis-security/plugin-aegis-common';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { testRouteRef } from '../../routes';
import { CONTROL_RESULT_LABELS } from '../../workflowLabels';
import { CoverageChips } from '../CoverageStatus';

const VIA = {
  tests: 'from its own tests',
  subtechniques: 'rolled up from its sub-techniques',
  none: 'no test yet',
};

function formatDate(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleDateString() : '—';
}

function TestCounts(props: { tests: TechniqueCoverage['tests'] }) {
  const { tests } = props;
  const outcomes = Object.entries(tests.outcomes)
    .map(
      ([result, count]) =>
        `${count} ${CONTROL_RESULT_LABELS[
          result as keyof typeof CONTROL_RESULT_LABELS
        ].toLocaleLowerCase('en-US')}`,
    )
    .join(', ');
  return (
    <Typography variant="body2">
      {tests.total} tests: {tests.validated} validated, {tests.inProgress} in
      progress{outcomes && ` (outcomes: ${outcomes})`}
    </Typography>
  );
}

function PlatformRow(props: { row: PlatformCoverage }) {
  const { row } = props;
  const testRoute = useRouteRef(testRouteRef);
  return (
    <TableRow>
      <TableCell>{row.platform}</TableCell>
      <TableCell>
        <CoverageChips
          status={row.status}
          confirmedGap={row.confirmedGap}
          stale={row.stale}
        />
      </TableCell>
      <TableCell>
        {row.outcome ? CONTROL_RESULT_LABELS[row.outcome] : '—'}
      </TableCell>
      <TableCell>{formatDate(row.lastValidatedAt)}</TableCell>
      <TableCell>
        {row.decidingTestId ? (
          <Link to={testRoute({ id: row.decidingTestId })}>
            {row.decidingTestId}
          </Link>
        ) : (
          '—'
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * How well the technique is defended: its status under the Aegis rules, per
 * platform, with the validated test that decided each.
 */
export function TechniqueCoverageCard(props: { coverage?: TechniqueCoverage }) {
  const { coverage } = props;

  if (!coverage) {
    return (
      <InfoCard title="Coverage">
        <Typography color="textSecondary">
          Aegis tracks no coverage for this technique.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard title="Coverage">
      <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={8}>
        <CoverageChips
          status={coverage.status}
          confirmedGap={coverage.confirmedGap}
          stale={coverage.stale}
        />
        <Typography variant="body2" color="textSecondary">
          {VIA[coverage.via]}; last validated{' '}
          {formatDate(coverage.lastValidatedAt)}
        </Typography>
      </Box>
      <Box mt={1}>
        <TestCounts tests={coverage.tests} />
      </Box>
      {coverage.platforms.length > 0 && (
        <Table size="small" aria-label="Coverage per platform">
          <TableHead>
            <TableRow>
              <TableCell>Platform</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Outcome</TableCell>
              <TableCell>Last validation</TableCell>
              <TableCell>Deciding test</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {coverage.platforms.map(row => (
              <PlatformRow key={row.platform} row={row} />
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
