/** Signatures of common evidence formats, by their first bytes. */
const SIGNATURES: Array<{ type: string; bytes: number[]; offset?: number }> = [
  {
    type: 'image/png',
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'image/webp', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/gzip', bytes: [0x1f, 0x8b] },
  {
    type: 'application/x-7z-compressed',
    bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
  },
  { type: 'application/x-xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  {
    type: 'application/x-tar',
    bytes: [0x75, 0x73, 0x74, 0x61, 0x72],
    offset: 257,
  },
  { type: 'application/vnd.tcpdump.pcap', bytes: [0xd4, 0xc3, 0xb2, 0xa1] },
  { type: 'application/vnd.tcpdump.pcap', bytes: [0xa1, 0xb2, 0xc3, 0xd4] },
  { type: 'application/x-pcapng', bytes: [0x0a, 0x0d, 0x0d, 0x0a] },
  { type: 'application/x-executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  {
    type: 'application/vnd.microsoft.portable-executable',
    bytes: [0x4d, 0x5a],
  },
  {
    type: 'application/x-evtx',
    bytes: [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00],
  },
];

/** How many leading bytes {@link detectContentType} looks at. */
export const SNIFF_BYTES = 512;

/**
 * The content type of a file from its first bytes: a known signature, else
 * text when the bytes decode as UTF-8 without control characters, else
 * undefined. Recorded beside the uploader's declared type, never trusted to
 * serve the file.
 */
export function detectContentType(head: Buffer): string | undefined {
  for (const { type, bytes, offset = 0 } of SIGNATURES) {
    if (
      head.length >= offset + bytes.length &&
      bytes.every((byte, index) => head[offset + index] === byte)
    ) {
      return type;
    }
  }
  if (head.length === 0) {
    return undefined;
  }
  return looksLikeText(head) ? 'text/plain' : 'application/octet-stream';
}

function looksLikeText(head: Buffer): boolean {
  for (const byte of head) {
    const control =
      byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d;
    if (control || byte === 0x7f) return false;
  }
  // A multi-byte character may be cut at the end of the sample.
  const text = head.subarray(0, Math.max(0, head.length - 3)).toString('utf8');
  return !text.includes('\uFFFD');
}
