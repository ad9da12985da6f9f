import { Knex } from 'knex';
import { sharedDataFile } from '../__testUtils__/sharedData';
import { syncDataset } from '../__testUtils__/syncDataset';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyMigrations } from '../database/migrations';
import { DatabaseAttackStore } from './DatabaseAttackStore';
import { AttackDomain } from './stix/model';
import { parseAttackBundle } from './stix/parseAttackBundle';
import { readBundleFile } from './stix/readBundleFile';

// Real Enterprise, Mobile and ICS releases from AEGIS_SHARED_DATA.
jest.setTimeout(300_000);

/** Each domain's 18.1 bundle and what MITRE lists in it (shared data README). */
const DOMAINS: Array<[AttackDomain, string, number, number, number]> = [
  ['enterprise-attack', 'enterprise-attack-18.1.json.gz', 14, 216, 475],
  ['mobile-attack', 'mobile-attack-18.1.json.gz', 12, 77, 47],
  ['ics-attack', 'ics-attack-18.1.json.gz', 12, 83, 0],
];

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'syncing the three ATT&CK domains side by side on %p',
  databaseId => {
    it('stores each domain with the counts its bundle lists', async () => {
      const knex = await databases.init(databaseId);
      await applyMigrations({ getClient: async () => knex }, knex);
      const store = new DatabaseAttackStore(knex);

      for (const [domain, file] of DOMAINS) {
        const dataset = parseAttackBundle(
          await readBundleFile(sharedDataFile(`attack/${file}`)),
          domain,
        );
        await syncDataset(store, dataset);
      }

      const count = async (query: Knex.QueryBuilder) => {
        const [row] = (await query.count({ n: '*' })) as Array<{
          n: number | string;
        }>;
        return Number(row.n);
      };
      for (const [domain, , tactics, techniques, subtechniques] of DOMAINS) {
        const active = () =>
          knex('aegis_attack_techniques').where({
            domain,
            deprecated: false,
            revoked: false,
          });
        expect({
          domain,
          tactics: await count(
            knex('aegis_attack_tactics').where({ domain, deprecated: false }),
          ),
          techniques: await count(active().where('is_subtechnique', false)),
          subtechniques: await count(active().where('is_subtechnique', true)),
        }).toEqual({ domain, tactics, techniques, subtechniques });
      }
    });
  },
);
