import type { EvidenceUploadApi } from '../api/EvidenceUploadApi';

/**
 * An evidence uploader that reports half and then all of the file sent and
 * answers the stored metadata, without any network.
 */
export function fakeEvidenceUploader(): jest.Mocked<EvidenceUploadApi> {
  return {
    upload: jest.fn(async request => {
      request.onProgress?.(0.5);
      request.onProgress?.(1);
      return {
        id: 'ev-new',
        testId: request.testId,
        round: 1,
        team: request.team,
        filename: request.file.name,
        description: request.description,
        size: request.file.size,
        sha256: 'b'.repeat(64),
        declaredType: request.file.type || undefined,
        uploadedBy: 'user:default/vic.viewer',
        uploadedAt: '2026-03-06T09:00:00Z',
      };
    }),
  };
}
