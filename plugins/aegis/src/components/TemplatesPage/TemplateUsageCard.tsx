import type { TemplateStats } from '@aegis-security/plugin-aegis-common';
import {
  InfoCard,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';

const columns: TableColumn<TemplateStats>[] = [
  { title: 'Template', field: 'name' },
  { title: 'Status', render: s => (s.active ? 'Active' : 'Inactive') },
  { title: 'Tests', field: 'tests', type: 'numeric' },
  { title: 'Validated', field: 'validated', type: 'numeric' },
  { title: 'Rejected', field: 'rejected', type: 'numeric' },
  { title: 'In progress', field: 'inProgress', type: 'numeric' },
  {
    title: 'Last used',
    render: s =>
      s.lastUsedAt ? new Date(s.lastUsedAt).toLocaleString() : 'Never',
  },
];

/**
 * How many tests each template produced and how they ended, so that
 * administrators see which templates are worth keeping.
 */
export function TemplateUsageCard(props: {
  /** Changes whenever a template changed, so that the figures follow. */
  generation: number;
}) {
  const aegisApi = useApi(aegisApiRef);
  const stats = useAsync(
    () => aegisApi.getTemplateStats(),
    [aegisApi, props.generation],
  );

  return (
    <InfoCard title="Usage" noPadding>
      {stats.error ? (
        <ResponseErrorPanel
          title="The usage could not be loaded"
          error={stats.error}
        />
      ) : (
        <Table<TemplateStats>
          columns={columns}
          data={stats.value?.items ?? []}
          isLoading={stats.loading}
          options={{
            paging: false,
            search: false,
            toolbar: false,
            sorting: false,
          }}
        />
      )}
    </InfoCard>
  );
}
