import {
  REMEDIATION_STATUSES,
  TEST_STATES,
} from '@aegis-security/plugin-aegis-common';
import { z } from 'zod';
import { ATTACK_DOMAINS } from '../attack/stix/model';
import { calendarDay, entityRef } from '../lib/validation';
import { UpdatedBetween } from './ReportQueries';

const DAY_MS = 24 * 60 * 60 * 1000;

const platform = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N} ./()&-]{1,100}$/u, 'not a platform name');

/** Filters of the coverage summary and CSV. */
export const coverageQuery = z.strictObject({
  tactic: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,100}$/, 'not a tactic shortname')
    .optional(),
  platform: platform.optional(),
  domain: z.enum(ATTACK_DOMAINS).optional(),
  entityRef: entityRef('component').optional(),
});

/** Filters of the Navigator layer, which always shows one domain. */
export const navigatorQuery = coverageQuery.omit({ tactic: true });

/**
 * A day (`YYYY-MM-DD`, in UTC) or an instant (ISO 8601 with a zone): a day
 * spans midnight to midnight, an instant is itself.
 */
const reportDate = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (calendarDay.safeParse(value).success) {
      const start = Date.parse(`${value}T00:00:00.000Z`);
      return {
        value,
        start: new Date(start).toISOString(),
        end: new Date(start + DAY_MS).toISOString(),
        endInclusive: false,
      };
    }
    if (z.iso.datetime({ offset: true }).safeParse(value).success) {
      const instant = new Date(value).toISOString();
      return { value, start: instant, end: instant, endInclusive: true };
    }
    ctx.addIssue({
      code: 'custom',
      message: `'${value}' is not a date (YYYY-MM-DD) or an ISO 8601 timestamp`,
    });
    return z.NEVER;
  });

/** Filters of the test results report. */
export const testResultsQuery = z
  .strictObject({
    state: z.enum(TEST_STATES).optional(),
    date_from: reportDate.optional(),
    date_to: reportDate.optional(),
  })
  .superRefine(({ date_from: from, date_to: to }, ctx) => {
    if (!from || !to) {
      return;
    }
    const after = to.endInclusive ? from.start > to.end : from.start >= to.end;
    if (after) {
      ctx.addIssue({
        code: 'custom',
        path: ['date_from'],
        message: `${from.value} is after date_to ${to.value}`,
      });
    }
  });

/** The `updated_at` bounds of parsed test results filters. */
export function updatedBetween(
  query: z.infer<typeof testResultsQuery>,
): UpdatedBetween {
  const to = query.date_to;
  return {
    from: query.date_from?.start,
    to: to?.endInclusive ? to.end : undefined,
    before: to && !to.endInclusive ? to.end : undefined,
  };
}

/** Filters of the remediation report. */
export const remediationQuery = z.strictObject({
  status: z.enum(REMEDIATION_STATUSES).optional(),
});
