import {
  aegisTemplateCreatePermission,
  aegisTemplateStatsReadPermission,
  aegisTemplateUpdatePermission,
  aegisTestCreatePermission,
  type MeResponse,
  type TestTemplate,
} from '@aegis-security/plugin-aegis-common';
import {
  Content,
  ContentHeader,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { CreateTestDialog } from './CreateTestDialog';
import { TemplateDialog } from './TemplateDialog';
import { TemplateFilters } from './TemplateFilters';
import { TemplatesTable } from './TemplatesTable';
import { TemplateUsageCard } from './TemplateUsageCard';
import { useActivation } from './useActivation';
import { useTemplateList } from './useTemplateList';

type OpenDialog =
  | { kind: 'new' }
  | { kind: 'edit'; template: TestTemplate }
  | { kind: 'create-test'; template: TestTemplate };

function TemplateCatalog(props: { me: MeResponse }) {
  const holds = (permission: { name: string }) =>
    Boolean(props.me.permissions[permission.name]);
  const canCreate = holds(aegisTemplateCreatePermission);
  const canUpdate = holds(aegisTemplateUpdatePermission);
  const canCreateTest = holds(aegisTestCreatePermission);
  const canReadStats = holds(aegisTemplateStatsReadPermission);
  const list = useTemplateList(canUpdate);
  const [dialog, setDialog] = useState<OpenDialog>();
  const [generation, setGeneration] = useState(0);

  const reload = () => {
    list.templates.retry();
    setGeneration(current => current + 1);
  };
  const activation = useActivation(reload);
  const afterSave = () => {
    setDialog(undefined);
    reload();
  };

  return (
    <Content>
      <ContentHeader
        title="Test templates"
        description="Reusable attacks that new security tests start from"
      >
        {canCreate && (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setDialog({ kind: 'new' })}
          >
            New template
          </Button>
        )}
      </ContentHeader>
      <TemplateFilters
        text={list.text}
        onTextChange={list.changeText}
        status={list.status}
        onStatusChange={canUpdate ? list.changeStatus : undefined}
      />
      {activation.error && (
        <Box mb={2}>
          <Alert severity="error" onClose={activation.clearError}>
            {activation.error}
          </Alert>
        </Box>
      )}
      {list.templates.error ? (
        <ResponseErrorPanel
          title="The templates could not be loaded"
          error={list.templates.error}
        />
      ) : (
        <TemplatesTable
          templates={list.templates.value?.items ?? []}
          total={list.templates.value?.total ?? 0}
          page={list.page}
          pageSize={list.pageSize}
          loading={list.templates.loading}
          onPageChange={list.changePage}
          actions={{
            onCreateTest: canCreateTest
              ? template => setDialog({ kind: 'create-test', template })
              : undefined,
            onEdit: canUpdate
              ? template => setDialog({ kind: 'edit', template })
              : undefined,
            onToggleActive: canUpdate ? activation.toggle : undefined,
          }}
        />
      )}
      {canReadStats && (
        <Box mt={3}>
          <TemplateUsageCard generation={generation} />
        </Box>
      )}

      {(dialog?.kind === 'new' || dialog?.kind === 'edit') && (
        <TemplateDialog
          template={dialog.kind === 'edit' ? dialog.template : undefined}
          onClose={() => setDialog(undefined)}
          onSaved={afterSave}
          onConflict={reload}
        />
      )}
      {dialog?.kind === 'create-test' && (
        <CreateTestDialog
          template={dialog.template}
          onClose={() => setDialog(undefined)}
        />
      )}
    </Content>
  );
}

/**
 * The test templates: everyone reads the active ones; the buttons follow
 * the permissions the backend reports for the signed-in user, which it
 * enforces again on every request.
 */
export function TemplatesPage() {
  const aegisApi = useApi(aegisApiRef);
  const me = useAsync(() => aegisApi.getMe(), [aegisApi]);

  if (me.error) {
    return (
      <Content>
        <ResponseErrorPanel
          title="Your Aegis permissions could not be loaded"
          error={me.error}
        />
      </Content>
    );
  }
  return me.value ? <TemplateCatalog me={me.value} /> : <Progress />;
}
