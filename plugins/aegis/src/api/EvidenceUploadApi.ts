import type {
  Evidence,
  EvidenceTeam,
} from '@aegis-security/plugin-aegis-common';
import { createApiRef } from '@backstage/core-plugin-api';

/** One evidence file to upload to one side of a test. */
export interface EvidenceUploadRequest {
  testId: string;
  team: EvidenceTeam;
  file: File;
  description?: string;
  /** Receives the fraction of the file sent so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/**
 * Uploads evidence while reporting progress. It stands apart from the Aegis
 * client, whose fetch-based upload cannot report progress, so that tests can
 * replace it like any other API.
 */
export interface EvidenceUploadApi {
  upload(request: EvidenceUploadRequest): Promise<Evidence>;
}

/** The evidence uploader, as provided to the frontend. */
export const evidenceUploadApiRef = createApiRef<EvidenceUploadApi>({
  id: 'plugin.aegis.evidence-upload',
});
