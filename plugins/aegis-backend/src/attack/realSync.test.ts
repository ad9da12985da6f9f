import { sharedDataFile } from '../__testUtils__/sharedData';
import { syncDataset } from '../__testUtils__/syncDataset';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyMigrations } from '../database/migrations';
import { SyncCounts } from './AttackStore';
import { DatabaseAttackStore } from './DatabaseAttackStore';
import { AttackDataset, Technique } from './stix/model';
import { parseAttackBundle } from './stix/parseAttackBundle';
import { readBundleFile } from './stix/readBundleFile';

// Real Enterprise releases from AEGIS_SHARED_DATA (set by scripts/test.sh).
jest.setTimeout(300_000);

const databases = createTestDatabases();

async function release(file: string): Promise<AttackDataset> {
  return parseAttackBundle(
    await readBundleFile(sharedDataFile(`attack/${file}`)),
    'enterprise-attack',
  );
}

/** The counts a sync from one release to the next must report. */
function expectedDiff(before: AttackDataset, after: AttackDataset): SyncCounts {
  const old = new Map(before.techniques.map(t => [t.mitreId, t]));
  const counts = {
    added: 0,
    changed: 0,
    deprecated: 0,
    revoked: 0,
    unchanged: 0,
  };
  for (const technique of after.techniques) {
    const previous = old.get(technique.mitreId);
    if (!previous) counts.added += 1;
    else if (same(previous, technique)) counts.unchanged += 1;
    else if (technique.revoked && !previous.revoked) counts.revoked += 1;
    else if (technique.deprecated && !previous.deprecated) {
      counts.deprecated += 1;
    } else counts.changed += 1;
  }
  return counts;
}

function same(a: Technique, b: Technique): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

describe.each(databases.eachSupportedId())(
  'syncing real Enterprise releases on %p',
  databaseId => {
    it('upgrades 16.1 → 17.1 → 18.1 with the counts the bundles imply', async () => {
      const knex = await databases.init(databaseId);
      await applyMigrations({ getClient: async () => knex }, knex);
      const store = new DatabaseAttackStore(knex);
      const sync = (dataset: AttackDataset) => syncDataset(store, dataset);
      const [r16, r17, r18] = await Promise.all([
        release('enterprise-attack-16.1.stix20.json.gz'),
        release('enterprise-attack-17.1.json.gz'),
        release('enterprise-attack-18.1.json.gz'),
      ]);

      expect(await sync(r16)).toMatchObject({ added: r16.techniques.length });
      // A test mapped to a technique that a later release revokes is flagged for it.
      const now = new Date().toISOString();
      await knex('aegis_tests').insert({
        id: '00000000-0000-4000-8000-00000000a574',
        title: 'DLL search order hijacking',
        platform: 'Windows',
        severity: 'medium',
        state: 'validated',
        created_by: 'user:default/rex.redtech',
        created_at: now,
        updated_at: now,
      });
      await knex('aegis_test_techniques').insert({
        test_id: '00000000-0000-4000-8000-00000000a574',
        mitre_id: 'T1574.002',
      });
      expect(await sync(r17)).toEqual(expectedDiff(r16, r17));
      const to18 = await sync(r18);
      expect(to18).toEqual(expectedDiff(r17, r18));
      expect(to18.added).toBe(12);

      const active = knex('aegis_attack_techniques').where({
        deprecated: false,
        revoked: false,
      });
      expect(
        Number(
          (
            await active
              .clone()
              .where('is_subtechnique', false)
              .count({ n: '*' })
          )[0].n,
        ),
      ).toBe(216);
      expect(
        Number(
          (
            await active
              .clone()
              .where('is_subtechnique', true)
              .count({ n: '*' })
          )[0].n,
        ),
      ).toBe(475);
      expect(
        await knex('aegis_attack_techniques')
          .where('mitre_id', 'T1574.002')
          .first('revoked_by'),
      ).toEqual({ revoked_by: 'T1574.001' });
      expect(
        await knex('aegis_test_techniques')
          .where('mitre_id', 'T1574.002')
          .first('remap_reason', 'remap_to'),
      ).toEqual({ remap_reason: 'revoked', remap_to: 'T1574.001' });
    });
  },
);
