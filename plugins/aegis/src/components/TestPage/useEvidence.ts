import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aegisApiRef } from '../../api/aegisApiRef';

/**
 * The evidence of a test, loaded again whenever `reloadKey` changes (after
 * each change of the test) or `reload` is called (after an upload or a
 * delete). Download links are plain browser links that carry no token, so
 * once downloads are allowed the Backstage user cookie is set for them.
 */
export function useEvidence(testId: string, reloadKey: number) {
  const aegisApi = useApi(aegisApiRef);
  const loaded = useAsyncRetry(
    () => aegisApi.listEvidence(testId),
    [aegisApi, testId, reloadKey],
  );
  const canDownload = loaded.value?.canDownload ?? false;
  const cookie = useAsync(async () => {
    if (canDownload) await aegisApi.refreshDownloadCookie();
  }, [aegisApi, canDownload]);

  return {
    evidence: loaded.value,
    error: loaded.error,
    reload: loaded.retry,
    cookieError: cookie.error,
  };
}
