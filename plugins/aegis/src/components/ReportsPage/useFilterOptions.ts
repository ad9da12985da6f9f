import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';
import type { FilterOption } from './FilterSelect';

/** The catalog's Components and Systems, which tests run against. */
export function useEntityOptions(): FilterOption[] {
  const catalogApi = useApi(catalogApiRef);
  const entities = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: ['Component', 'System'] },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items.map(entity => ({
      value: stringifyEntityRef(entity),
      label: `${entity.metadata.title ?? entity.metadata.name} (${
        entity.kind
      })`,
    }));
  }, [catalogApi]);
  return entities.value ?? [];
}

/** The tactics of ATT&CK in matrix order, by shortname. */
export function useTacticOptions(): FilterOption[] {
  const aegisApi = useApi(aegisApiRef);
  const tactics = useAsync(async () => {
    const { items } = await aegisApi.listTactics();
    return items.map(tactic => ({
      value: tactic.shortname,
      label: tactic.name,
    }));
  }, [aegisApi]);
  return tactics.value ?? [];
}
