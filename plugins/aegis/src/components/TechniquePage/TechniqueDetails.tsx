import type { TechniqueDetail } from '@aegis-security/plugin-aegis-common';
import { InfoCard, Link, MarkdownContent } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { techniqueRouteRef } from '../../routes';
import { TechniqueCoverageCard } from './TechniqueCoverageCard';
import { TechniqueStatus } from './TechniqueStatus';

const CHANGES = {
  added: 'Added',
  changed: 'Changed',
  deprecated: 'Deprecated',
  revoked: 'Revoked',
};

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Box mb={2}>
      <Typography variant="overline" component="h3">
        {props.label}
      </Typography>
      {props.children}
    </Box>
  );
}

function Chips(props: { labels: string[] }) {
  if (props.labels.length === 0) {
    return <Typography color="textSecondary">None</Typography>;
  }
  return (
    <Box display="flex" flexWrap="wrap" gridGap={4}>
      {props.labels.map(label => (
        <Chip key={label} size="small" label={label} />
      ))}
    </Box>
  );
}

function LastChange(props: { change: TechniqueDetail['lastChange'] }) {
  const { change } = props;
  if (!change) {
    return <Typography color="textSecondary">No sync changed it</Typography>;
  }
  const release = change.release ? ` in ATT&CK ${change.release}` : '';
  const at = new Date(change.at).toLocaleDateString('en-US');
  return (
    <Typography>
      {CHANGES[change.change]}
      {release} on {at} (sync run {change.runId})
    </Typography>
  );
}

/** Everything Aegis knows about one technique. */
export function TechniqueDetails(props: { technique: TechniqueDetail }) {
  const { technique } = props;
  const techniqueRoute = useRouteRef(techniqueRouteRef);
  const parent = technique.parentMitreId;

  return (
    <>
      <Typography variant="h4" component="h2">
        {technique.name}
      </Typography>
      <Box display="flex" flexWrap="wrap" gridGap={16} mb={2}>
        <Typography color="textSecondary">{technique.mitreId}</Typography>
        {parent && (
          <Link to={techniqueRoute({ mitreId: parent })}>
            Sub-technique of {parent}
          </Link>
        )}
        {technique.url && (
          <Link to={technique.url}>View on attack.mitre.org</Link>
        )}
      </Box>
      <TechniqueStatus technique={technique} />
      <Grid container spacing={3}>
        <Grid item xs={12} md={8}>
          <Box mb={3}>
            <TechniqueCoverageCard coverage={technique.coverageDetail} />
          </Box>
          <InfoCard title="Description">
            <MarkdownContent content={technique.description || '—'} />
          </InfoCard>
          {technique.subtechniques.length > 0 && (
            <Box mt={3}>
              <InfoCard title="Sub-techniques">
                {technique.subtechniques.map(sub => (
                  <Typography key={sub.mitreId}>
                    <Link to={techniqueRoute({ mitreId: sub.mitreId })}>
                      {sub.mitreId} {sub.name}
                    </Link>
                    {sub.revoked && ' (revoked)'}
                    {sub.deprecated && !sub.revoked && ' (deprecated)'}
                  </Typography>
                ))}
              </InfoCard>
            </Box>
          )}
        </Grid>
        <Grid item xs={12} md={4}>
          <InfoCard title="Details">
            <Fact label="Platforms">
              <Chips labels={technique.platforms} />
            </Fact>
            <Fact label="Tactics">
              <Chips labels={technique.tactics} />
            </Fact>
            <Fact label="Detection strategies">
              <Chips
                labels={technique.detectionStrategies.map(
                  d => `${d.attackId} ${d.name}`,
                )}
              />
            </Fact>
            <Fact label="Last change">
              <LastChange change={technique.lastChange} />
            </Fact>
          </InfoCard>
        </Grid>
      </Grid>
    </>
  );
}
