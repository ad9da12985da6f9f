import { useTheme } from '@material-ui/core/styles';
import type { CSSProperties } from 'react';

/**
 * Axis and tooltip styles that follow the Backstage theme, so that charts
 * read in the dark theme too: recharts draws grey ticks on a white tooltip
 * by default.
 */
export function useChartTheme() {
  const theme = useTheme();
  const tick = {
    fill: theme.palette.text.secondary,
    fontSize: 12,
  };
  const tooltip: CSSProperties = {
    backgroundColor: theme.palette.background.paper,
    border: `1px solid ${theme.palette.divider}`,
    color: theme.palette.text.primary,
  };
  return {
    tick,
    tooltip,
    tooltipLabel: { color: theme.palette.text.primary },
    grid: theme.palette.divider,
    red: theme.palette.type === 'dark' ? '#FF8A80' : '#C62828',
    blue: theme.palette.type === 'dark' ? '#82B1FF' : '#1565C0',
  };
}
