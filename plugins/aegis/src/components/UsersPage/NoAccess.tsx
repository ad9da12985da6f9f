import { Content } from '@backstage/core-components';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';

/** What users without `aegis.user.read` see instead of the user list. */
export function NoAccess() {
  return (
    <Content>
      <Alert severity="info">
        <AlertTitle>You do not have access to user administration</AlertTitle>
        Only Aegis administrators can see and change users and their roles. Ask
        one of them if you need a role changed.
      </Alert>
    </Content>
  );
}
