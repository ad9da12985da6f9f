import type {
  CoverageFilter,
  CoverageReport,
} from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import { ReportDownloads } from './downloads';
import { FilterSelect } from './FilterSelect';
import { ReportCard } from './ReportCard';
import { useEntityOptions, useTacticOptions } from './useFilterOptions';

function Preview(props: { report: CoverageReport }) {
  const { counts, byTactic } = props.report;
  return (
    <>
      <Typography variant="body2" paragraph>
        {counts.total} techniques: {counts.validated} validated,{' '}
        {counts.partial} partial, {counts.in_progress} in progress,{' '}
        {counts.not_covered} not covered ({counts.confirmedGaps} confirmed gaps,{' '}
        {counts.stale} stale).
      </Typography>
      <Table size="small" aria-label="Coverage by tactic">
        <TableHead>
          <TableRow>
            <TableCell>Tactic</TableCell>
            <TableCell align="right">Techniques</TableCell>
            <TableCell align="right">Validated</TableCell>
            <TableCell align="right">Partial</TableCell>
            <TableCell align="right">In progress</TableCell>
            <TableCell align="right">Not covered</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {byTactic.map(tactic => (
            <TableRow key={`${tactic.domain}:${tactic.shortname}`}>
              <TableCell>{tactic.name}</TableCell>
              <TableCell align="right">{tactic.counts.total}</TableCell>
              <TableCell align="right">{tactic.counts.validated}</TableCell>
              <TableCell align="right">{tactic.counts.partial}</TableCell>
              <TableCell align="right">{tactic.counts.in_progress}</TableCell>
              <TableCell align="right">{tactic.counts.not_covered}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/**
 * The coverage summary by tactic, filtered by tactic, platform or catalog
 * entity, with its CSV of every technique.
 */
export function CoverageReportCard(props: {
  cookieReady: boolean;
  platforms: string[];
  /** Told the platforms each loaded report names, to offer them as filters. */
  onPlatformsSeen: (platforms: string[]) => void;
}) {
  const { onPlatformsSeen } = props;
  const aegisApi = useApi(aegisApiRef);
  const tactics = useTacticOptions();
  const entities = useEntityOptions();
  const [filter, setFilter] = useState<CoverageFilter>({});
  const report = useAsync(
    () => aegisApi.getCoverageReport(filter),
    [aegisApi, filter],
  );
  useEffect(() => {
    if (report.value) {
      onPlatformsSeen(report.value.byPlatform.map(p => p.platform));
    }
  }, [report.value, onPlatformsSeen]);
  const change = (fields: Partial<CoverageFilter>) =>
    setFilter(current => ({ ...current, ...fields }));

  return (
    <ReportCard
      title="Coverage summary"
      description="Techniques by coverage status, per tactic"
      filters={
        <>
          <FilterSelect
            id="aegis-report-coverage-tactic"
            label="Tactic"
            anyLabel="Any tactic"
            options={tactics}
            value={filter.tactic}
            onChange={tactic => change({ tactic })}
          />
          <FilterSelect
            id="aegis-report-coverage-platform"
            label="Platform"
            anyLabel="Any platform"
            options={props.platforms.map(p => ({ value: p, label: p }))}
            value={filter.platform}
            onChange={platform => change({ platform })}
          />
          <FilterSelect
            id="aegis-report-coverage-entity"
            label="Entity"
            anyLabel="Any entity"
            options={entities}
            value={filter.entityRef}
            onChange={entityRef => change({ entityRef })}
          />
        </>
      }
      downloads={
        <ReportDownloads
          report="coverage-csv"
          query={{ ...filter }}
          cookieReady={props.cookieReady}
          data={report.value}
          jsonFileName="aegis-coverage.json"
        />
      }
      loading={report.loading}
      error={report.error}
      empty={report.value?.counts.total === 0}
      emptyText="No technique matches these filters."
    >
      {report.value && <Preview report={report.value} />}
    </ReportCard>
  );
}
