import type { EvidenceTeam } from '@aegis-security/plugin-aegis-common';
import {
  Content,
  ContentHeader,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRefParams } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { isNotFound } from '../../api/responseErrors';
import { testRouteRef } from '../../routes';
import { TestStateChip } from '../TestsPage';
import { BluePanel } from './BluePanel';
import { EvidencePanel } from './EvidencePanel';
import { GeneralPanel } from './GeneralPanel';
import { HistoryPanel } from './HistoryPanel';
import { RedPanel } from './RedPanel';
import { RemediationPanel } from './RemediationPanel';
import { StateStepper } from './StateStepper';
import { TestActions } from './TestActions';
import { TimelinePanel } from './TimelinePanel';
import { useEvidence } from './useEvidence';
import { useTest } from './useTest';
import { VotePanel } from './VotePanel';

/**
 * The page of one security test. What the caller may change comes from the
 * backend (`allowedActions`, `editableSections`); the page offers that and
 * nothing more.
 */
export function TestPage() {
  const { id } = useRouteRefParams(testRouteRef);
  const { test, loading, error, notice, change, timelineKey } = useTest(id);
  const evidence = useEvidence(id, timelineKey);

  if (loading) {
    return <Progress />;
  }
  if (!test) {
    return (
      <Content>
        {isNotFound(error) ? (
          <EmptyState missing="data" title={`Test ${id} not found`} />
        ) : (
          <ResponseErrorPanel
            title={`Test ${id} could not be loaded`}
            error={error ?? new Error('No test')}
          />
        )}
      </Content>
    );
  }

  const editable = (section: (typeof test.editableSections)[number]) =>
    test.editableSections.includes(section);
  const evidencePanel = (team: EvidenceTeam) => (
    <Box mt={3}>
      <EvidencePanel
        testId={test.id}
        team={team}
        evidence={evidence.evidence}
        error={evidence.error}
        cookieError={evidence.cookieError}
        onChange={evidence.reload}
      />
    </Box>
  );

  return (
    <Content>
      <ContentHeader title={test.title}>
        <TestActions test={test} onChange={change} />
      </ContentHeader>
      <Box display="flex" alignItems="center" gridGap={16} mb={2}>
        <TestStateChip state={test.state} />
        <Typography>Round {test.round}</Typography>
      </Box>
      {notice && (
        <Box mb={2}>
          <Alert severity={notice.reloaded ? 'warning' : 'error'}>
            {notice.message}
            {notice.reloaded && ' The test was loaded again.'}
          </Alert>
        </Box>
      )}
      {test.remap.length > 0 && (
        <Box mb={2}>
          <Alert severity="warning" title="Techniques to re-map">
            {test.remap
              .map(
                ({ mitreId, reason, replacement }) =>
                  `MITRE ${reason} ${mitreId}${
                    replacement ? `; re-map to ${replacement}` : ''
                  }.`,
              )
              .join(' ')}
          </Alert>
        </Box>
      )}
      <StateStepper state={test.state} />
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <GeneralPanel
            test={test}
            editable={editable('general')}
            onChange={change}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <RedPanel test={test} editable={editable('red')} onChange={change} />
          {evidencePanel('red')}
        </Grid>
        <Grid item xs={12} md={6}>
          <BluePanel
            test={test}
            editable={editable('blue')}
            onChange={change}
          />
          {evidencePanel('blue')}
        </Grid>
        <Grid item xs={12}>
          <VotePanel test={test} onChange={change} />
        </Grid>
        <Grid item xs={12}>
          <RemediationPanel
            test={test}
            editable={editable('remediation')}
            onChange={change}
          />
        </Grid>
        <Grid item xs={12}>
          <HistoryPanel history={test.history} />
        </Grid>
        <Grid item xs={12}>
          <TimelinePanel
            testId={test.id}
            reloadKey={timelineKey + evidence.changes}
          />
        </Grid>
      </Grid>
    </Content>
  );
}
