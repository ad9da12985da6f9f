import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readFile } from 'fs/promises';
import { parseAttackBundle } from './parseAttackBundle';

async function fixture(name: string) {
  const path = resolvePackagePath(
    '@aegis-security/plugin-aegis-backend',
    `src/attack/__fixtures__/${name}`,
  );
  return JSON.parse(await readFile(path, 'utf8'));
}

describe('parseAttackBundle', () => {
  it('orders tactics by the matrix, including the ATT&CK 19 split of Defense Evasion', async () => {
    const dataset = parseAttackBundle(
      await fixture('attack-19-mini.json'),
      'enterprise-attack',
    );

    expect(dataset.release).toBe('19.0');
    expect(dataset.tactics.map(t => [t.attackId, t.shortname])).toEqual([
      ['TA0002', 'execution'],
      ['TA0005', 'stealth'],
      ['TA0112', 'defense-impairment'],
    ]);
  });

  it('keeps the newest version of an object and finds the ATT&CK id wherever it stands', async () => {
    const dataset = parseAttackBundle(
      await fixture('attack-19-mini.json'),
      'enterprise-attack',
    );
    const t1059 = dataset.techniques.find(t => t.mitreId === 'T1059');

    expect(t1059).toMatchObject({
      name: 'Command and Scripting Interpreter',
      url: 'https://attack.mitre.org/techniques/T1059',
      platforms: ['Linux', 'Windows'],
      tactics: ['execution'],
      version: '2.6',
      isSubtechnique: false,
      detectionStrategies: [
        { attackId: 'DET0001', name: 'Detect interpreter abuse' },
      ],
    });
    expect(dataset.techniques.filter(t => t.mitreId === 'T1059')).toHaveLength(
      1,
    );
  });

  it('links sub-techniques to parents and revoked techniques to replacements', async () => {
    const dataset = parseAttackBundle(
      await fixture('attack-19-mini.json'),
      'enterprise-attack',
    );
    const byId = new Map(dataset.techniques.map(t => [t.mitreId, t]));

    expect(byId.get('T1059.001')).toMatchObject({
      isSubtechnique: true,
      parentMitreId: 'T1059',
    });
    expect(byId.get('T1562')).toMatchObject({
      revoked: true,
      revokedBy: 'T1685',
    });
    expect(byId.get('T1685')?.tactics).toEqual(['defense-impairment']);
    expect(byId.get('T1036')).toMatchObject({ deprecated: true });
    expect(dataset.detectionStrategyCount).toBe(1);
    expect(dataset.analyticCount).toBe(1);
  });

  it('refuses what is not a STIX bundle, naming the problem', () => {
    expect(() =>
      parseAttackBundle({ type: 'report', objects: 3 }, 'enterprise-attack'),
    ).toThrow(/Not a STIX bundle: type: .*objects:/);
  });
});
