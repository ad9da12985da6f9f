import type { TeamActivity } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { aegisApiRef } from '../../api/aegisApiRef';
import { ChartBox, ChartLegend } from './ChartBox';
import { useChartTheme } from './chartTheme';
import type { DateWindow } from './dateWindow';
import { MetricCard } from './MetricCard';
import { userLabel } from './userLabel';

const SERIES = [
  { key: 'testsCreated', name: 'Tests created', side: 'red' },
  { key: 'redSubmissions', name: 'Red submissions', side: 'red' },
  { key: 'blueSubmissions', name: 'Blue submissions', side: 'blue' },
  { key: 'votes', name: 'Votes', side: 'lead' },
] as const;

function UserBars(props: { activity: TeamActivity }) {
  const chart = useChartTheme();
  const colours = {
    red: chart.red,
    blue: chart.blue,
    lead: chart.tick.fill,
  };
  const data = props.activity.users.map(user => ({
    ...user,
    name: userLabel(user.userRef),
  }));

  return (
    <ChartBox height={data.length * 30 + 80}>
      <BarChart data={data} layout="vertical" margin={{ left: 16 }}>
        <CartesianGrid horizontal={false} stroke={chart.grid} />
        <XAxis type="number" allowDecimals={false} tick={chart.tick} />
        <YAxis
          type="category"
          dataKey="name"
          width={120}
          interval={0}
          tick={chart.tick}
        />
        <Tooltip contentStyle={chart.tooltip} labelStyle={chart.tooltipLabel} />
        <ChartLegend />
        {SERIES.map((series, index) => (
          <Bar
            key={series.key}
            dataKey={series.key}
            name={series.name}
            stackId="activity"
            fill={colours[series.side]}
            // Two series share the red hue: the lighter one is told apart.
            fillOpacity={index === 0 ? 0.55 : 1}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartBox>
  );
}

/** What the red and blue teams did in the window, per person. */
export function TeamActivityCard(props: { window: DateWindow }) {
  const { from, to } = props.window;
  const aegisApi = useApi(aegisApiRef);
  const state = useAsync(
    () => aegisApi.getTeamActivity({ from, to }),
    [aegisApi, from, to],
  );

  return (
    <MetricCard
      title="Team activity"
      subheader={`${from} to ${to}`}
      state={state}
      isEmpty={activity => activity.users.length === 0}
      emptyText="Nobody worked on a test in this window."
    >
      {activity => (
        <>
          <Typography variant="body2" aria-label="Activity per team">
            {activity.teams
              .map(
                team =>
                  `${team.team === 'red' ? 'Red' : 'Blue'} team: ${
                    team.actions
                  } actions by ${team.users} people`,
              )
              .join('; ')}
          </Typography>
          <UserBars activity={activity} />
        </>
      )}
    </MetricCard>
  );
}
