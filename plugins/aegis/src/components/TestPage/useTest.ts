import type { SecurityTest } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useCallback, useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aegisApiRef } from '../../api/aegisApiRef';
import { describeError } from '../../api/responseErrors';

/** A change of a test: an API call given the test as the page read it. */
export type TestChange = (test: SecurityTest) => Promise<SecurityTest>;

/** What the page tells after a change failed. */
export interface TestNotice {
  message: string;
  /** The test changed meanwhile (a 409) and was loaded again. */
  reloaded: boolean;
}

function isConflict(error: unknown): boolean {
  return error instanceof ResponseError && error.statusCode === 409;
}

/**
 * One test, and a way to change it. Every change sends the version the page
 * read; when the backend answers 409 (someone else changed the test, or its
 * state moved on) the page shows why and loads the test again, so the next
 * attempt starts from what the backend holds.
 */
export function useTest(id: string) {
  const aegisApi = useApi(aegisApiRef);
  const loaded = useAsyncRetry(() => aegisApi.getTest(id), [aegisApi, id]);
  const [test, setTest] = useState<SecurityTest>();
  const [notice, setNotice] = useState<TestNotice>();
  const [timelineKey, setTimelineKey] = useState(0);

  useEffect(() => setTest(loaded.value), [loaded.value]);

  const { retry } = loaded;
  const change = useCallback(
    async (run: TestChange): Promise<boolean> => {
      if (!test) return false;
      setNotice(undefined);
      try {
        setTest(await run(test));
        setTimelineKey(key => key + 1);
        return true;
      } catch (error) {
        const conflict = isConflict(error);
        setNotice({ message: describeError(error), reloaded: conflict });
        if (conflict) retry();
        return false;
      }
    },
    [test, retry],
  );

  return {
    test,
    loading: loaded.loading && !test,
    error: loaded.error,
    notice,
    change,
    /** Changes after every successful change, to reload what depends on it. */
    timelineKey,
  };
}
