import {
  TEST_STATES,
  type TestPipeline,
} from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { Bar, BarChart, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { aegisApiRef } from '../../api/aegisApiRef';
import { TestStateChip } from '../TestsPage/TestStateChip';
import { ChartBox } from './ChartBox';
import { useChartTheme } from './chartTheme';
import { MetricCard } from './MetricCard';

const STAGE_LABELS: Record<TestPipeline['funnel'][number]['stage'], string> = {
  created: 'Created',
  red_submitted: 'Red submitted',
  blue_submitted: 'Blue submitted',
  validated: 'Validated',
};

function Funnel(props: { pipeline: TestPipeline }) {
  const theme = useTheme();
  const chart = useChartTheme();
  const data = props.pipeline.funnel.map(step => ({
    name: STAGE_LABELS[step.stage],
    count: step.count,
  }));

  return (
    <ChartBox height={data.length * 40 + 20}>
      {/* Room on the right for the count of the longest bar, such as 10000. */}
      <BarChart data={data} layout="vertical" margin={{ right: 64 }}>
        <XAxis type="number" hide allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="name"
          width={120}
          interval={0}
          tick={chart.tick}
        />
        <Tooltip contentStyle={chart.tooltip} labelStyle={chart.tooltipLabel} />
        <Bar
          dataKey="count"
          name="Tests"
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        >
          <LabelList dataKey="count" position="right" fill={chart.tick.fill} />
        </Bar>
      </BarChart>
    </ChartBox>
  );
}

/**
 * How far the tests got: how many reached each stage of the red/blue
 * workflow, and how many sit in each state now.
 */
export function PipelineCard() {
  const aegisApi = useApi(aegisApiRef);
  const state = useAsync(() => aegisApi.getTestPipeline(), [aegisApi]);

  return (
    <MetricCard
      title="Test pipeline"
      subheader="Tests that reached each stage"
      state={state}
      isEmpty={pipeline => pipeline.funnel.every(step => step.count === 0)}
      emptyText="No security test yet."
    >
      {pipeline => (
        <>
          <Funnel pipeline={pipeline} />
          <Box
            component="ul"
            aria-label="Tests by state"
            display="flex"
            flexWrap="wrap"
            gridGap={8}
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {TEST_STATES.map(name => (
              <li key={name}>
                <TestStateChip state={name} />{' '}
                <Typography variant="body2" component="span">
                  {pipeline.states[name]}
                </Typography>
              </li>
            ))}
          </Box>
        </>
      )}
    </MetricCard>
  );
}
