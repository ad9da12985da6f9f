import {
  aegisAttackSyncPermission,
  aegisSystemReadPermission,
  type SyncRun,
} from '@aegis-security/plugin-aegis-common';
import {
  Content,
  ContentHeader,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aegisApiRef } from '../../api/aegisApiRef';
import { describeError } from '../../api/responseErrors';

const columns: TableColumn<SyncRun>[] = [
  { title: 'Started', render: run => new Date(run.startedAt).toLocaleString() },
  { title: 'Domain', field: 'domain' },
  {
    title: 'Trigger',
    render: run =>
      run.triggeredBy ? `${run.trigger} by ${run.triggeredBy}` : run.trigger,
  },
  { title: 'Outcome', field: 'outcome' },
  {
    title: 'Source',
    render: run => (
      <>
        <Typography variant="body2">
          {run.source ?? '—'} {run.release && `(ATT&CK ${run.release})`}
        </Typography>
        {run.skippedSources.map(skipped => (
          <Typography
            key={skipped.source}
            variant="caption"
            color="textSecondary"
            display="block"
          >
            {skipped.source} skipped: {skipped.reason}
          </Typography>
        ))}
      </>
    ),
  },
  {
    title: 'Changes',
    render: run =>
      `${run.added} added, ${run.changed} changed, ${run.deprecated} deprecated, ${run.revoked} revoked, ${run.unchanged} unchanged`,
  },
  {
    title: 'Duration',
    render: run =>
      run.durationMs === undefined ? '—' : `${run.durationMs} ms`,
  },
  {
    title: 'Error',
    render: run => run.error ?? '',
  },
];

/**
 * The ATT&CK sync history, newest first, with a "Sync now" button for those
 * who may start a sync.
 */
export function SyncPage() {
  const aegisApi = useApi(aegisApiRef);
  const { allowed: canRead, loading: checking } = usePermission({
    permission: aegisSystemReadPermission,
  });
  const { allowed: canSync } = usePermission({
    permission: aegisAttackSyncPermission,
  });
  const runs = useAsyncRetry(
    async () => (canRead ? aegisApi.listSyncRuns({ limit: 50 }) : undefined),
    [aegisApi, canRead],
  );
  const [syncing, setSyncing] = useState(false);
  const [syncError, setSyncError] = useState<string>();

  const syncNow = async () => {
    setSyncing(true);
    setSyncError(undefined);
    try {
      await aegisApi.syncAttack();
    } catch (error) {
      setSyncError(describeError(error));
    } finally {
      setSyncing(false);
      runs.retry();
    }
  };

  if (checking) {
    return <Progress />;
  }
  if (!canRead) {
    return (
      <Content>
        <Typography>
          You do not have access to the ATT&CK sync history.
        </Typography>
      </Content>
    );
  }
  return (
    <Content>
      <ContentHeader
        title="ATT&CK sync"
        description="When Aegis last updated its ATT&CK knowledge base, from where, and what changed"
      >
        {canSync && (
          <Button
            variant="contained"
            color="primary"
            disabled={syncing}
            onClick={syncNow}
          >
            {syncing ? 'Syncing…' : 'Sync now'}
          </Button>
        )}
      </ContentHeader>
      {syncError && (
        <Typography color="error" paragraph>
          The sync could not be started: {syncError}
        </Typography>
      )}
      {runs.error && (
        <ResponseErrorPanel
          title="The sync history could not be loaded"
          error={runs.error}
        />
      )}
      <Table<SyncRun>
        title="Sync runs"
        isLoading={runs.loading}
        columns={columns}
        data={runs.value?.items ?? []}
        options={{ paging: false, search: false, padding: 'dense' }}
      />
    </Content>
  );
}
