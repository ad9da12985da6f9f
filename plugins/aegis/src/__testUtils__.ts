import type { AegisApi } from '@aegis-security/plugin-aegis-common';

/** An Aegis API whose backend answers healthy, or fails with the error. */
export function fakeAegisApi(failure?: Error): AegisApi {
  return {
    getHealth: async () => {
      if (failure) throw failure;
      return { status: 'ok' };
    },
    getMe: async () => ({
      userEntityRef: 'user:default/vic.viewer',
      active: true,
      roles: ['viewer'],
      permissions: {},
    }),
  };
}
