import type { AegisUser } from '@aegis-security/plugin-aegis-common';
import {
  StatusAborted,
  StatusOK,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { RoleList } from './RoleList';
import { userName } from './userText';

/** Properties of {@link UsersTable}. */
export interface UsersTableProps {
  users: AegisUser[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  /** Given when the viewer may change users; else no action is shown. */
  actions?: {
    onEditRoles: (user: AegisUser) => void;
    onToggleActive: (user: AegisUser) => void;
  };
}

function NameCell(props: { user: AegisUser }) {
  const { user } = props;
  return (
    <>
      <Typography variant="body2">{userName(user)}</Typography>
      {user.displayName && (
        <Typography variant="caption" color="textSecondary">
          {user.userEntityRef}
        </Typography>
      )}
    </>
  );
}

function columnsFor(actions: UsersTableProps['actions']) {
  const columns: TableColumn<AegisUser>[] = [
    { title: 'Name', render: user => <NameCell user={user} /> },
    { title: 'Email', render: user => user.email ?? '' },
    { title: 'Roles', render: user => <RoleList roles={user.roles} /> },
    {
      title: 'Status',
      render: user =>
        user.active ? (
          <StatusOK>Active</StatusOK>
        ) : (
          <StatusAborted>Deactivated</StatusAborted>
        ),
    },
  ];
  if (!actions) {
    return columns;
  }

  columns.push({
    title: 'Actions',
    render: user => (
      <Box display="flex" gridGap={8} whiteSpace="nowrap">
        <Button
          size="small"
          variant="outlined"
          aria-label={`Edit roles of ${userName(user)}`}
          onClick={() => actions.onEditRoles(user)}
        >
          Edit roles
        </Button>
        <Button
          size="small"
          aria-label={`${user.active ? 'Deactivate' : 'Reactivate'} ${userName(
            user,
          )}`}
          onClick={() => actions.onToggleActive(user)}
        >
          {user.active ? 'Deactivate' : 'Reactivate'}
        </Button>
      </Box>
    ),
  });
  return columns;
}

/** One page of users with their effective roles, paged by the backend. */
export function UsersTable(props: UsersTableProps) {
  const { users, total, page, pageSize, loading, onPageChange } = props;

  return (
    <Table<AegisUser>
      title="Users"
      columns={columnsFor(props.actions)}
      data={users}
      isLoading={loading}
      page={page}
      totalCount={total}
      onPageChange={onPageChange}
      options={{
        paging: true,
        pageSize,
        pageSizeOptions: [20, 50, 100],
        search: false,
        sorting: false,
      }}
      emptyContent={
        <Box p={2}>
          <Typography color="textSecondary">
            No user matches these filters.
          </Typography>
        </Box>
      }
    />
  );
}
