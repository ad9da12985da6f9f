import type {
  EntityCoverage,
  RemediationRow,
  SecurityTestSummary,
} from '@aegis-security/plugin-aegis-common';
import {
  Content,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { techniqueRouteRef, testRouteRef } from '../../routes';
import { REMEDIATION_STATUS_LABELS } from '../../workflowLabels';
import { CoverageChips } from '../CoverageStatus';
import { TestStateChip } from '../TestsPage/TestStateChip';
import { CoverageFigures } from './CoverageFigures';
import { MiniMatrix } from './MiniMatrix';
import { useEntityCoverage } from './useEntityCoverage';

function TestLink(props: { id: string; title: string }) {
  const testRoute = useRouteRef(testRouteRef);
  return <Link to={testRoute({ id: props.id })}>{props.title}</Link>;
}

const testColumns: TableColumn<SecurityTestSummary>[] = [
  {
    title: 'Test',
    render: test => <TestLink id={test.id} title={test.title} />,
  },
  { title: 'State', render: test => <TestStateChip state={test.state} /> },
  { title: 'Techniques', render: test => test.techniques.join(', ') },
  { title: 'Platform', render: test => test.platform },
  {
    title: 'Updated',
    render: test => new Date(test.updatedAt).toLocaleDateString(),
  },
];

const remediationColumns: TableColumn<RemediationRow>[] = [
  {
    title: 'Test',
    render: row => <TestLink id={row.testId} title={row.title} />,
  },
  { title: 'Status', render: row => REMEDIATION_STATUS_LABELS[row.status] },
  { title: 'Owner', render: row => row.owner ?? '—' },
  {
    title: 'Due',
    render: row =>
      row.dueDate ? `${row.dueDate}${row.overdue ? ' (overdue)' : ''}` : '—',
  },
  { title: 'Steps', render: row => `${row.stepsDone} of ${row.stepsTotal}` },
];

/** Dense tables, paged once they pass ten rows. */
const tableOptions = (rows: unknown[]) => ({
  paging: rows.length > 10,
  pageSize: 10,
  search: false,
  sorting: false,
  padding: 'dense' as const,
});

/** How many gaps show before the reader asks for all of them. */
const GAPS_SHOWN = 15;

function Gaps(props: { coverage: EntityCoverage }) {
  const techniqueRoute = useRouteRef(techniqueRouteRef);
  const [showAll, setShowAll] = useState(false);
  // Confirmed gaps first: a test proved them undetected.
  const gaps = props.coverage.techniques
    .filter(t => t.confirmedGap || t.status === 'not_covered')
    .sort((a, b) => Number(b.confirmedGap) - Number(a.confirmedGap));
  const shown = showAll ? gaps : gaps.slice(0, GAPS_SHOWN);

  return (
    <InfoCard
      title="Gaps"
      subheader="Techniques and sub-techniques not covered here, confirmed gaps first"
    >
      {gaps.length === 0 && (
        <Typography color="textSecondary">
          Every technique tested here was detected.
        </Typography>
      )}
      {gaps.length > 0 && (
        <ul aria-label="Gaps" style={{ margin: 0, paddingLeft: 16 }}>
          {shown.map(gap => (
            <li key={gap.mitreId}>
              <Link to={techniqueRoute({ mitreId: gap.mitreId })}>
                {gap.mitreId} {gap.name}
              </Link>{' '}
              <CoverageChips
                status={gap.status}
                confirmedGap={gap.confirmedGap}
                stale={gap.stale}
              />
            </li>
          ))}
        </ul>
      )}
      {shown.length < gaps.length && (
        <Button size="small" onClick={() => setShowAll(true)}>
          Show all {gaps.length} gaps
        </Button>
      )}
    </InfoCard>
  );
}

function Coverage(props: { coverage: EntityCoverage }) {
  const { coverage } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <InfoCard title="ATT&CK coverage">
          <CoverageFigures coverage={coverage} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <Gaps coverage={coverage} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Tested techniques">
          <MiniMatrix
            tactics={coverage.byTactic}
            techniques={coverage.techniques}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Table<SecurityTestSummary>
          title="Security tests"
          columns={testColumns}
          data={coverage.tests}
          options={tableOptions(coverage.tests)}
        />
      </Grid>
      <Grid item xs={12}>
        <Table<RemediationRow>
          title="Open remediation"
          columns={remediationColumns}
          data={coverage.openRemediation}
          options={tableOptions(coverage.openRemediation)}
          emptyContent={
            <Typography color="textSecondary" style={{ padding: 16 }}>
              Nothing left to fix.
            </Typography>
          }
        />
      </Grid>
    </Grid>
  );
}

/**
 * The "ATT&CK" tab of a Component or System: the techniques tested against
 * it by tactic, the tests, and what is still open.
 */
export function EntityCoverageContent() {
  const coverage = useEntityCoverage();

  return (
    <Content>
      {coverage.loading && <Progress />}
      {coverage.error && (
        <ResponseErrorPanel
          title="The ATT&CK coverage could not be loaded"
          error={coverage.error}
        />
      )}
      {coverage.value && coverage.value.counts.total === 0 && (
        <Typography color="textSecondary">
          No security test has run against this entity yet. Tests name their
          target services when they are created.
        </Typography>
      )}
      {coverage.value && coverage.value.counts.total > 0 && (
        <Coverage coverage={coverage.value} />
      )}
    </Content>
  );
}
