const MAX_NAME_LENGTH = 200;

/* eslint-disable no-control-regex -- control characters are what it removes */
/** Control characters and the invisible marks that reorder text. */
const UNSAFE_CHARACTERS =
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * A filename safe to store and to send back: the last path part only (both
 * separators), no control or bidirectional-override characters, no leading
 * dots, at most 200 characters, and never empty.
 */
export function sanitizeFilename(name: string | undefined): string {
  const last = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/^[.\s]+/, '')
    .trim();
  const limited = [...cleaned].slice(0, MAX_NAME_LENGTH).join('');
  return limited || 'evidence';
}

/**
 * A `Content-Disposition` that always downloads: an ASCII fallback name and
 * the exact name in RFC 5987 form.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
