import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';

/**
 * The evidence of a test, loaded again whenever `reloadKey` changes (after
 * each change of the test) or `reload` is called (after an upload or a
 * delete). Download links are plain browser links that carry no token, so
 * once downloads are allowed the Backstage user cookie is set for them.
 */
export function useEvidence(testId: string, reloadKey: number) {
  const aegisApi = useApi(aegisApiRef);
  // A counter rather than a retry: a retry while a load is still running
  // would be dropped, and the new file would not appear.
  const [changes, setChanges] = useState(0);
  const loaded = useAsync(
    () => aegisApi.listEvidence(testId),
    [aegisApi, testId, reloadKey, changes],
  );
  const canDownload = loaded.value?.canDownload ?? false;
  const cookie = useAsync(async () => {
    if (canDownload) await aegisApi.refreshDownloadCookie();
  }, [aegisApi, canDownload]);

  return {
    evidence: loaded.value,
    error: loaded.error,
    reload: () => setChanges(count => count + 1),
    /** Grows with every upload or delete, for views that show them too. */
    changes,
    cookieError: cookie.error,
  };
}
