import {
  COVERAGE_STATUSES,
  type TacticCoverage,
} from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { aegisApiRef } from '../../api/aegisApiRef';
import { COVERAGE_STATUS_LABELS, coverageHue } from '../../coverageLabels';
import { ChartBox, ChartLegend } from './ChartBox';
import { useChartTheme } from './chartTheme';
import { MetricCard } from './MetricCard';

const BAR_HEIGHT = 26;

function TacticBars(props: { tactics: TacticCoverage[] }) {
  const chart = useChartTheme();
  // Rows in the order the backend returned: the order of the matrix.
  const data = props.tactics.map(tactic => ({
    name: tactic.name,
    ...Object.fromEntries(
      COVERAGE_STATUSES.map(status => [status, tactic.counts[status]]),
    ),
  }));

  return (
    <ChartBox height={data.length * BAR_HEIGHT + 70}>
      <BarChart data={data} layout="vertical" margin={{ left: 16 }}>
        <CartesianGrid horizontal={false} stroke={chart.grid} />
        <XAxis type="number" allowDecimals={false} tick={chart.tick} />
        <YAxis
          type="category"
          dataKey="name"
          width={150}
          interval={0}
          tick={chart.tick}
        />
        <Tooltip contentStyle={chart.tooltip} labelStyle={chart.tooltipLabel} />
        <ChartLegend />
        {COVERAGE_STATUSES.map(status => (
          <Bar
            key={status}
            dataKey={status}
            name={COVERAGE_STATUS_LABELS[status]}
            stackId="coverage"
            fill={coverageHue(status)}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartBox>
  );
}

/** Techniques of each tactic by coverage status, in matrix order. */
export function TacticCoverageCard() {
  const aegisApi = useApi(aegisApiRef);
  const state = useAsync(() => aegisApi.getMetricsByTactic(), [aegisApi]);

  return (
    <MetricCard
      title="Coverage by tactic"
      subheader="Techniques of each tactic by status"
      state={state}
      isEmpty={value => value.items.length === 0}
      emptyText="No tactics yet: an administrator must sync ATT&CK first."
    >
      {value => <TacticBars tactics={value.items} />}
    </MetricCard>
  );
}
