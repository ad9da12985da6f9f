import type { RoleAssignment } from '@aegis-security/plugin-aegis-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { ROLE_LABELS } from '../../roleLabels';
import { describeRoleSources } from './userText';

/** A user's effective roles, each with where it comes from. */
export function RoleList(props: { roles: RoleAssignment[] }) {
  const { roles } = props;

  if (roles.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No role
      </Typography>
    );
  }
  return (
    <Box display="flex" flexDirection="column" gridGap={4}>
      {roles.map(assignment => (
        <Box
          key={assignment.role}
          display="flex"
          alignItems="center"
          gridGap={8}
        >
          <Chip size="small" label={ROLE_LABELS[assignment.role]} />
          <Typography variant="caption" color="textSecondary">
            {describeRoleSources(assignment)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
