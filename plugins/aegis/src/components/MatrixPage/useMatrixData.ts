import type {
  AegisApi,
  AttackDomain,
  Technique,
} from '@aegis-security/plugin-aegis-common';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';

/** The largest page the techniques endpoint serves. */
const PAGE_SIZE = 1000;

async function listAllTechniques(
  aegisApi: AegisApi,
  domain: AttackDomain,
): Promise<Technique[]> {
  const items: Technique[] = [];
  let total = Infinity;
  while (items.length < total) {
    const page = await aegisApi.listTechniques({
      domain,
      limit: PAGE_SIZE,
      offset: items.length,
      include_subtechniques: true,
    });
    if (page.items.length === 0) break;
    items.push(...page.items);
    total = page.total;
  }
  return items;
}

/** The tactics and every technique and sub-technique of an ATT&CK domain. */
export function useMatrixData(domain: AttackDomain) {
  const aegisApi = useApi(aegisApiRef);

  return useAsync(async () => {
    const [tactics, techniques] = await Promise.all([
      aegisApi.listTactics({ domain }),
      listAllTechniques(aegisApi, domain),
    ]);
    return { tactics: tactics.items, techniques };
  }, [aegisApi, domain]);
}
