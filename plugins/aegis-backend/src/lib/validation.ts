import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';

/** Which part of a request a value came from, for error messages. */
export type RequestPart = 'body' | 'query' | 'path';

/**
 * Parses a part of a request with a zod schema, or throws an InputError whose
 * message names every offending field, for example
 * `Invalid query: limit: Number must be less than or equal to 500`.
 */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  value: unknown,
  part: RequestPart,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map(describeIssue).join('; ');
  throw new InputError(`Invalid ${part}: ${problems}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field ${issue.keys.map(key => `'${key}'`).join(', ')}`;
  }
  const field = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  return `${field}: ${issue.message}`;
}

/** A query-string integer within bounds, with a default when absent. */
export function queryInteger(options: {
  min: number;
  max: number;
  default: number;
}) {
  return z.coerce
    .number()
    .int()
    .min(options.min)
    .max(options.max)
    .default(options.default);
}

/** The `offset` of a paged list: a non-negative integer, 0 when absent. */
export function queryOffset() {
  return queryInteger({ min: 0, max: Number.MAX_SAFE_INTEGER, default: 0 });
}

/** An entity ref, completed with a default kind and lower-cased. */
export function entityRef(defaultKind: string, kinds?: string[]) {
  return z.string().transform((value, ctx) => {
    try {
      const ref = parseEntityRef(value, {
        defaultKind,
        defaultNamespace: 'default',
      });
      if (kinds && !kinds.includes(ref.kind.toLocaleLowerCase('en-US'))) {
        throw new Error(`kind must be ${kinds.join(' or ')}`);
      }
      return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `'${value}' is not an entity ref (${
          (error as Error).message
        })`,
      });
      return z.NEVER;
    }
  });
}

/** An ATT&CK technique id, upper-cased. */
export const mitreId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.-]{1,30}$/, 'not an ATT&CK technique id')
  .transform(value => value.toUpperCase());

/** A calendar day, YYYY-MM-DD, that exists. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine(value => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return (
      !Number.isNaN(time) && new Date(time).toISOString().startsWith(value)
    );
  }, 'not a calendar date');

/**
 * Refuses an ATT&CK domain the portal does not sync, naming the query
 * field, so that every filter by domain answers alike.
 */
export function requireEnabledDomain(
  domain: string | undefined,
  enabled: readonly string[],
): void {
  if (domain && !enabled.includes(domain)) {
    throw new InputError(
      `Invalid query: domain: '${domain}' is not enabled (${enabled.join(
        ', ',
      )})`,
    );
  }
}
