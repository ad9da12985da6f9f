import { AegisClient } from '@aegis-security/plugin-aegis-common';
import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { aegisApiRef } from './aegisApiRef';

/** How both frontend systems build the Aegis API client. */
export const aegisApiFactory = createApiFactory({
  api: aegisApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new AegisClient({ discoveryApi, fetchApi }),
});
