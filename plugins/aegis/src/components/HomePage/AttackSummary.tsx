import { EmptyState, Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { describeError } from '../../api/responseErrors';
import {
  dashboardRouteRef,
  matrixRouteRef,
  reportsRouteRef,
  testsRouteRef,
} from '../../routes';

/** How much ATT&CK data Aegis holds, or the first step when it holds none. */
export function AttackSummary() {
  const aegisApi = useApi(aegisApiRef);
  const matrixRoute = useRouteRef(matrixRouteRef);
  const testsRoute = useRouteRef(testsRouteRef);
  const dashboardRoute = useRouteRef(dashboardRouteRef);
  const reportsRoute = useRouteRef(reportsRouteRef);
  const counts = useAsync(async () => {
    const [tactics, techniques] = await Promise.all([
      aegisApi.listTactics(),
      aegisApi.listTechniques({ limit: 1 }),
    ]);
    return { tactics: tactics.items.length, techniques: techniques.total };
  }, [aegisApi]);

  const matrixLink = <Link to={matrixRoute()}>Open the ATT&CK matrix</Link>;

  if (counts.loading) {
    return <Progress />;
  }
  if (counts.error) {
    return (
      <Typography color="error">
        The ATT&CK data could not be counted: {describeError(counts.error)}
      </Typography>
    );
  }
  if (counts.value?.tactics === 0) {
    return (
      <EmptyState
        missing="data"
        title="No ATT&CK data yet"
        description="Aegis tracks which MITRE ATT&CK techniques your red and blue teams have proven you can detect. Start by syncing the ATT&CK knowledge base: an Aegis administrator runs the first sync, after which the matrix, tests and coverage appear here."
        action={matrixLink}
      />
    );
  }
  return (
    <>
      <Typography paragraph>
        Aegis holds {counts.value?.tactics} tactics and{' '}
        {counts.value?.techniques} techniques of MITRE ATT&CK.
      </Typography>
      <Typography paragraph>{matrixLink}</Typography>
      <Typography paragraph>
        <Link to={dashboardRoute()}>Coverage dashboard</Link>
      </Typography>
      <Typography paragraph>
        <Link to={reportsRoute()}>Reports and exports</Link>
      </Typography>
      <Link to={testsRoute()}>Security tests</Link>
    </>
  );
}
