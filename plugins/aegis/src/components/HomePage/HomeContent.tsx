import {
  Content,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { AttackSummary } from './AttackSummary';
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
          <AttackSummary />
        </Grid>
      </Grid>
    </Content>
  );
}
