import {
  Content,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { SignedInCard } from './SignedInCard';

/** The body of the Aegis home page, shared by both frontend systems. */
export function HomeContent() {
  const aegisApi = useApi(aegisApiRef);
  const health = useAsync(() => aegisApi.getHealth(), [aegisApi]);

  if (health.loading) {
    return <Progress />;
  }
  if (health.error) {
    return (
      <Content>
        <ResponseErrorPanel
          title="The Aegis backend cannot be reached"
          error={health.error}
        />
      </Content>
    );
  }
  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12} md={6} lg={4}>
          <SignedInCard />
        </Grid>
        <Grid item xs={12}>
          <EmptyState
            missing="data"
            title="No ATT&CK data yet"
            description="Aegis tracks which MITRE ATT&CK techniques your red and blue teams have proven you can detect. Start by syncing the ATT&CK knowledge base: an Aegis administrator runs the first sync, after which the matrix, tests and coverage appear here."
          />
        </Grid>
      </Grid>
    </Content>
  );
}
