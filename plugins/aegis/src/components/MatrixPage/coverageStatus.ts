import type { Technique } from '@aegis-security/plugin-aegis-common';
import type { Theme } from '@material-ui/core/styles';

/** The coverage status a matrix cell shows. */
export type CoverageStatus = 'not-assessed';

/** What each status means, in the order the legend lists them. */
export const COVERAGE_STATUSES: Array<{
  status: CoverageStatus;
  label: string;
  description: string;
}> = [
  {
    status: 'not-assessed',
    label: 'Not assessed',
    description: 'No test has proven detection or prevention yet.',
  },
];

/**
 * The coverage status of a technique.
 *
 * Limitation: Aegis does not track coverage yet, so every technique is "not
 * assessed".
 */
export function coverageStatusOf(_technique: Technique): CoverageStatus {
  return 'not-assessed';
}

/** The background and border of a cell or legend swatch of a status. */
export function coverageColours(
  status: CoverageStatus,
  theme: Theme,
): { backgroundColor: string; borderColor: string } {
  switch (status) {
    case 'not-assessed':
    default:
      return {
        backgroundColor: theme.palette.background.default,
        borderColor: theme.palette.divider,
      };
  }
}
