import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { aegisApiRef } from '../../api/aegisApiRef';

/** The ATT&CK coverage of the techniques tested against the page's entity. */
export function useEntityCoverage() {
  const { entity } = useEntity();
  const aegisApi = useApi(aegisApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useAsync(
    () => aegisApi.getEntityCoverage(entityRef),
    [aegisApi, entityRef],
  );
}
