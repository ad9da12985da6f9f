import { EvidenceTeam } from '@aegis-security/plugin-aegis-common';
import type { StoredEvidence } from './EvidenceService';

/** A row of `aegis_evidence`. */
export type EvidenceRow = {
  id: string;
  test_id: string;
  round: number;
  team: EvidenceTeam;
  object_key: string;
  sha256: string;
  size: number | string;
  filename: string;
  description: string | null;
  declared_type: string | null;
  detected_type: string | null;
  uploaded_by: string;
  uploaded_at: string;
  deleted_at: string | null;
};

/** The evidence a row describes. */
export function toEvidence(row: EvidenceRow): StoredEvidence {
  return {
    id: row.id,
    testId: row.test_id,
    round: row.round,
    team: row.team,
    filename: row.filename,
    description: row.description ?? undefined,
    size: Number(row.size),
    sha256: row.sha256,
    declaredType: row.declared_type ?? undefined,
    detectedType: row.detected_type ?? undefined,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
    objectKey: row.object_key,
  };
}
