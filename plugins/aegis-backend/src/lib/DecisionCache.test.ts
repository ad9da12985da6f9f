import {
  aegisReportReadPermission,
  aegisTechniqueReadPermission,
  aegisTestReadPermission,
} from '@aegis-security/plugin-aegis-common';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DecisionCache } from './DecisionCache';

const ALICE = mockCredentials.user('user:default/alice');
const BOB = mockCredentials.user('user:default/bob');

function setUp(ttlMs = 5_000) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockImplementation(async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  );
  permissions.authorizeConditional.mockImplementation(async requests =>
    requests.map(() => ({ result: AuthorizeResult.DENY })),
  );
  return { permissions, cache: new DecisionCache(permissions, ttlMs) };
}

const report = [{ permission: aegisReportReadPermission }];

describe('DecisionCache', () => {
  it('asks once for the same question of the same user, even at the same time', async () => {
    const { permissions, cache } = setUp();
    const answers = await Promise.all([
      cache.authorize(report, { credentials: ALICE }),
      cache.authorize(report, { credentials: ALICE }),
    ]);
    await cache.authorize(report, { credentials: ALICE });
    expect(answers).toEqual([
      [{ result: AuthorizeResult.ALLOW }],
      [{ result: AuthorizeResult.ALLOW }],
    ]);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
  });

  it('asks again for another user, another permission or another service', async () => {
    const { permissions, cache } = setUp();
    await cache.authorize(report, { credentials: ALICE });
    await cache.authorize(report, { credentials: BOB });
    await cache.authorize([{ permission: aegisTechniqueReadPermission }], {
      credentials: ALICE,
    });
    await cache.authorize(report, {
      credentials: mockCredentials.service('plugin:catalog'),
    });
    await cache.authorize(report, {
      credentials: mockCredentials.service('external:ci', {
        permissionNames: ['aegis.report.read'],
      }),
    });
    expect(permissions.authorize).toHaveBeenCalledTimes(5);
  });

  it('always asks about a given resource, and for anonymous callers', async () => {
    const { permissions, cache } = setUp();
    const aboutTest = [
      { permission: aegisTestReadPermission, resourceRef: 'test-1' },
    ];
    await cache.authorize(aboutTest, { credentials: ALICE });
    await cache.authorize(aboutTest, { credentials: ALICE });
    await cache.authorize(report, { credentials: mockCredentials.none() });
    await cache.authorize(report, { credentials: mockCredentials.none() });
    expect(permissions.authorize).toHaveBeenCalledTimes(4);
  });

  it('remembers the conditions of a resource permission per user', async () => {
    const { permissions, cache } = setUp();
    const query = [{ permission: aegisTestReadPermission }];
    expect(
      await cache.authorizeConditional(query, { credentials: ALICE }),
    ).toEqual([{ result: AuthorizeResult.DENY }]);
    await cache.authorizeConditional(query, { credentials: ALICE });
    await cache.authorizeConditional(query, { credentials: BOB });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it('forgets a decision after its time, and a failure at once', async () => {
    const { permissions, cache } = setUp(50);
    await cache.authorize(report, { credentials: ALICE });
    await new Promise(resolve => setTimeout(resolve, 80));
    await cache.authorize(report, { credentials: ALICE });
    expect(permissions.authorize).toHaveBeenCalledTimes(2);

    permissions.authorize.mockRejectedValueOnce(new Error('unreachable'));
    await expect(cache.authorize(report, { credentials: BOB })).rejects.toThrow(
      'unreachable',
    );
    await expect(
      cache.authorize(report, { credentials: BOB }),
    ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
  });

  it('asks every time when turned off', async () => {
    const { permissions } = setUp();
    const cache = DecisionCache.fromConfig(
      new ConfigReader({ aegis: { access: { decisionCacheSeconds: 0 } } }),
      permissions,
    );
    await cache.authorize(report, { credentials: ALICE });
    await cache.authorize(report, { credentials: ALICE });
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
  });

  it('keeps decisions no longer than the policy keeps roles, by default', async () => {
    const { permissions } = setUp();
    const cache = DecisionCache.fromConfig(
      new ConfigReader({ aegis: { access: { policyCacheSeconds: 0 } } }),
      permissions,
    );
    await cache.authorize(report, { credentials: ALICE });
    await cache.authorize(report, { credentials: ALICE });
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
  });

  it('refuses more than 5 seconds, naming the key', () => {
    expect(() =>
      DecisionCache.fromConfig(
        new ConfigReader({ aegis: { access: { decisionCacheSeconds: 60 } } }),
        mockServices.permissions.mock(),
      ),
    ).toThrow(
      'Invalid config at aegis.access.decisionCacheSeconds: must be from 0 to 5 seconds, not 60',
    );
  });
});
