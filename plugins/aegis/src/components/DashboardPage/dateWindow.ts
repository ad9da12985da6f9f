/** A window of calendar days, `YYYY-MM-DD` in UTC, both ends included. */
export interface DateWindow {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

function day(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The last `days` days up to and including today. */
export function lastDays(days: number, now = Date.now()): DateWindow {
  return { from: day(now - (days - 1) * DAY_MS), to: day(now) };
}

/** Why a window cannot be asked for, or undefined when it can. */
export function windowProblem(window: DateWindow): string | undefined {
  if (!window.from || !window.to) return 'Choose both days.';
  if (window.from > window.to) return 'The first day is after the last.';
  return undefined;
}
