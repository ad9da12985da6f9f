import type { Evidence } from '@aegis-security/plugin-aegis-common';
import type { DiscoveryApi, IdentityApi } from '@backstage/core-plugin-api';
import type {
  EvidenceUploadApi,
  EvidenceUploadRequest,
} from './EvidenceUploadApi';
import { uploadWithProgress } from './uploadWithProgress';

/** Uploads evidence straight to the Aegis backend with the user's token. */
export class EvidenceUploadClient implements EvidenceUploadApi {
  static create(deps: {
    discoveryApi: DiscoveryApi;
    identityApi: IdentityApi;
  }) {
    return new EvidenceUploadClient(deps.discoveryApi, deps.identityApi);
  }

  private constructor(
    private readonly discoveryApi: DiscoveryApi,
    private readonly identityApi: IdentityApi,
  ) {}

  async upload(request: EvidenceUploadRequest): Promise<Evidence> {
    const { testId, team, file, description, onProgress } = request;
    const baseUrl = await this.discoveryApi.getBaseUrl('aegis');
    const { token } = await this.identityApi.getCredentials();

    // The backend reads the fields before the file, so they come first.
    const body = new FormData();
    if (description) body.append('description', description);
    body.append('file', file, file.name);

    const url = `${baseUrl}/tests/${encodeURIComponent(
      testId,
    )}/evidence?team=${team}`;
    return (await uploadWithProgress({
      url,
      body,
      token,
      onProgress,
    })) as Evidence;
  }
}
