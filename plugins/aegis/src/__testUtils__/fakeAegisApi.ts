import type {
  AegisApi,
  AegisUser,
  ListUsersQuery,
  MeResponse,
  Tactic,
  Technique,
} from '@aegis-security/plugin-aegis-common';
import {
  sampleSyncRun,
  sampleTactics,
  sampleTechniques,
  techniqueDetail,
  techniquePage,
} from './sampleAttack';

/** Users known to the fake backend: one from config, one assigned, one off. */
export const sampleUsers: AegisUser[] = [
  {
    userEntityRef: 'user:default/rita.red',
    displayName: 'Rita Red',
    email: 'rita@example.com',
    active: true,
    roles: [
      {
        role: 'red_lead',
        sources: [{ type: 'config', via: 'group:default/red-team' }],
      },
      { role: 'red_tech', sources: [{ type: 'binding' }] },
    ],
    boundRoles: ['red_tech'],
  },
  {
    userEntityRef: 'user:default/vic.viewer',
    active: true,
    roles: [{ role: 'viewer', sources: [{ type: 'default' }] }],
    boundRoles: [],
  },
  {
    userEntityRef: 'user:default/gone.user',
    displayName: 'Gone User',
    active: false,
    roles: [],
    boundRoles: ['blue_tech'],
  },
];

function matches(user: AegisUser, query: ListUsersQuery) {
  const text = [user.userEntityRef, user.displayName, user.email]
    .join(' ')
    .toLocaleLowerCase('en-US');
  return (
    (!query.role || user.roles.some(r => r.role === query.role)) &&
    (!query.search || text.includes(query.search.toLocaleLowerCase('en-US')))
  );
}

/** What the fake backend answers, and how its health check fails. */
export interface FakeAegisOptions {
  healthFailure?: Error;
  me?: Partial<MeResponse>;
  users?: AegisUser[];
  tactics?: Tactic[];
  techniques?: Technique[];
}

/**
 * An Aegis API over sample data whose methods are Jest mocks, so tests can
 * check calls and make single answers fail.
 */
export function fakeAegisApi(
  options: FakeAegisOptions = {},
): jest.Mocked<AegisApi> {
  const users = options.users ?? sampleUsers;
  const tactics = options.tactics ?? sampleTactics;
  const techniques = options.techniques ?? sampleTechniques;
  const find = (ref: string) => {
    const user = users.find(u => u.userEntityRef === ref);
    if (!user) throw new Error(`no user ${ref}`);
    return user;
  };

  return {
    getHealth: jest.fn(async () => {
      if (options.healthFailure) throw options.healthFailure;
      return { status: 'ok' as const };
    }),
    getMe: jest.fn(async () => ({
      userEntityRef: 'user:default/vic.viewer',
      active: true,
      roles: ['viewer' as const],
      permissions: {},
      ...options.me,
    })),
    listUsers: jest.fn(async (query: ListUsersQuery = {}) => {
      const items = users.filter(user => matches(user, query));
      return { items, total: items.length, limit: 20, offset: 0 };
    }),
    getUser: jest.fn(async (ref: string) => find(ref)),
    createUser: jest.fn(async request => ({
      userEntityRef: request.userEntityRef,
      active: true,
      roles: request.roles.map(role => ({
        role,
        sources: [{ type: 'binding' as const }],
      })),
      boundRoles: request.roles,
    })),
    updateUser: jest.fn(async (ref, request) => ({
      ...find(ref),
      boundRoles: request.roles ?? find(ref).boundRoles,
      active: request.active ?? find(ref).active,
    })),
    listTactics: jest.fn(async (query = {}) => ({
      items: tactics.filter(t => !query.domain || t.domain === query.domain),
    })),
    listTechniques: jest.fn(async (query = {}) =>
      techniquePage(techniques, query),
    ),
    getTechnique: jest.fn(async (mitreId: string) =>
      techniqueDetail(techniques, mitreId),
    ),
    syncAttack: jest.fn(async () => ({ runs: [sampleSyncRun] })),
    listSyncRuns: jest.fn(async () => ({
      items: [sampleSyncRun],
      total: 1,
      limit: 20,
      offset: 0,
    })),
  };
}
