import { ReactElement } from 'react';
import { Legend, ResponsiveContainer } from 'recharts';
import { useChartTheme } from './chartTheme';

/**
 * A chart as wide as its card. It starts at a typical card width, so the
 * chart is drawn before the first measurement (and where nothing measures).
 */
export function ChartBox(props: { height: number; children: ReactElement }) {
  const { height } = props;
  return (
    <ResponsiveContainer
      width="100%"
      height={height}
      initialDimension={{ width: 600, height }}
    >
      {props.children}
    </ResponsiveContainer>
  );
}

/**
 * A legend in the order the series are drawn, in the theme's text colour:
 * the series colour is too light for text on a white card.
 */
export function ChartLegend() {
  const chart = useChartTheme();
  return (
    <Legend
      itemSorter={null}
      formatter={value => <span style={chart.tooltipLabel}>{value}</span>}
    />
  );
}
