import type { CoverageTrend } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { aegisApiRef } from '../../api/aegisApiRef';
import { COVERAGE_STATUS_LABELS, coverageHue } from '../../coverageLabels';
import { ChartBox, ChartLegend } from './ChartBox';
import { useChartTheme } from './chartTheme';
import type { DateWindow } from './dateWindow';
import { MetricCard } from './MetricCard';

/**
 * Untested techniques are left out: with hundreds of them, they would
 * flatten the statuses that change.
 */
const SHOWN = ['validated', 'partial', 'in_progress'] as const;

function TrendChart(props: { trend: CoverageTrend }) {
  const chart = useChartTheme();
  const data = props.trend.points.map(point => ({
    day: point.day,
    validated: point.counts.validated,
    partial: point.counts.partial,
    in_progress: point.counts.in_progress,
    confirmedGaps: point.counts.confirmedGaps,
  }));

  return (
    <ChartBox height={260}>
      <AreaChart data={data}>
        <CartesianGrid stroke={chart.grid} vertical={false} />
        <XAxis dataKey="day" tick={chart.tick} minTickGap={24} />
        <YAxis allowDecimals={false} tick={chart.tick} width={40} />
        <Tooltip contentStyle={chart.tooltip} labelStyle={chart.tooltipLabel} />
        <ChartLegend />
        {SHOWN.map(status => (
          <Area
            key={status}
            type="monotone"
            dataKey={status}
            name={COVERAGE_STATUS_LABELS[status]}
            stackId="coverage"
            stroke={coverageHue(status)}
            fill={coverageHue(status)}
            fillOpacity={0.6}
            isAnimationActive={false}
          />
        ))}
        <Area
          type="monotone"
          dataKey="confirmedGaps"
          name="Confirmed gaps"
          stroke={coverageHue('confirmedGap')}
          strokeDasharray="4 2"
          fill="none"
          isAnimationActive={false}
        />
      </AreaChart>
    </ChartBox>
  );
}

/** Techniques per status at the end of each day of the window. */
export function TrendCard(props: { window: DateWindow }) {
  const { from, to } = props.window;
  const aegisApi = useApi(aegisApiRef);
  const state = useAsync(
    () => aegisApi.getCoverageTrend({ from, to }),
    [aegisApi, from, to],
  );

  return (
    <MetricCard
      title="Coverage trend"
      subheader="Techniques per status, day by day"
      state={state}
      isEmpty={trend => trend.points.length === 0}
      emptyText="No coverage was recorded in this window."
    >
      {trend => <TrendChart trend={trend} />}
    </MetricCard>
  );
}
