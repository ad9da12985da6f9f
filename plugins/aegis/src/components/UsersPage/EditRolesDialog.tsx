import type { AegisRole, AegisUser } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import DialogContentText from '@material-ui/core/DialogContentText';
import { useState } from 'react';
import { aegisApiRef } from '../../api/aegisApiRef';
import { ActionDialog } from './ActionDialog';
import { RoleCheckboxes } from './RoleCheckboxes';
import { describeRoleSource, userName } from './userText';
import { useSubmit } from './useSubmit';

/** For each role the user also holds from config or by default, how. */
function rolesFromElsewhere(user: AegisUser) {
  const notes: Partial<Record<AegisRole, string>> = {};
  for (const { role, sources } of user.roles) {
    const others = sources.filter(source => source.type !== 'binding');
    if (others.length > 0) {
      notes[role] = `Also held from ${others
        .map(describeRoleSource)
        .join(', ')}`;
    }
  }
  return notes;
}

/** Edits the roles bound to a user in Aegis. */
export function EditRolesDialog(props: {
  user: AegisUser;
  onClose: () => void;
  onSaved: (user: AegisUser) => void;
}) {
  const { user, onClose, onSaved } = props;
  const aegisApi = useApi(aegisApiRef);
  const [roles, setRoles] = useState<AegisRole[]>(user.boundRoles);
  const { submit, submitting, error } = useSubmit(
    () => aegisApi.updateUser(user.userEntityRef, { roles }),
    onSaved,
  );

  return (
    <ActionDialog
      id="aegis-edit-roles"
      title={`Edit roles of ${userName(user)}`}
      submitLabel="Save"
      onSubmit={submit}
      onClose={onClose}
      submitting={submitting}
      error={error}
    >
      <DialogContentText>
        These are the roles assigned to {userName(user)} in Aegis. Roles that
        come from the configuration (directly or through a group) or from the
        default role are not edited here: they stay until the configuration
        changes.
      </DialogContentText>
      <RoleCheckboxes
        selected={roles}
        onChange={setRoles}
        notes={rolesFromElsewhere(user)}
        disabled={submitting}
      />
    </ActionDialog>
  );
}
