import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { portalRequests } from '../__testUtils__/portalRequests';
import { startAegisPortal } from '../__testUtils__/startAegisPortal';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { FIXTURE_BUNDLE } from './config';

jest.setTimeout(120_000);

const ADMIN = 'ada.admin';
const RED = 'rex.redtech';
const fixture = readFileSync(FIXTURE_BUNDLE);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'syncing from an uploaded bundle on %p',
  databaseId => {
    let portal: Awaited<ReturnType<typeof startAegisPortal>>;
    let knex: Awaited<ReturnType<typeof databases.init>>;
    const { api, signIn } = portalRequests(() => portal);
    const upload = (body: Buffer, user = ADMIN) =>
      api('post', '/system/attack-bundle?domain=enterprise-attack', user)
        .set('Content-Type', 'application/octet-stream')
        .send(body);

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      portal = await startAegisPortal({
        knex,
        // Room for the fixture, not for much more.
        aegisConfig: { attack: { maxBundleBytes: fixture.length + 1024 } },
      });
      await signIn(ADMIN, RED);
    });

    it('applies a gzipped bundle as a run of its own', async () => {
      expect((await upload(gzipSync(fixture), RED)).status).toBe(403);

      const response = await upload(gzipSync(fixture));

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        outcome: 'succeeded',
        source: 'upload',
        sourceDetail: expect.stringMatching(
          /^uploaded by user:default\/ada\.admin/,
        ),
        release: '19.0',
      });
      expect(
        await knex('aegis_attack_techniques')
          .where('mitre_id', 'T1059')
          .first('name'),
      ).toEqual({ name: 'Command and Scripting Interpreter' });
    });

    it('refuses what is too large, even when it is small compressed, and changes nothing', async () => {
      const before = await knex('aegis_attack_sync_runs').count({ n: '*' });
      // Megabytes of spaces compress to a few kilobytes.
      const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024, ' '));
      expect(bomb.length).toBeLessThan(fixture.length);

      const tooLarge = await upload(bomb);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.error.message).toContain('decompressed');

      const rawTooLarge = await upload(
        Buffer.alloc(fixture.length + 4096, ' '),
      );
      expect(rawTooLarge.status).toBe(413);

      const notJson = await upload(Buffer.from('not a bundle'));
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.message).toContain('not a STIX bundle');

      expect(await knex('aegis_attack_sync_runs').count({ n: '*' })).toEqual(
        before,
      );
    });
  },
);
