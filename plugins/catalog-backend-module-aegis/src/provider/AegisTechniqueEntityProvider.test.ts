import { CatalogTechniqueFeed } from '@aegis-security/plugin-aegis-common';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AegisTechniqueEntityProvider } from './AegisTechniqueEntityProvider';
import { TechniqueFeedClient } from './TechniqueFeedClient';

type FeedTechnique = CatalogTechniqueFeed['techniques'][number];

function feedTechnique(
  mitreId: string,
  fields: Partial<FeedTechnique> = {},
): FeedTechnique {
  return {
    mitreId,
    name: `Technique ${mitreId}`,
    domain: 'enterprise-attack',
    url: `https://attack.mitre.org/techniques/${mitreId.replace('.', '/')}`,
    isSubtechnique: mitreId.includes('.'),
    ...(mitreId.includes('.') ? { parentMitreId: mitreId.split('.')[0] } : {}),
    tactics: ['execution'],
    platforms: ['Windows', 'Linux'],
    status: 'in_progress',
    confirmedGap: false,
    stale: false,
    testedEntityRefs: [],
    ...fields,
  };
}

function feed(
  knowledgeBaseVersion: string,
  techniques: FeedTechnique[],
): CatalogTechniqueFeed {
  return {
    generatedAt: '2026-12-03T10:00:00.000Z',
    knowledgeBaseVersion,
    tactics: [
      {
        domain: 'enterprise-attack',
        attackId: 'TA0002',
        shortname: 'execution',
        name: 'Execution',
        url: 'https://attack.mitre.org/tactics/TA0002',
        order: 3,
      },
      {
        domain: 'enterprise-attack',
        attackId: 'TA0001',
        shortname: 'initial-access',
        name: 'Initial Access',
        url: 'https://attack.mitre.org/tactics/TA0001',
        order: 2,
      },
    ],
    techniques,
  };
}

/**
 * A stand-in Aegis backend on loopback serving `GET /catalog/techniques` as
 * the documented contract says; `answer` decides each response.
 */
async function startAegisStub() {
  const state = {
    answer: { status: 200, body: feed('kb-1', []) as unknown },
    requests: [] as Array<{ url?: string; authorization?: string }>,
  };
  const server: Server = createServer((req, res) => {
    state.requests.push({
      url: req.url,
      authorization: req.headers.authorization,
    });
    res.statusCode =
      req.url === '/api/aegis/catalog/techniques' ? state.answer.status : 404;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(state.answer.body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    baseUrl: `http://127.0.0.1:${port}/api/aegis`,
    close: () => new Promise(resolve => server.close(resolve)),
  });
}

/** A catalog connection that records the mutations it receives. */
function recordingConnection() {
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async mutation => {
      mutations.push(mutation);
    },
    refresh: async () => {},
  };
  return { connection, mutations };
}

/** Names of the entities of a mutation, as `Kind:name`. */
function namesOf(
  entities: Array<{ entity: { kind: string; metadata: { name: string } } }>,
) {
  return entities.map(({ entity }) => `${entity.kind}:${entity.metadata.name}`);
}

describe('AegisTechniqueEntityProvider', () => {
  let stub: Awaited<ReturnType<typeof startAegisStub>>;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let task: SchedulerServiceTaskInvocationDefinition | undefined;
  let recorded: ReturnType<typeof recordingConnection>;

  beforeEach(async () => {
    stub = await startAegisStub();
    logger = mockServices.logger.mock();
    task = undefined;
    recorded = recordingConnection();
  });
  afterEach(() => stub.close());

  /** Connects a provider whose scheduled task the test runs as a poll. */
  async function connectProvider() {
    const provider = new AegisTechniqueEntityProvider({
      source: new TechniqueFeedClient({
        auth: mockServices.auth(),
        discovery: mockServices.discovery.mock({
          getBaseUrl: async () => stub.baseUrl,
        }),
      }),
      logger,
      schedule: {
        run: async definition => {
          task = definition;
        },
      },
      entityOptions: {
        owner: 'group:default/security',
        appBaseUrl: 'http://localhost:3000',
      },
    });
    await provider.connect(recorded.connection);
    const poll = async () => {
      await task!.fn(new AbortController().signal);
    };
    return Object.assign(poll, { provider });
  }

  it('schedules a poll under a stable provider name and task id', async () => {
    const { provider } = await connectProvider();

    expect(task?.id).toBe('aegis-techniques:refresh');
    expect(provider.getProviderName()).toBe('aegis-techniques');
  });

  it('replaces every entity on the first poll with a service token for Aegis', async () => {
    stub.answer.body = feed('kb-1', [
      feedTechnique('T1059', {
        status: 'validated',
        testedEntityRefs: ['component:default/payments-api', 'sso-gateway'],
      }),
      feedTechnique('T1059.001', {
        name: 'PowerShell',
        tactics: ['execution', 'initial-access', 'unknown-tactic'],
        status: 'not_covered',
        confirmedGap: true,
        stale: true,
      }),
    ]);
    const poll = await connectProvider();

    await poll();

    expect(stub.requests).toEqual([
      {
        url: '/api/aegis/catalog/techniques',
        authorization: expect.stringMatching(/^Bearer .*"target":"aegis"/),
      },
    ]);
    expect(recorded.mutations).toHaveLength(1);
    const [mutation] = recorded.mutations;
    expect(mutation.type).toBe('full');
    const entities = mutation.type === 'full' ? mutation.entities : [];
    expect(namesOf(entities)).toEqual([
      'Tactic:TA0002',
      'Tactic:TA0001',
      'Technique:T1059',
      'Technique:T1059.001',
    ]);
    expect(entities.every(e => e.locationKey === 'aegis-techniques')).toBe(
      true,
    );
    expect(entities[3].entity).toEqual({
      apiVersion: 'aegis.security/v1alpha1',
      kind: 'Technique',
      metadata: {
        name: 'T1059.001',
        namespace: 'default',
        title: 'T1059.001 PowerShell',
        annotations: {
          'backstage.io/managed-by-location': 'aegis:/catalog/techniques',
          'backstage.io/managed-by-origin-location':
            'aegis:/catalog/techniques',
          'aegis.security/attack-id': 'T1059.001',
        },
        tags: [
          'enterprise-attack',
          'not-covered',
          'confirmed-gap',
          'stale',
          'sub-technique',
        ],
        links: [
          {
            url: 'https://attack.mitre.org/techniques/T1059/001',
            title: 'MITRE ATT&CK',
          },
          {
            url: 'http://localhost:3000/aegis/techniques/T1059.001',
            title: 'Coverage in Aegis',
          },
        ],
      },
      spec: {
        mitreId: 'T1059.001',
        domain: 'enterprise-attack',
        tactics: ['TA0001', 'TA0002'],
        platforms: ['Linux', 'Windows'],
        url: 'https://attack.mitre.org/techniques/T1059/001',
        isSubtechnique: true,
        parent: 'T1059',
        coverage: { status: 'not_covered', confirmedGap: true, stale: true },
        testedAgainst: [],
        owner: 'group:default/security',
        lifecycle: 'production',
      },
    });
    expect(entities[2].entity.spec?.testedAgainst).toEqual([
      'component:default/payments-api',
      'component:default/sso-gateway',
    ]);
  });

  it('sends nothing when nothing changed', async () => {
    stub.answer.body = feed('kb-1', [feedTechnique('T1059')]);
    const poll = await connectProvider();

    await poll();
    await poll();

    expect(recorded.mutations.map(m => m.type)).toEqual(['full']);
    expect(stub.requests).toHaveLength(2);
  });

  it('sends only the technique whose coverage changed as a delta', async () => {
    stub.answer.body = feed('kb-1', [
      feedTechnique('T1059'),
      feedTechnique('T1566'),
    ]);
    const poll = await connectProvider();
    await poll();

    // Techniques listed in another order change nothing by themselves.
    stub.answer.body = feed('kb-1', [
      feedTechnique('T1566', {
        status: 'validated',
        testedEntityRefs: ['component:default/payments-api'],
      }),
      feedTechnique('T1059', { platforms: ['Linux', 'Windows'] }),
    ]);
    await poll();

    expect(recorded.mutations).toHaveLength(2);
    const delta = recorded.mutations[1];
    expect(delta.type).toBe('delta');
    const added = delta.type === 'delta' ? delta.added : [];
    expect(namesOf(added)).toEqual(['Technique:T1566']);
    expect(added[0].entity.spec?.coverage).toEqual({
      status: 'validated',
      confirmedGap: false,
      stale: false,
    });
    expect(delta.type === 'delta' && delta.removed).toEqual([]);
  });

  it('removes a technique that left the feed with a delta', async () => {
    stub.answer.body = feed('kb-1', [
      feedTechnique('T1059'),
      feedTechnique('T1566'),
    ]);
    const poll = await connectProvider();
    await poll();

    stub.answer.body = feed('kb-1', [feedTechnique('T1059')]);
    await poll();

    expect(recorded.mutations[1]).toEqual({
      type: 'delta',
      added: [],
      removed: [
        {
          entityRef: 'technique:default/t1566',
          locationKey: 'aegis-techniques',
        },
      ],
    });
  });

  it('replaces everything after a sync, leaving retired techniques out', async () => {
    stub.answer.body = feed('kb-1', [
      feedTechnique('T1059'),
      feedTechnique('T1064'),
    ]);
    const poll = await connectProvider();
    await poll();

    // The sync revoked T1064: the feed lists active techniques only.
    stub.answer.body = feed('kb-2', [
      feedTechnique('T1059'),
      feedTechnique('T1204'),
    ]);
    await poll();

    expect(recorded.mutations).toHaveLength(2);
    const full = recorded.mutations[1];
    expect(full.type).toBe('full');
    expect(namesOf(full.type === 'full' ? full.entities : [])).toEqual([
      'Tactic:TA0002',
      'Tactic:TA0001',
      'Technique:T1059',
      'Technique:T1204',
    ]);
  });

  it('keeps the catalog as it is while Aegis is down, warning once', async () => {
    stub.answer.body = feed('kb-1', [feedTechnique('T1059')]);
    const poll = await connectProvider();
    await poll();

    stub.answer = {
      status: 503,
      body: { error: { name: 'ServiceUnavailableError', message: 'down' } },
    };
    await poll();
    await poll();
    stub.answer = { status: 200, body: { techniques: 'none' } };
    await poll();

    expect(recorded.mutations.map(m => m.type)).toEqual(['full']);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Aegis technique feed unavailable; catalog entities left as they are',
      expect.objectContaining({ name: 'ResponseError' }),
    );

    stub.answer = {
      status: 200,
      body: feed('kb-1', [feedTechnique('T1059', { status: 'partial' })]),
    };
    await poll();

    expect(recorded.mutations.map(m => m.type)).toEqual(['full', 'delta']);
    expect(logger.info).toHaveBeenCalledWith(
      'Aegis technique feed available again',
    );
  });

  it('sends nothing when Aegis cannot be reached before the first poll', async () => {
    const poll = await connectProvider();
    await stub.close();

    await poll();

    expect(recorded.mutations).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    stub = await startAegisStub();
  });
});
