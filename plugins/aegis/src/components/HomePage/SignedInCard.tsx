import {
  aegisSystemReadPermission,
  aegisUserReadPermission,
} from '@aegis-security/plugin-aegis-common';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { describeError } from '../../api/responseErrors';
import { ROLE_LABELS } from '../../roleLabels';
import { Link as RouterLink } from 'react-router-dom';
import { syncRouteRef, usersRouteRef } from '../../routes';

/**
 * Who is signed in and which Aegis roles they hold, with a way to the user
 * administration for those allowed to read it.
 */
export function SignedInCard() {
  const aegisApi = useApi(aegisApiRef);
  const me = useAsync(() => aegisApi.getMe(), [aegisApi]);
  const usersRoute = useRouteRef(usersRouteRef);
  const syncRoute = useRouteRef(syncRouteRef);
  const { allowed: canReadUsers } = usePermission({
    permission: aegisUserReadPermission,
  });
  const { allowed: canReadSync } = usePermission({
    permission: aegisSystemReadPermission,
  });

  const deepLink = canReadUsers
    ? { title: 'Users & roles', link: usersRoute() }
    : undefined;

  return (
    <InfoCard title="Your Aegis access" deepLink={deepLink}>
      {me.loading && <Progress />}
      {me.error && (
        <Typography color="error">
          Your Aegis roles could not be loaded: {describeError(me.error)}
        </Typography>
      )}
      {me.value && (
        <>
          <Typography>
            Signed in as{' '}
            <strong>{me.value.displayName ?? me.value.userEntityRef}</strong>
          </Typography>
          {!me.value.active && (
            <Typography color="error">
              Your Aegis access is deactivated: an Aegis administrator can
              reactivate it.
            </Typography>
          )}
          {canReadSync && (
            <Typography variant="body2">
              <Link component={RouterLink} to={syncRoute()}>
                ATT&CK sync history
              </Link>
            </Typography>
          )}
          <Box mt={1} display="flex" flexWrap="wrap" gridGap={8}>
            {me.value.roles.length === 0 && (
              <Typography color="textSecondary">No Aegis role</Typography>
            )}
            {me.value.roles.map(role => (
              <Chip key={role} size="small" label={ROLE_LABELS[role]} />
            ))}
          </Box>
        </>
      )}
    </InfoCard>
  );
}
