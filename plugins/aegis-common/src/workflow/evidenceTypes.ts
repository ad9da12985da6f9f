/**
 * The side of a test a file of evidence belongs to.
 *
 * @public
 */
export type EvidenceTeam = 'red' | 'blue';

/**
 * Metadata of one evidence file; the content is downloaded separately.
 *
 * @public
 */
export interface Evidence {
  id: string;
  testId: string;
  round: number;
  team: EvidenceTeam;
  /** The uploaded name, without path parts or control characters. */
  filename: string;
  description?: string;
  size: number;
  /** Hex SHA-256 of the content, computed while it was received. */
  sha256: string;
  /** The type the uploader declared. */
  declaredType?: string;
  /** The type recognised from the first bytes, when recognised. */
  detectedType?: string;
  uploadedBy: string;
  uploadedAt: string;
}

/**
 * The evidence of a test, split by team, with what the caller may do.
 *
 * @public
 */
export interface TestEvidence {
  red: Evidence[];
  blue: Evidence[];
  /** Whether the caller may upload to each team's side now. */
  canUpload: { red: boolean; blue: boolean };
  /** Whether the caller may download content. */
  canDownload: boolean;
}

/**
 * The outcome of re-reading a stored file and hashing it again.
 *
 * @public
 */
export interface EvidenceVerification {
  id: string;
  match: boolean;
  expectedSha256: string;
  actualSha256: string;
  size: number;
  verifiedAt: string;
}
