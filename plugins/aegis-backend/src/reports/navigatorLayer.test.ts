import {
  CoverageCounts,
  TechniqueCoverage,
} from '@aegis-security/plugin-aegis-common';
import { buildNavigatorLayer, NavigatorLayerInput } from './navigatorLayer';
import { navigatorLayerSchema } from './navigatorLayerSchema';

function technique(
  mitreId: string,
  overrides: Partial<TechniqueCoverage> = {},
): TechniqueCoverage {
  return {
    mitreId,
    name: `Technique ${mitreId}`,
    domain: 'enterprise-attack',
    isSubtechnique: mitreId.includes('.'),
    parentMitreId: mitreId.includes('.') ? mitreId.split('.')[0] : undefined,
    tactics: ['execution'],
    status: 'not_covered',
    confirmedGap: false,
    stale: false,
    via: 'none',
    tests: { total: 0, validated: 0, inProgress: 0, outcomes: {} },
    platforms: [],
    ...overrides,
  };
}

const COUNTS: CoverageCounts = {
  total: 5,
  validated: 1,
  partial: 1,
  in_progress: 1,
  not_covered: 2,
  confirmedGaps: 1,
  stale: 1,
  percent: { validated: 20, partial: 20, in_progress: 20, not_covered: 40 },
};

const INPUT: NavigatorLayerInput = {
  domain: 'enterprise-attack',
  counts: COUNTS,
  generatedAt: '2026-12-03T10:00:00.000Z',
  appBaseUrl: 'https://backstage.example.com/',
  attackRelease: '19.0',
  maxAgeDays: 180,
  techniques: [
    technique('T1059', {
      status: 'validated',
      tactics: ['execution'],
      via: 'tests',
      stale: true,
      lastValidatedAt: '2026-01-02T03:04:05.000Z',
      tests: {
        total: 3,
        validated: 2,
        inProgress: 1,
        outcomes: { blocked: 1, alerted: 1 },
      },
    }),
    technique('T1059.001', {
      status: 'partial',
      via: 'tests',
      tests: { total: 1, validated: 1, inProgress: 0, outcomes: { logged: 1 } },
    }),
    technique('T1053', {
      status: 'in_progress',
      tactics: ['execution', 'persistence', 'privilege-escalation'],
      via: 'tests',
      tests: { total: 1, validated: 0, inProgress: 1, outcomes: {} },
    }),
    technique('T1110', {
      tactics: ['credential-access'],
      confirmedGap: true,
      via: 'tests',
      tests: {
        total: 1,
        validated: 1,
        inProgress: 0,
        outcomes: { not_detected: 1 },
      },
    }),
    technique('T1003', { tactics: ['credential-access'] }),
    technique('X0001', { status: 'validated' }),
  ],
};

describe('buildNavigatorLayer', () => {
  it('builds a layer that satisfies the 4.5 file format', () => {
    const layer = buildNavigatorLayer(INPUT);

    expect(navigatorLayerSchema.safeParse(layer).error).toBeUndefined();
    // Without an ATT&CK version the Navigator opens it in the release it has.
    expect(layer.versions).toEqual({ navigator: '5.2.0', layer: '4.5' });
    expect(layer.metadata).toContainEqual({
      name: 'ATT&CK release',
      value: '19.0',
    });
    expect(layer.domain).toBe('enterprise-attack');
    expect(layer.name).toBe('Aegis coverage, Enterprise');
  });

  it('annotates each technique once per tactic, so every column shows it', () => {
    const layer = buildNavigatorLayer(INPUT);

    const scheduled = layer.techniques.filter(t => t.techniqueID === 'T1053');
    expect(scheduled.map(t => t.tactic)).toEqual([
      'execution',
      'persistence',
      'privilege-escalation',
    ]);
    expect(new Set(scheduled.map(t => t.color)).size).toBe(1);
  });

  it('scores and colours each status as its legend says', () => {
    const layer = buildNavigatorLayer(INPUT);
    const cell = (id: string) =>
      layer.techniques.find(t => t.techniqueID === id)!;
    const legend = Object.fromEntries(
      layer.legendItems.map(item => [item.label, item.color]),
    );

    expect(cell('T1059')).toMatchObject({
      score: 100,
      color: legend.Validated,
    });
    expect(cell('T1059.001')).toMatchObject({
      score: 50,
      color: legend['Partial (logged only)'],
    });
    expect(cell('T1053')).toMatchObject({
      score: 25,
      color: legend['In progress'],
    });
    expect(cell('T1110')).toMatchObject({
      score: 0,
      color: legend['Confirmed gap (not detected)'],
    });
    expect(cell('T1003')).toMatchObject({
      score: 0,
      color: legend['Not covered'],
    });
    expect(new Set(Object.values(legend)).size).toBe(5);
  });

  it('says in the comment and metadata how many tests ran and what they found', () => {
    const layer = buildNavigatorLayer(INPUT);
    const cell = layer.techniques.find(t => t.techniqueID === 'T1059')!;

    expect(cell.comment).toBe(
      'Validated. 3 tests: 2 validated, 1 in progress. ' +
        'outcomes blocked: 1; alerted: 1. last validated 2026-01-02. ' +
        'stale (older than 180 days).',
    );
    expect(cell.metadata).toEqual(
      expect.arrayContaining([
        { name: 'Tests', value: '3' },
        { name: 'Validated tests', value: '2' },
        { name: 'Tests in progress', value: '1' },
        { name: 'Outcomes', value: 'blocked: 1; alerted: 1' },
        { name: 'Stale', value: 'yes' },
      ]),
    );
    expect(layer.techniques.find(t => t.techniqueID === 'T1003')!.comment).toBe(
      'Not covered. no Aegis tests.',
    );
  });

  it('links each technique and the layer back to Aegis', () => {
    const layer = buildNavigatorLayer(INPUT);

    expect(
      layer.techniques.find(t => t.techniqueID === 'T1059.001')!.links,
    ).toEqual([
      {
        label: 'Open in Aegis',
        url: 'https://backstage.example.com/aegis/techniques/T1059.001',
      },
    ]);
    expect(layer.links).toEqual([
      {
        label: 'Aegis coverage matrix',
        url: 'https://backstage.example.com/aegis/matrix',
      },
    ]);
  });

  it('shows the sub-techniques of a parent whose sub-techniques were tested', () => {
    const layer = buildNavigatorLayer(INPUT);
    const cell = (id: string) =>
      layer.techniques.find(t => t.techniqueID === id)!;

    expect(cell('T1059').showSubtechniques).toBe(true);
    expect(cell('T1110').showSubtechniques).toBe(false);
  });

  it('leaves out custom techniques, which the Navigator does not know', () => {
    const layer = buildNavigatorLayer(INPUT);

    expect(layer.techniques.map(t => t.techniqueID)).not.toContain('X0001');
  });

  it('records the filters and counts in the layer metadata', () => {
    const layer = buildNavigatorLayer({
      ...INPUT,
      platform: 'Windows',
      entityRef: 'component:default/payments-api',
    });

    expect(layer.filters).toEqual({ platforms: ['Windows'] });
    expect(layer.name).toBe(
      'Aegis coverage, Enterprise (platform Windows, entity component:default/payments-api)',
    );
    expect(layer.metadata).toEqual(
      expect.arrayContaining([
        { name: 'Platform', value: 'Windows' },
        { name: 'Entity', value: 'component:default/payments-api' },
        { name: 'Validated', value: '1' },
        { name: 'Confirmed gaps', value: '1' },
        { name: 'Generated at', value: '2026-12-03T10:00:00.000Z' },
      ]),
    );
    expect(navigatorLayerSchema.safeParse(layer).error).toBeUndefined();
  });

  it('says so when no sync recorded the ATT&CK release', () => {
    const layer = buildNavigatorLayer({ ...INPUT, attackRelease: undefined });

    expect(layer.metadata).toContainEqual({
      name: 'ATT&CK release',
      value: 'unknown',
    });
    expect(layer.filters).toBeUndefined();
  });
});

describe('navigatorLayerSchema', () => {
  const valid = buildNavigatorLayer(INPUT);

  it.each([
    ['a missing name', { ...valid, name: undefined }, 'name'],
    [
      'another layer version',
      { ...valid, versions: { ...valid.versions, layer: '4.4' } },
      'versions.layer',
    ],
    [
      'a Navigator older than 4.9.0',
      { ...valid, versions: { ...valid.versions, navigator: '4.8.2' } },
      'versions.navigator',
    ],
    ['an unknown domain', { ...valid, domain: 'pre-attack' }, 'domain'],
    [
      'a score as text',
      { ...valid, techniques: [{ techniqueID: 'T1059', score: '100' }] },
      'techniques.0.score',
    ],
    [
      'a link without a protocol',
      { ...valid, links: [{ label: 'x', url: 'example.com' }] },
      'links.0.url',
    ],
    ['a misspelt property', { ...valid, hideDisabeld: true }, ''],
    [
      'a one-colour gradient',
      {
        ...valid,
        gradient: { colors: ['#ffffff'], minValue: 0, maxValue: 100 },
      },
      'gradient.colors',
    ],
  ])('rejects %s', (_name, layer, path) => {
    const result = navigatorLayerSchema.safeParse(layer);

    expect(result.success).toBe(false);
    expect(result.error?.issues.map(issue => issue.path.join('.'))).toContain(
      path,
    );
  });
});
