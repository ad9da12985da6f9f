import {
  REMEDIATION_STATUSES,
  type RemediationReport,
  type RemediationRow,
} from '@aegis-security/plugin-aegis-common';
import { Link, type TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { testRouteRef } from '../../routes';
import { REMEDIATION_STATUS_LABELS } from '../../workflowLabels';
import { ReportDownloads } from './downloads';
import { FilterSelect } from './FilterSelect';
import { ReportCard } from './ReportCard';
import { ReportTable } from './ReportTable';

type Filters = RemediationReport['filters'];

function TitleCell(props: { row: RemediationRow }) {
  const testRoute = useRouteRef(testRouteRef);
  return (
    <Link to={testRoute({ id: props.row.testId })}>{props.row.title}</Link>
  );
}

const columns: TableColumn<RemediationRow>[] = [
  { title: 'Test', render: row => <TitleCell row={row} /> },
  { title: 'Status', render: row => REMEDIATION_STATUS_LABELS[row.status] },
  { title: 'Owner', render: row => row.owner ?? '—' },
  {
    title: 'Due',
    render: row =>
      row.dueDate ? `${row.dueDate}${row.overdue ? ' (overdue)' : ''}` : '—',
  },
  { title: 'Steps', render: row => `${row.stepsDone} of ${row.stepsTotal}` },
  { title: 'Techniques', render: row => row.techniques.join(', ') },
];

const STATUS_OPTIONS = REMEDIATION_STATUSES.map(status => ({
  value: status,
  label: REMEDIATION_STATUS_LABELS[status],
}));

function isStatus(value: string | undefined): value is Filters['status'] {
  return REMEDIATION_STATUSES.some(status => status === value);
}

/** What is being fixed after the tests, by remediation status. */
export function RemediationReportCard(props: { cookieReady: boolean }) {
  const aegisApi = useApi(aegisApiRef);
  const [filters, setFilters] = useState<Filters>({});
  const report = useAsync(
    () => aegisApi.getRemediationReport(filters),
    [aegisApi, filters],
  );

  return (
    <ReportCard
      title="Remediation status"
      description="Fixes decided after tests, with owners and due dates"
      filters={
        <FilterSelect
          id="aegis-report-remediation-status"
          label="Status"
          anyLabel="Any status"
          options={STATUS_OPTIONS}
          value={filters.status}
          onChange={status =>
            setFilters({ status: isStatus(status) ? status : undefined })
          }
        />
      }
      downloads={
        <ReportDownloads
          report="remediation-status.csv"
          query={{ ...filters }}
          cookieReady={props.cookieReady}
          data={report.value}
          jsonFileName="aegis-remediation.json"
        />
      }
      loading={report.loading}
      error={report.error}
      empty={report.value?.items.length === 0}
      emptyText="No remediation matches this filter."
    >
      {report.value && (
        <ReportTable columns={columns} rows={report.value.items} />
      )}
    </ReportCard>
  );
}
