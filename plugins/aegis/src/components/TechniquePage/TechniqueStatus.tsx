import type { TechniqueDetail } from '@aegis-security/plugin-aegis-common';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { techniqueRouteRef } from '../../routes';

/** Whether MITRE retired the technique, and whether Aegis asks for a review. */
export function TechniqueStatus(props: { technique: TechniqueDetail }) {
  const { technique } = props;
  const techniqueRoute = useRouteRef(techniqueRouteRef);
  const { revoked, revokedBy, deprecated, reviewRequired } = technique;

  return (
    <Box display="grid" gridGap={8} mb={2}>
      {revoked && (
        <Alert severity="warning">
          MITRE revoked this technique.{' '}
          {revokedBy ? (
            <>
              It is replaced by{' '}
              <Link to={techniqueRoute({ mitreId: revokedBy })}>
                {revokedBy}
              </Link>
              .
            </>
          ) : (
            'MITRE names no replacement.'
          )}
        </Alert>
      )}
      {deprecated && !revoked && (
        <Alert severity="warning">
          MITRE deprecated this technique: it is no longer maintained.
        </Alert>
      )}
      {reviewRequired && (
        <Alert severity="info">
          Needs review after an ATT&CK change
          {technique.reviewNote ? `: ${technique.reviewNote}` : '.'}
        </Alert>
      )}
    </Box>
  );
}
