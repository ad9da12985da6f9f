/**
 * Reads a timestamp column as an ISO 8601 string: PostgreSQL returns Date
 * objects, SQLite the text that was stored.
 */
export function toIsoTimestamp(value: Date | string): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  const hasZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value);
  return new Date(
    hasZone ? value : `${value.replace(' ', 'T')}Z`,
  ).toISOString();
}
