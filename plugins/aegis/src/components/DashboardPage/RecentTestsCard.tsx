import type { SecurityTestSummary } from '@aegis-security/plugin-aegis-common';
import { Link, Table, type TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { testRouteRef } from '../../routes';
import { TestStateChip } from '../TestsPage/TestStateChip';
import { MetricCard } from './MetricCard';

function TitleCell(props: { test: SecurityTestSummary }) {
  const testRoute = useRouteRef(testRouteRef);
  return <Link to={testRoute({ id: props.test.id })}>{props.test.title}</Link>;
}

const columns: TableColumn<SecurityTestSummary>[] = [
  { title: 'Title', render: test => <TitleCell test={test} /> },
  { title: 'State', render: test => <TestStateChip state={test.state} /> },
  { title: 'Techniques', render: test => test.techniques.join(', ') },
  { title: 'Platform', render: test => test.platform },
  {
    title: 'Updated',
    render: test => new Date(test.updatedAt).toLocaleString(),
  },
];

/** The tests changed last, each linked to its page. */
export function RecentTestsCard() {
  const aegisApi = useApi(aegisApiRef);
  const state = useAsync(() => aegisApi.getRecentTests(), [aegisApi]);

  return (
    <MetricCard
      title="Recent tests"
      state={state}
      isEmpty={recent => recent.items.length === 0}
      emptyText="No security test yet."
    >
      {recent => (
        <Table<SecurityTestSummary>
          columns={columns}
          data={recent.items}
          options={{
            paging: false,
            search: false,
            sorting: false,
            toolbar: false,
            padding: 'dense',
          }}
        />
      )}
    </MetricCard>
  );
}
