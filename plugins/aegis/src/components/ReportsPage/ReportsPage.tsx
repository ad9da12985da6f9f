import { Content, ContentHeader } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useCallback, useState } from 'react';
import { describeError } from '../../api/responseErrors';
import { CoverageReportCard } from './CoverageReportCard';
import { useDownloadCookie } from './downloads';
import { NavigatorLayerCard } from './NavigatorLayerCard';
import { RemediationReportCard } from './RemediationReportCard';
import { TestResultsReportCard } from './TestResultsReportCard';

/** The reports, each with a preview and its downloads. */
export function ReportsPage() {
  const cookie = useDownloadCookie();
  const cookieReady = !cookie.loading && !cookie.error;
  const [platforms, setPlatforms] = useState<string[]>([]);
  const seePlatforms = useCallback(
    (seen: string[]) =>
      setPlatforms(known => {
        const added = seen.filter(p => !known.includes(p));
        return added.length === 0 ? known : [...known, ...added].sort();
      }),
    [],
  );

  return (
    <Content>
      <ContentHeader
        title="Reports"
        description="Coverage, test results and remediation, to read here or download"
      />
      {cookie.error && (
        <Typography color="error" paragraph>
          Downloads are unavailable: {describeError(cookie.error)}
        </Typography>
      )}
      <Grid container spacing={3}>
        <Grid item xs={12} lg={6}>
          <CoverageReportCard
            cookieReady={cookieReady}
            platforms={platforms}
            onPlatformsSeen={seePlatforms}
          />
        </Grid>
        <Grid item xs={12} lg={6}>
          <NavigatorLayerCard cookieReady={cookieReady} platforms={platforms} />
        </Grid>
        <Grid item xs={12}>
          <TestResultsReportCard cookieReady={cookieReady} />
        </Grid>
        <Grid item xs={12}>
          <RemediationReportCard cookieReady={cookieReady} />
        </Grid>
      </Grid>
    </Content>
  );
}
