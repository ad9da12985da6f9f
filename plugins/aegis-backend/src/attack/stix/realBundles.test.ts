import { sharedDataFile } from '../../__testUtils__/sharedData';
import { AttackDataset } from './model';
import { parseAttackBundle } from './parseAttackBundle';
import { readBundleFile } from './readBundleFile';

// Real MITRE bundles, from the folder scripts/test.sh and .ci/run name in
// AEGIS_SHARED_DATA; they are never copied into the project.
jest.setTimeout(120_000);

async function load(file: string, domain: AttackDataset['domain']) {
  return parseAttackBundle(
    await readBundleFile(sharedDataFile(`attack/${file}`)),
    domain,
  );
}

function activeCounts(dataset: AttackDataset) {
  const active = dataset.techniques.filter(t => !t.revoked && !t.deprecated);
  return {
    tactics: dataset.tactics.filter(t => !t.deprecated).length,
    techniques: active.filter(t => !t.isSubtechnique).length,
    subtechniques: active.filter(t => t.isSubtechnique).length,
  };
}

describe('real ATT&CK bundles', () => {
  it.each([
    [
      'enterprise-attack-18.1.json.gz',
      'enterprise-attack',
      '18.1',
      14,
      216,
      475,
    ],
    [
      'enterprise-attack-17.1.json.gz',
      'enterprise-attack',
      '17.1',
      14,
      211,
      468,
    ],
    ['mobile-attack-18.1.json.gz', 'mobile-attack', '18.1', 12, 77, 47],
    ['ics-attack-18.1.json.gz', 'ics-attack', '18.1', 12, 83, 0],
  ] as const)(
    '%s has the tactics, techniques and sub-techniques MITRE lists',
    async (file, domain, release, tactics, techniques, subtechniques) => {
      const dataset = await load(file, domain);

      expect(dataset.release).toBe(release);
      expect(activeCounts(dataset)).toEqual({
        tactics,
        techniques,
        subtechniques,
      });
    },
  );

  it('reads the STIX 2.0 edition of a release exactly as its 2.1 edition', async () => {
    const v21 = await load(
      'enterprise-attack-18.1.json.gz',
      'enterprise-attack',
    );
    const v20 = await load(
      'enterprise-attack-18.1.stix20.json.gz',
      'enterprise-attack',
    );

    const comparable = (dataset: AttackDataset) => ({
      tactics: dataset.tactics,
      techniques: [...dataset.techniques].sort((a, b) =>
        a.mitreId.localeCompare(b.mitreId),
      ),
    });
    expect(activeCounts(v20)).toEqual({
      tactics: 14,
      techniques: 216,
      subtechniques: 475,
    });
    expect(comparable(v20)).toEqual(comparable(v21));
  });

  it('knows that 18.1 revoked T1574.002 in favour of T1574.001', async () => {
    const dataset = await load(
      'enterprise-attack-18.1.json.gz',
      'enterprise-attack',
    );
    const t1574002 = dataset.techniques.find(t => t.mitreId === 'T1574.002');

    expect(t1574002).toMatchObject({ revoked: true, revokedBy: 'T1574.001' });
  });
});
