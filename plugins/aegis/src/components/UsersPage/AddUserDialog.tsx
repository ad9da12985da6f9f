import type { AegisRole, AegisUser } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { aegisApiRef } from '../../api/aegisApiRef';
import { ActionDialog } from './ActionDialog';
import { RoleCheckboxes } from './RoleCheckboxes';
import { useSubmit } from './useSubmit';

/** Assigns roles to a catalog user that Aegis does not list yet. */
export function AddUserDialog(props: {
  onClose: () => void;
  onSaved: (user: AegisUser) => void;
}) {
  const { onClose, onSaved } = props;
  const aegisApi = useApi(aegisApiRef);
  const [userEntityRef, setUserEntityRef] = useState('');
  const [roles, setRoles] = useState<AegisRole[]>([]);
  const { submit, submitting, error } = useSubmit(
    () => aegisApi.createUser({ userEntityRef: userEntityRef.trim(), roles }),
    onSaved,
  );

  return (
    <ActionDialog
      id="aegis-add-user"
      title="Add user"
      submitLabel="Add"
      onSubmit={submit}
      onClose={onClose}
      submitting={submitting}
      submitDisabled={userEntityRef.trim() === ''}
      error={error}
    >
      <TextField
        id="aegis-add-user-ref"
        label="User entity ref"
        placeholder="user:default/name"
        helperText="The user's reference in the catalog, such as user:default/jane.doe"
        value={userEntityRef}
        onChange={event => setUserEntityRef(event.target.value)}
        disabled={submitting}
        required
        fullWidth
        margin="dense"
      />
      <RoleCheckboxes
        selected={roles}
        onChange={setRoles}
        disabled={submitting}
      />
    </ActionDialog>
  );
}
