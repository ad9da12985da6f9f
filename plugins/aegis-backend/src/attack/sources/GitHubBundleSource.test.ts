import { mockServices } from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { applyMigrations } from '../../database/migrations';
import { AttackSync } from '../AttackSync';
import { FIXTURE_BUNDLE } from '../config';
import { DatabaseAttackStore } from '../DatabaseAttackStore';
import { FileBundleSource } from './FileBundleSource';
import { GitHubBundleSource } from './GitHubBundleSource';
import { MITRE_COLLECTIONS, TaxiiBundleSource } from './TaxiiBundleSource';

jest.setTimeout(60_000);

const fixture = readFileSync(FIXTURE_BUNDLE, 'utf8');

/**
 * The repository's layout on a loopback server: index.json naming two
 * Enterprise versions, and their bundles (the newer one is the fixture).
 */
async function startRepository() {
  const served: string[] = [];
  const older = JSON.stringify({
    ...JSON.parse(fixture),
    objects: JSON.parse(fixture).objects.slice(0, 3),
  });
  const server = http.createServer((req, res) => {
    served.push(req.url ?? '');
    const files: Record<string, string> = {
      '/index.json': JSON.stringify({
        collections: [
          {
            id: MITRE_COLLECTIONS['enterprise-attack'],
            name: 'Enterprise ATT&CK',
            versions: [
              {
                version: '9.0',
                url: 'enterprise-attack/enterprise-attack-9.0.json',
              },
              {
                version: '19.0',
                url: 'enterprise-attack/enterprise-attack-19.0.json',
              },
            ],
          },
        ],
      }),
      '/enterprise-attack/enterprise-attack-19.0.json': fixture,
      '/enterprise-attack/enterprise-attack-9.0.json': older,
    };
    const body = files[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(body ?? '{}');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    indexUrl: `http://127.0.0.1:${port}/index.json`,
    served,
    stop: () => new Promise(resolve => server.close(resolve)),
  };
}

/** A loopback address that refuses connections: a source that is down. */
async function deadUrl() {
  const server = http.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the GitHub source on %p',
  databaseId => {
    async function syncWith(
      sources: Array<TaxiiBundleSource | GitHubBundleSource | FileBundleSource>,
    ) {
      const knex = await databases.init(databaseId);
      await applyMigrations({ getClient: async () => knex }, knex);
      const sync = new AttackSync({
        store: new DatabaseAttackStore(knex),
        sources,
        domains: ['enterprise-attack'],
        logger: mockServices.logger.mock(),
      });
      const [run] = await sync.syncAll({ trigger: 'manual' });
      return run;
    }

    const taxiiDown = async () =>
      new TaxiiBundleSource({
        url: await deadUrl(),
        apiRoot: '/api/v21/',
        collections: MITRE_COLLECTIONS,
        pageSize: 100,
        maxRequests: 50,
        windowMs: 600_000,
        timeoutMs: 5_000,
        retries: 0,
      });

    it('serves the newest version when TAXII is down', async () => {
      const repository = await startRepository();
      try {
        const run = await syncWith([
          await taxiiDown(),
          new GitHubBundleSource({
            indexUrl: repository.indexUrl,
            versions: {},
            timeoutMs: 5_000,
            maxBytes: 10 * 1024 * 1024,
          }),
          new FileBundleSource({}, 1024),
        ]);

        expect(run).toMatchObject({
          outcome: 'succeeded',
          source: 'github',
          release: '19.0',
        });
        expect(run.sourceDetail).toContain(
          'enterprise-attack-19.0.json (version 19.0)',
        );
        expect(run.skippedSources).toEqual([
          { source: 'taxii', reason: expect.stringMatching(/^failed: /) },
        ]);
      } finally {
        await repository.stop();
      }
    });

    it('takes a pinned version, and refuses a bundle over the size cap', async () => {
      const repository = await startRepository();
      try {
        const pinned = await syncWith([
          new GitHubBundleSource({
            indexUrl: repository.indexUrl,
            versions: { 'enterprise-attack': '9.0' },
            timeoutMs: 5_000,
            maxBytes: 10 * 1024 * 1024,
          }),
        ]);
        expect(pinned.sourceDetail).toContain('(version 9.0)');

        const capped = await syncWith([
          new GitHubBundleSource({
            indexUrl: repository.indexUrl,
            versions: {},
            timeoutMs: 5_000,
            maxBytes: 1024,
          }),
          new FileBundleSource(
            { 'enterprise-attack': FIXTURE_BUNDLE },
            10 * 1024 * 1024,
          ),
        ]);
        expect(capped).toMatchObject({ outcome: 'succeeded', source: 'file' });
        expect(capped.skippedSources[0].reason).toContain(
          'larger than 1024 bytes',
        );
      } finally {
        await repository.stop();
      }
    });

    it('falls back to the file when TAXII and GitHub are both down', async () => {
      const run = await syncWith([
        await taxiiDown(),
        new GitHubBundleSource({
          indexUrl: `${await deadUrl()}/index.json`,
          versions: {},
          timeoutMs: 5_000,
          maxBytes: 1024,
        }),
        new FileBundleSource(
          { 'enterprise-attack': FIXTURE_BUNDLE },
          10 * 1024 * 1024,
        ),
      ]);

      expect(run).toMatchObject({ outcome: 'succeeded', source: 'file' });
      expect(run.skippedSources.map(s => s.source)).toEqual([
        'taxii',
        'github',
      ]);
    });
  },
);
