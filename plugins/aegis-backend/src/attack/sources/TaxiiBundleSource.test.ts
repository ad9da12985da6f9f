import { mockServices } from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import { startTaxiiServer } from '../../__testUtils__/taxiiServer';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { applyMigrations } from '../../database/migrations';
import { AttackSync } from '../AttackSync';
import { FIXTURE_BUNDLE } from '../config';
import { DatabaseAttackStore } from '../DatabaseAttackStore';
import { parseAttackBundle } from '../stix/parseAttackBundle';
import { FileBundleSource } from './FileBundleSource';
import { Clock, TaxiiBundleSource, TaxiiSettings } from './TaxiiBundleSource';

jest.setTimeout(60_000);

const COLLECTION = 'x-mitre-collection--enterprise-test';
const fixture = JSON.parse(readFileSync(FIXTURE_BUNDLE, 'utf8')) as {
  objects: Array<{
    id: string;
    type: string;
    name?: string;
    modified?: string;
  }>;
};

/** The fixture as a server lists it: with an older copy of T1059 last. */
function collectionObjects() {
  const t1059 = fixture.objects.find(
    o =>
      o.type === 'attack-pattern' &&
      o.name === 'Command and Scripting Interpreter',
  )!;
  return [
    ...fixture.objects,
    { ...t1059, name: 'An older name', modified: '2017-05-31T21:30:00.000Z' },
  ];
}

function settings(
  url: string,
  overrides: Partial<TaxiiSettings> = {},
): TaxiiSettings {
  return {
    url,
    apiRoot: '/api/v21/',
    collections: { 'enterprise-attack': COLLECTION },
    pageSize: 5,
    maxRequests: 50,
    windowMs: 600_000,
    timeoutMs: 10_000,
    retries: 3,
    ...overrides,
  };
}

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the TAXII 2.1 source on %p',
  databaseId => {
    async function syncWith(
      sources: Array<TaxiiBundleSource | FileBundleSource>,
    ) {
      const knex = await databases.init(databaseId);
      await applyMigrations({ getClient: async () => knex }, knex);
      const store = new DatabaseAttackStore(knex);
      const sync = new AttackSync({
        store,
        sources,
        domains: ['enterprise-attack'],
        logger: mockServices.logger.mock(),
      });
      const [run] = await sync.syncAll({ trigger: 'manual' });
      return { knex, run };
    }

    it('pages through a collection, riding out 429 and 500, keeping the newest copy', async () => {
      const server = await startTaxiiServer({
        apiRoot: '/api/v21/',
        collections: { [COLLECTION]: collectionObjects() },
        faults: [429, 500],
      });
      try {
        const { knex, run } = await syncWith([
          // Retries wait for nothing here; the rate-limit test checks waiting.
          new TaxiiBundleSource(settings(server.url), {
            now: () => Date.now(),
            sleep: async () => undefined,
          }),
          new FileBundleSource({}, 1024),
        ]);

        expect(run).toMatchObject({
          outcome: 'succeeded',
          source: 'taxii',
          added: parseAttackBundle(fixture, 'enterprise-attack').techniques
            .length,
        });
        expect(run.sourceDetail).toContain('4 pages');
        expect(
          await knex('aegis_attack_techniques')
            .where('mitre_id', 'T1059')
            .first('name'),
        ).toEqual({ name: 'Command and Scripting Interpreter' });
        expect(server.log.requests.map(r => r.status)).toEqual([
          429, 500, 200, 200, 200, 200,
        ]);
        expect(
          server.log.requests.every(
            r => r.accept === 'application/taxii+json;version=2.1',
          ),
        ).toBe(true);
      } finally {
        await server.stop();
      }
    });

    it('falls back to the bundle file when the TAXII server is down, and says why', async () => {
      const server = await startTaxiiServer({
        apiRoot: '/api/v21/',
        collections: {},
      });
      await server.stop();

      const { run } = await syncWith([
        new TaxiiBundleSource(settings(server.url, { retries: 0 })),
        new FileBundleSource(
          { 'enterprise-attack': FIXTURE_BUNDLE },
          10 * 1024 * 1024,
        ),
      ]);

      expect(run).toMatchObject({ outcome: 'succeeded', source: 'file' });
      expect(run.skippedSources).toEqual([
        { source: 'taxii', reason: expect.stringMatching(/^failed: /) },
      ]);
    });
  },
);

describe('the TAXII rate limit', () => {
  it('waits for the window rather than exceeding it', async () => {
    const server = await startTaxiiServer({
      apiRoot: '/api/v21/',
      collections: { [COLLECTION]: collectionObjects() },
    });
    let now = 0;
    const waits: number[] = [];
    const clock: Clock = {
      now: () => now,
      sleep: async ms => {
        waits.push(ms);
        now += ms;
      },
    };
    try {
      const source = new TaxiiBundleSource(
        settings(server.url, { maxRequests: 3, windowMs: 10_000 }),
        clock,
      );
      await source.fetch('enterprise-attack');

      // Four pages at three requests per window: the fourth waits a window.
      expect(server.log.requests).toHaveLength(4);
      expect(waits).toEqual([10_000]);
    } finally {
      await server.stop();
    }
  });
});
