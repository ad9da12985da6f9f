import {
  aegisUserCreatePermission,
  aegisUserReadPermission,
  aegisUserUpdatePermission,
  type AegisUser,
} from '@aegis-security/plugin-aegis-common';
import {
  Content,
  ContentHeader,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { isForbidden } from '../../api/responseErrors';
import { ActivationDialog } from './ActivationDialog';
import { AddUserDialog } from './AddUserDialog';
import { EditRolesDialog } from './EditRolesDialog';
import { NoAccess } from './NoAccess';
import { UserFilters } from './UserFilters';
import { UsersTable } from './UsersTable';
import { useUserList } from './useUserList';

type OpenDialog =
  | { kind: 'add' }
  | { kind: 'edit-roles'; user: AegisUser }
  | { kind: 'activation'; user: AegisUser };

function UserAdministration() {
  const list = useUserList();
  const { allowed: canCreate } = usePermission({
    permission: aegisUserCreatePermission,
  });
  const { allowed: canUpdate } = usePermission({
    permission: aegisUserUpdatePermission,
  });
  const [dialog, setDialog] = useState<OpenDialog>();

  const closeDialog = () => setDialog(undefined);
  const afterChange = () => {
    setDialog(undefined);
    list.users.retry();
  };

  if (isForbidden(list.users.error)) {
    return <NoAccess />;
  }
  return (
    <Content>
      <ContentHeader
        title="Users & roles"
        description="Who may do what in Aegis, and where each role comes from"
      >
        {canCreate && (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setDialog({ kind: 'add' })}
          >
            Add user
          </Button>
        )}
      </ContentHeader>
      <UserFilters
        role={list.role}
        onRoleChange={list.changeRole}
        searchText={list.searchText}
        onSearchTextChange={list.changeSearchText}
      />
      {list.users.error ? (
        <ResponseErrorPanel
          title="The users could not be loaded"
          error={list.users.error}
        />
      ) : (
        <UsersTable
          users={list.users.value?.items ?? []}
          total={list.users.value?.total ?? 0}
          page={list.page}
          pageSize={list.pageSize}
          loading={list.users.loading}
          onPageChange={list.changePage}
          actions={
            canUpdate
              ? {
                  onEditRoles: user => setDialog({ kind: 'edit-roles', user }),
                  onToggleActive: user =>
                    setDialog({ kind: 'activation', user }),
                }
              : undefined
          }
        />
      )}

      {dialog?.kind === 'add' && (
        <AddUserDialog onClose={closeDialog} onSaved={afterChange} />
      )}
      {dialog?.kind === 'edit-roles' && (
        <EditRolesDialog
          user={dialog.user}
          onClose={closeDialog}
          onSaved={afterChange}
        />
      )}
      {dialog?.kind === 'activation' && (
        <ActivationDialog
          user={dialog.user}
          onClose={closeDialog}
          onSaved={afterChange}
        />
      )}
    </Content>
  );
}

/**
 * The "Users & roles" page: Aegis users with their effective roles, and the
 * changes the viewer is allowed to make.
 */
export function UsersPage() {
  const { loading, allowed } = usePermission({
    permission: aegisUserReadPermission,
  });

  if (loading) {
    return <Progress />;
  }
  return allowed ? <UserAdministration /> : <NoAccess />;
}
