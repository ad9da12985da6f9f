import { Content, ContentHeader } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { CoverageDonutCard } from './CoverageDonutCard';
import { DateWindowPicker } from './DateWindowPicker';
import { lastDays } from './dateWindow';
import { PipelineCard } from './PipelineCard';
import { RecentTestsCard } from './RecentTestsCard';
import { TacticCoverageCard } from './TacticCoverageCard';
import { TeamActivityCard } from './TeamActivityCard';
import { TrendCard } from './TrendCard';
import { ValidationRateCard } from './ValidationRateCard';

/**
 * Coverage and test metrics at a glance. Each card loads on its own, so one
 * slow or failing metric does not hold back the others.
 */
export function DashboardPage() {
  const [window, setWindow] = useState(() => lastDays(30));

  return (
    <Content>
      <ContentHeader
        title="Coverage dashboard"
        description="What the tests prove the company detects, and how the testing goes"
      >
        <DateWindowPicker value={window} onChange={setWindow} />
      </ContentHeader>
      <Grid container spacing={3}>
        <Grid item xs={12} md={5} lg={4}>
          <CoverageDonutCard />
        </Grid>
        <Grid item xs={12} md={7} lg={8}>
          <TacticCoverageCard />
        </Grid>
        <Grid item xs={12} lg={6}>
          <TrendCard window={window} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <PipelineCard />
        </Grid>
        <Grid item xs={12} lg={6}>
          <TeamActivityCard window={window} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <ValidationRateCard window={window} />
        </Grid>
        <Grid item xs={12}>
          <RecentTestsCard />
        </Grid>
      </Grid>
    </Content>
  );
}
