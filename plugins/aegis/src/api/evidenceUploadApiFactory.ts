import {
  createApiFactory,
  discoveryApiRef,
  identityApiRef,
} from '@backstage/core-plugin-api';
import { evidenceUploadApiRef } from './EvidenceUploadApi';
import { EvidenceUploadClient } from './EvidenceUploadClient';

/** How both frontend systems build the evidence uploader. */
export const evidenceUploadApiFactory = createApiFactory({
  api: evidenceUploadApiRef,
  deps: { discoveryApi: discoveryApiRef, identityApi: identityApiRef },
  factory: deps => EvidenceUploadClient.create(deps),
});
