import type { TestTemplate } from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import { aegisApiRef } from '../../api/aegisApiRef';
import { describeError } from '../../api/responseErrors';

/**
 * Deactivates an active template or activates an inactive one, with the
 * version the list showed. `onChanged` runs after success and after a
 * refusal alike: a refusal usually means the list is out of date.
 */
export function useActivation(onChanged: () => void) {
  const aegisApi = useApi(aegisApiRef);
  const [error, setError] = useState<string>();

  const toggle = async (template: TestTemplate) => {
    setError(undefined);
    try {
      await aegisApi.updateTemplate(template.id, {
        active: !template.active,
        version: template.version,
      });
    } catch (e) {
      setError(describeError(e));
    }
    onChanged();
  };

  return { toggle, error, clearError: () => setError(undefined) };
}
