import {
  Content,
  ContentHeader,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { ROLE_LABELS } from '../../roleLabels';
import { createTestRouteRef, templatesRouteRef } from '../../routes';
import { TestFilters } from './TestFilters';
import { TestSortControl } from './TestSortControl';
import { TestsTable } from './TestsTable';
import { useTestList } from './useTestList';
import { waitingFilterFor } from './waitingForMe';

type View = 'all' | 'waiting';

/**
 * The list of security tests, filtered and sorted by the backend, with a
 * "Waiting for me" view for users whose roles have work to do.
 */
export function TestsPage() {
  const aegisApi = useApi(aegisApiRef);
  const createTestRoute = useRouteRef(createTestRouteRef);
  const templatesRoute = useRouteRef(templatesRouteRef);
  const me = useAsync(() => aegisApi.getMe(), [aegisApi]);
  const waiting = me.value && waitingFilterFor(me.value.roles);
  const [view, setView] = useState<View>('all');
  const list = useTestList(
    view === 'waiting' && waiting ? waiting.filter : undefined,
  );

  const canCreate = Boolean(me.value?.permissions['aegis.test.create']);

  return (
    <Content>
      <ContentHeader
        title="Security tests"
        description="Red team attacks and what the blue team saw of them"
      >
        <Button component={RouterLink} to={templatesRoute()}>
          Templates
        </Button>
        {canCreate && (
          <Button
            variant="contained"
            color="primary"
            component={RouterLink}
            to={createTestRoute()}
          >
            New test
          </Button>
        )}
      </ContentHeader>
      {waiting && (
        <Tabs
          value={view}
          onChange={(_event, next: View) => {
            setView(next);
            list.firstPage();
          }}
          indicatorColor="primary"
        >
          <Tab value="all" label="All tests" />
          <Tab
            value="waiting"
            label={`Waiting for me (${ROLE_LABELS[waiting.role]})`}
          />
        </Tabs>
      )}
      {view === 'all' && (
        <TestFilters filters={list.filters} onChange={list.changeFilters} />
      )}
      <TestSortControl sort={list.sort} onChange={list.changeSort} />
      {list.tests.error ? (
        <ResponseErrorPanel
          title="The tests could not be loaded"
          error={list.tests.error}
        />
      ) : (
        <TestsTable
          tests={list.tests.value?.items ?? []}
          total={list.tests.value?.total ?? 0}
          page={list.page}
          pageSize={list.pageSize}
          loading={list.tests.loading}
          onPageChange={list.changePage}
        />
      )}
    </Content>
  );
}
