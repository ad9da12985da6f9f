import { CustomErrorBase } from '@backstage/errors';

/** The upload passed `aegis.evidence.maxBytes`; answered with 413. */
export class PayloadTooLargeError extends CustomErrorBase {
  readonly statusCode = 413;
}

/**
 * Stored content no longer matches the SHA-256 recorded when it was
 * uploaded; answered with 502, as a store that returned bad content.
 */
export class EvidenceIntegrityError extends CustomErrorBase {
  readonly statusCode = 502;
}
