import {
  TEST_STATES,
  type TestResultRow,
  type TestResultsReport,
} from '@aegis-security/plugin-aegis-common';
import { Link, type TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { testRouteRef } from '../../routes';
import { CONTROL_RESULT_LABELS, STATE_LABELS } from '../../workflowLabels';
import { TestStateChip } from '../TestsPage/TestStateChip';
import { ReportDownloads } from './downloads';
import { DayField, FilterSelect } from './FilterSelect';
import { ReportCard } from './ReportCard';
import { ReportTable } from './ReportTable';

type Filters = TestResultsReport['filters'];

function TitleCell(props: { row: TestResultRow }) {
  const testRoute = useRouteRef(testRouteRef);
  return <Link to={testRoute({ id: props.row.id })}>{props.row.title}</Link>;
}

const columns: TableColumn<TestResultRow>[] = [
  { title: 'Test', render: row => <TitleCell row={row} /> },
  { title: 'State', render: row => <TestStateChip state={row.state} /> },
  {
    title: 'Outcome',
    render: row => (row.outcome ? CONTROL_RESULT_LABELS[row.outcome] : '—'),
  },
  { title: 'Techniques', render: row => row.techniques.join(', ') },
  { title: 'Platform', render: row => row.platform },
  {
    title: 'Validated',
    render: row =>
      row.validatedAt ? new Date(row.validatedAt).toLocaleDateString() : '—',
  },
];

const STATE_OPTIONS = TEST_STATES.map(state => ({
  value: state,
  label: STATE_LABELS[state],
}));

function isState(value: string | undefined): value is Filters['state'] {
  return TEST_STATES.some(state => state === value);
}

/** Every test with its outcome, by state and by the day it last changed. */
export function TestResultsReportCard(props: { cookieReady: boolean }) {
  const aegisApi = useApi(aegisApiRef);
  const [filters, setFilters] = useState<Filters>({});
  const report = useAsync(
    () => aegisApi.getTestResultsReport(filters),
    [aegisApi, filters],
  );
  const change = (fields: Partial<Filters>) =>
    setFilters(current => ({ ...current, ...fields }));

  return (
    <ReportCard
      title="Test results"
      description="Tests with their outcome, by state and date"
      filters={
        <>
          <FilterSelect
            id="aegis-report-tests-state"
            label="State"
            anyLabel="Any state"
            options={STATE_OPTIONS}
            value={filters.state}
            onChange={state =>
              change({ state: isState(state) ? state : undefined })
            }
          />
          <DayField
            id="aegis-report-tests-from"
            label="From"
            value={filters.date_from}
            onChange={date_from => change({ date_from })}
          />
          <DayField
            id="aegis-report-tests-to"
            label="To"
            value={filters.date_to}
            onChange={date_to => change({ date_to })}
          />
        </>
      }
      downloads={
        <ReportDownloads
          report="test-results.csv"
          query={{ ...filters }}
          cookieReady={props.cookieReady}
          data={report.value}
          jsonFileName="aegis-test-results.json"
        />
      }
      loading={report.loading}
      error={report.error}
      empty={report.value?.items.length === 0}
      emptyText="No test matches these filters."
    >
      {report.value && (
        <ReportTable columns={columns} rows={report.value.items} />
      )}
    </ReportCard>
  );
}
