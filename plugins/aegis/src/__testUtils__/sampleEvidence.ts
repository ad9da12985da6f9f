import type { Evidence } from '@aegis-security/plugin-aegis-common';

function evidence(fields: Partial<Evidence> & Pick<Evidence, 'id'>): Evidence {
  return {
    testId: 'test-review',
    round: 2,
    team: 'red',
    filename: 'evidence.bin',
    size: 1024,
    sha256: 'a'.repeat(64),
    uploadedBy: 'user:default/rita.red',
    uploadedAt: '2026-03-03T10:20:00Z',
    ...fields,
  };
}

/**
 * Evidence of the test in review: two red files, one of them an image, and
 * a blue file whose content is not of the type its uploader declared.
 */
export const sampleEvidence: Evidence[] = [
  evidence({
    id: 'ev-red-1',
    filename: 'crontab-screenshot.png',
    description: 'The added cron entry',
    size: 1_258_291,
    sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    declaredType: 'image/png',
    detectedType: 'image/png',
  }),
  evidence({
    id: 'ev-red-2',
    filename: 'commands.log',
    size: 512,
    sha256: '60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752',
    declaredType: 'text/plain',
  }),
  evidence({
    id: 'ev-blue-1',
    team: 'blue',
    filename: 'edr-alert.pdf',
    size: 48_000,
    sha256: 'fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13',
    declaredType: 'application/pdf',
    detectedType: 'application/zip',
    uploadedBy: 'user:default/bo.blue',
    uploadedAt: '2026-03-03T11:00:00Z',
  }),
];
