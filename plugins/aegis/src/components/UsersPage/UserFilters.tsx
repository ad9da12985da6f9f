import {
  AEGIS_ROLES,
  type AegisRole,
  isAegisRole,
} from '@aegis-security/plugin-aegis-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { ROLE_LABELS } from '../../roleLabels';

const ANY_ROLE = 'any';

/** The role filter and the search text of the user list. */
export function UserFilters(props: {
  role?: AegisRole;
  onRoleChange: (role: AegisRole | undefined) => void;
  searchText: string;
  onSearchTextChange: (text: string) => void;
}) {
  const { role, onRoleChange, searchText, onSearchTextChange } = props;

  return (
    <Box display="flex" flexWrap="wrap" gridGap={16} mb={2}>
      <TextField
        id="aegis-users-role"
        select
        label="Role"
        variant="outlined"
        size="small"
        value={role ?? ANY_ROLE}
        onChange={event => {
          const value = event.target.value;
          onRoleChange(isAegisRole(value) ? value : undefined);
        }}
        SelectProps={{ native: true }}
        style={{ minWidth: 180 }}
      >
        <option value={ANY_ROLE}>Any role</option>
        {AEGIS_ROLES.map(r => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </TextField>
      <TextField
        id="aegis-users-search"
        type="search"
        label="Search"
        placeholder="Name, email or entity ref"
        variant="outlined"
        size="small"
        value={searchText}
        onChange={event => onSearchTextChange(event.target.value)}
        style={{ minWidth: 280 }}
      />
    </Box>
  );
}
