import type { CoverageStatus } from '@aegis-security/plugin-aegis-common';
import { alpha, type Theme } from '@material-ui/core/styles';

/** How each coverage status is named on screen. */
export const COVERAGE_STATUS_LABELS: Record<CoverageStatus, string> = {
  validated: 'Validated',
  partial: 'Partial',
  in_progress: 'In progress',
  not_covered: 'Not covered',
};

/** What each coverage status means, for legends and tooltips. */
export const COVERAGE_STATUS_DESCRIPTIONS: Record<CoverageStatus, string> = {
  validated: 'The latest validated test was blocked or alerted on.',
  partial: 'The latest validated test was only logged, with no alert.',
  in_progress: 'A test is being run or reviewed; none is validated yet.',
  not_covered: 'No validated test proves detection.',
};

/**
 * Hues of the Okabe–Ito palette, told apart with the common kinds of colour
 * blindness; the same hue serves both themes, only its tint changes.
 */
const HUES: Record<CoverageStatus | 'confirmedGap', string> = {
  validated: '#009E73',
  partial: '#E69F00',
  in_progress: '#56B4E9',
  not_covered: '#999999',
  confirmedGap: '#D55E00',
};

/** The strong colour of a status, for chart segments and chip outlines. */
export function coverageHue(status: CoverageStatus | 'confirmedGap'): string {
  return HUES[status];
}

/** The hue of a status in the matrix; untested techniques get none. */
function statusHue(status: CoverageStatus | undefined): string | undefined {
  return status && status !== 'not_covered' ? HUES[status] : undefined;
}

/** The coverage facts that decide how a technique is drawn. */
export interface CoverageLook {
  status?: CoverageStatus;
  confirmedGap?: boolean;
  stale?: boolean;
}

/**
 * The background and border of a matrix cell or legend swatch. The tint is
 * light enough in either theme for the theme's text colour to stay readable;
 * untested techniques keep the page background so that covered ones stand
 * out in a matrix of hundreds. A stale validation gets a dashed border, so
 * the marker does not rely on colour alone.
 */
export function coverageColours(
  look: CoverageLook,
  theme: Theme,
): { backgroundColor: string; borderColor: string; borderStyle: string } {
  const borderStyle = look.stale ? 'dashed' : 'solid';
  const hue = look.confirmedGap ? HUES.confirmedGap : statusHue(look.status);
  if (!hue) {
    return {
      backgroundColor: theme.palette.background.default,
      borderColor: theme.palette.divider,
      borderStyle,
    };
  }
  const tint = theme.palette.type === 'dark' ? 0.32 : 0.22;
  return {
    backgroundColor: alpha(hue, tint),
    borderColor: hue,
    borderStyle,
  };
}

/** A short text for a technique's coverage, for titles and screen readers. */
export function describeCoverage(look: CoverageLook): string {
  const parts = [
    look.status ? COVERAGE_STATUS_LABELS[look.status] : 'Not assessed',
  ];
  if (look.confirmedGap) parts.push('confirmed gap');
  if (look.stale) parts.push('stale');
  return parts.join(', ');
}
