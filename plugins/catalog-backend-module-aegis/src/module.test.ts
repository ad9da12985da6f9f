import {
  coreServices,
  createBackendModule,
  resolvePackagePath,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the test runs the Aegis backend beside the catalog, as the portal does
import aegisPlugin from '@aegis-security/plugin-aegis-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import catalogModuleAegis from './index';

jest.setTimeout(120_000);

const EXAMPLES = resolve(__dirname, '../../../examples');
/** Aegis's small ATT&CK bundle: T1036 is deprecated, T1562 revoked. */
const ATTACK_FIXTURE = resolvePackagePath(
  '@aegis-security/plugin-aegis-backend',
  'src/attack/__fixtures__/attack-19-mini.json',
);
const ADMIN = mockCredentials.user.header('user:default/ada.admin');

/** Hands the test the catalog's scheduler, to run a poll when it wants. */
let catalogScheduler: SchedulerService;
const schedulerHandle = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-scheduler-handle',
  register(reg) {
    reg.registerInit({
      deps: { scheduler: coreServices.scheduler },
      async init({ scheduler }) {
        catalogScheduler = scheduler;
      },
    });
  },
});

/** Asks the catalog until `check` accepts its answer, or gives up. */
async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
): Promise<T> {
  let value = await read();
  for (let attempt = 0; attempt < 200 && !check(value); attempt++) {
    await new Promise(done => setTimeout(done, 250));
    value = await read();
  }
  return value;
}

function relationsOf(entity: Entity | undefined): string[] {
  return (entity?.relations ?? []).map(r => `${r.type} ${r.targetRef}`);
}

describe('the Aegis catalog module with the real catalog and Aegis', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  const catalogEntity = async (ref: string): Promise<Entity | undefined> => {
    const response = await request(backend.server)
      .get(`/api/catalog/entities/by-name/${ref}`)
      .set('Authorization', ADMIN);
    return response.status === 200 ? response.body : undefined;
  };
  const poll = () => catalogScheduler.triggerTask('aegis-techniques:refresh');

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleAegis,
        schedulerHandle,
        aegisPlugin,
        // Roles and policies are not what this test is about.
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            permission: { enabled: true },
            catalog: {
              rules: [{ allow: ['Component', 'System', 'Group', 'User'] }],
              locations: [
                { type: 'file', target: join(EXAMPLES, 'entities.yaml') },
                { type: 'file', target: join(EXAMPLES, 'org.yaml') },
              ],
            },
            aegis: {
              attack: {
                sources: { file: { 'enterprise-attack': ATTACK_FIXTURE } },
              },
              evidence: {
                local: {
                  directory: mkdtempSync(join(tmpdir(), 'aegis-evidence-')),
                },
              },
            },
          },
        }),
      ],
    });
  });

  afterAll(() => backend?.stop());

  it('shows techniques with their tactics, parent, owner and tested services', async () => {
    // Aegis checks test targets against the catalog.
    const service = await eventually(
      () => catalogEntity('component/default/payments-api'),
      entity => entity !== undefined,
    );
    expect(service).toBeDefined();

    await request(backend.server)
      .post('/api/aegis/system/sync-mitre')
      .set('Authorization', ADMIN)
      .expect(200);
    await poll();

    const technique = await eventually(
      () => catalogEntity('technique/default/T1059.001'),
      entity => entity?.relations !== undefined,
    );
    expect(technique).toMatchObject({
      apiVersion: 'aegis.security/v1alpha1',
      kind: 'Technique',
      metadata: { name: 'T1059.001', title: 'T1059.001 PowerShell' },
      spec: {
        tactics: ['TA0002'],
        parent: 'T1059',
        coverage: { status: 'not_covered' },
        testedAgainst: [],
      },
    });
    await expect(catalogEntity('tactic/default/TA0002')).resolves.toMatchObject(
      { spec: { shortname: 'execution' } },
    );
    await expect(
      catalogEntity('technique/default/T1685'),
    ).resolves.toBeDefined();
    await expect(
      catalogEntity('technique/default/T1562'),
    ).resolves.toBeUndefined();
    await expect(
      catalogEntity('technique/default/T1036'),
    ).resolves.toBeUndefined();

    // A test against the service reaches the catalog with the next poll.
    await request(backend.server)
      .post('/api/aegis/tests')
      .set('Authorization', ADMIN)
      .send({
        title: 'PowerShell download cradle',
        techniques: ['T1059.001'],
        platform: 'Windows',
        targets: ['payments-api'],
        severity: 'high',
      })
      .expect(201);
    await poll();

    const tested = await eventually(
      () => catalogEntity('technique/default/T1059.001'),
      entity =>
        relationsOf(entity).includes(
          'testedAgainst component:default/payments-api',
        ),
    );
    expect(tested?.spec?.testedAgainst).toEqual([
      'component:default/payments-api',
    ]);
    expect(relationsOf(tested)).toEqual(
      expect.arrayContaining([
        'ownedBy group:default/security',
        'partOf tactic:default/ta0002',
        'partOf technique:default/t1059',
        'testedAgainst component:default/payments-api',
      ]),
    );

    const reverse = await eventually(
      () => catalogEntity('component/default/payments-api'),
      entity =>
        relationsOf(entity).includes('testedFor technique:default/t1059.001'),
    );
    expect(relationsOf(reverse)).toContain(
      'testedFor technique:default/t1059.001',
    );
    const tactic = await eventually(
      () => catalogEntity('tactic/default/TA0002'),
      entity =>
        relationsOf(entity).includes('hasPart technique:default/t1059.001'),
    );
    expect(relationsOf(tactic)).toContain(
      'hasPart technique:default/t1059.001',
    );
  });
});
