import {
  COVERAGE_STATUSES,
  type MetricsSummary,
} from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { Cell, Pie, PieChart, Tooltip } from 'recharts';
import { aegisApiRef } from '../../api/aegisApiRef';
import { COVERAGE_STATUS_LABELS, coverageHue } from '../../coverageLabels';
import { ChartBox } from './ChartBox';
import { useChartTheme } from './chartTheme';
import { MetricCard } from './MetricCard';
import { counted } from '../../counted';

function Donut(props: { summary: MetricsSummary }) {
  const { coverage } = props.summary;
  const chart = useChartTheme();
  const data = COVERAGE_STATUSES.map(status => ({
    status,
    name: COVERAGE_STATUS_LABELS[status],
    value: coverage[status],
  }));

  return (
    <ChartBox height={220}>
      <PieChart>
        <Pie
          data={data}
          dataKey="value"
          nameKey="name"
          innerRadius="55%"
          outerRadius="85%"
          isAnimationActive={false}
        >
          {data.map(entry => (
            <Cell key={entry.status} fill={coverageHue(entry.status)} />
          ))}
        </Pie>
        <Tooltip contentStyle={chart.tooltip} itemStyle={chart.tooltipLabel} />
      </PieChart>
    </ChartBox>
  );
}

function Figures(props: { summary: MetricsSummary }) {
  const { coverage, tests } = props.summary;
  return (
    <Box component="ul" aria-label="Coverage counts" p={0} m={0}>
      {COVERAGE_STATUSES.map(status => (
        <Box
          component="li"
          key={status}
          display="flex"
          alignItems="center"
          style={{ listStyle: 'none' }}
        >
          <Box
            width={12}
            height={12}
            mr={1}
            borderRadius={2}
            style={{ backgroundColor: coverageHue(status) }}
          />
          <Typography variant="body2">
            {COVERAGE_STATUS_LABELS[status]}: {coverage[status]} (
            {coverage.percent[status]}%)
          </Typography>
        </Box>
      ))}
      <Box component="li" mt={1} style={{ listStyle: 'none' }}>
        <Typography variant="body2" color="textSecondary">
          {counted(coverage.total, 'technique')};{' '}
          {counted(coverage.confirmedGaps, 'confirmed gap')}, {coverage.stale}{' '}
          stale. {counted(tests.total, 'test')} ({tests.open} open).
        </Typography>
      </Box>
    </Box>
  );
}

/** The share of techniques in each coverage status. */
export function CoverageDonutCard() {
  const aegisApi = useApi(aegisApiRef);
  const state = useAsync(() => aegisApi.getMetricsSummary(), [aegisApi]);

  return (
    <MetricCard
      title="Coverage"
      subheader="Techniques by status"
      state={state}
      isEmpty={summary => summary.coverage.total === 0}
      emptyText="No techniques yet: an administrator must sync ATT&CK first."
    >
      {summary => (
        <>
          <Donut summary={summary} />
          <Figures summary={summary} />
        </>
      )}
    </MetricCard>
  );
}
