import type { AegisUser } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import DialogContentText from '@material-ui/core/DialogContentText';
import { aegisApiRef } from '../../api/aegisApiRef';
import { ActionDialog } from './ActionDialog';
import { userName } from './userText';
import { useSubmit } from './useSubmit';

/** Asks for confirmation, then deactivates an active user or reactivates. */
export function ActivationDialog(props: {
  user: AegisUser;
  onClose: () => void;
  onSaved: (user: AegisUser) => void;
}) {
  const { user, onClose, onSaved } = props;
  const aegisApi = useApi(aegisApiRef);
  const reactivate = !user.active;
  const { submit, submitting, error } = useSubmit(
    () => aegisApi.updateUser(user.userEntityRef, { active: reactivate }),
    onSaved,
  );

  const verb = reactivate ? 'Reactivate' : 'Deactivate';
  return (
    <ActionDialog
      id="aegis-activation"
      title={`${verb} ${userName(user)}?`}
      submitLabel={verb}
      onSubmit={submit}
      onClose={onClose}
      submitting={submitting}
      error={error}
    >
      <DialogContentText>
        {reactivate
          ? `${userName(user)} gets back the roles they held before.`
          : `${userName(
              user,
            )} keeps their assigned roles but is denied every Aegis action until reactivated.`}
      </DialogContentText>
    </ActionDialog>
  );
}
