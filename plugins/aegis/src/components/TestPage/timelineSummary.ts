const MAX_FIELDS = 3;
const MAX_VALUE_LENGTH = 40;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function short(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH
    ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…`
    : text;
}

/**
 * A line saying what an audit entry changed, such as
 * "state: draft → red_executing". Entries carry whatever the backend
 * recorded, so only the first few differing top-level fields are named.
 */
export function summarizeChange(before: unknown, after: unknown): string {
  if (before === undefined && after === undefined) return '';
  if (!isRecord(before) && isRecord(after)) {
    // A creation, or the first remediation: everything in it is new.
    return summarizeChange({}, after);
  }
  if (!isRecord(before) || !isRecord(after)) {
    return `${short(before)} → ${short(after)}`;
  }

  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter(
    key => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  const shown = changed
    .slice(0, MAX_FIELDS)
    .map(key => `${key}: ${short(before[key])} → ${short(after[key])}`);
  if (changed.length > MAX_FIELDS) {
    shown.push(`and ${changed.length - MAX_FIELDS} more`);
  }
  return shown.join('; ');
}

const ACTIONS: Record<string, string> = {
  'test.create': 'Created',
  'test.update': 'Edited the general fields',
  'test.red.update': 'Edited the red side',
  'test.blue.update': 'Edited the blue side',
  'test.remediation.update': 'Edited the remediation',
  'test.start-execution': 'Started execution',
  'test.submit-red': 'Submitted red',
  'test.submit-blue': 'Submitted blue',
  'test.validate-red': 'Voted on the red side',
  'test.validate-blue': 'Voted on the blue side',
  'test.reopen': 'Reopened',
  'evidence.upload': 'Uploaded evidence',
  'evidence.delete': 'Deleted evidence',
  'evidence.integrity-failure': 'Evidence failed its integrity check',
};

/** An audit action in words; unknown actions are shown as recorded. */
export function describeAction(action: string): string {
  return ACTIONS[action] ?? action;
}
