import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessorRelationResult,
  CatalogProcessorResult,
} from '@backstage/plugin-catalog-node';
import { AegisTechniqueProcessor } from './AegisTechniqueProcessor';

const location = { type: 'aegis', target: '/catalog/techniques' };

function technique(spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'aegis.security/v1alpha1',
    kind: 'Technique',
    metadata: { name: 'T1059.001', namespace: 'default' },
    spec: {
      mitreId: 'T1059.001',
      domain: 'enterprise-attack',
      tactics: ['TA0002'],
      platforms: ['Windows'],
      url: 'https://attack.mitre.org/techniques/T1059/001',
      isSubtechnique: true,
      parent: 'T1059',
      coverage: { status: 'validated', confirmedGap: false, stale: false },
      testedAgainst: [
        'component:default/payments-api',
        'component:default/sso-gateway',
      ],
      owner: 'group:default/security',
      lifecycle: 'production',
      ...spec,
    },
  };
}

const tactic: Entity = {
  apiVersion: 'aegis.security/v1alpha1',
  kind: 'Tactic',
  metadata: { name: 'TA0002', namespace: 'default' },
  spec: {
    mitreId: 'TA0002',
    domain: 'enterprise-attack',
    shortname: 'execution',
    order: 3,
    owner: 'group:default/security',
    lifecycle: 'production',
  },
};

/** Runs post-processing and returns the relations as `source type target`. */
async function relationsOf(entity: Entity): Promise<string[]> {
  const emitted: CatalogProcessorResult[] = [];
  await new AegisTechniqueProcessor().postProcessEntity(
    entity,
    location,
    result => emitted.push(result),
  );
  return emitted
    .filter((r): r is CatalogProcessorRelationResult => r.type === 'relation')
    .map(({ relation: { source, type, target } }) =>
      [
        `${source.kind}:${source.namespace}/${source.name}`,
        type,
        `${target.kind}:${target.namespace}/${target.name}`,
      ].join(' '),
    );
}

describe('AegisTechniqueProcessor', () => {
  const processor = new AegisTechniqueProcessor();

  it('accepts Technique and Tactic entities of its apiVersion', async () => {
    await expect(processor.validateEntityKind(technique())).resolves.toBe(true);
    await expect(processor.validateEntityKind(tactic)).resolves.toBe(true);
  });

  it('leaves other kinds and other apiVersions to other processors', async () => {
    await expect(
      processor.validateEntityKind({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payments-api' },
        spec: { type: 'service', owner: 'payments-team' },
      }),
    ).resolves.toBe(false);
    await expect(
      processor.validateEntityKind({
        ...technique(),
        apiVersion: 'example.com/v1',
      }),
    ).resolves.toBe(false);
  });

  it('rejects a Technique spec naming every invalid field', async () => {
    await expect(
      processor.validateEntityKind(
        technique({
          coverage: { status: 'great', confirmedGap: false, stale: 'no' },
          tactics: 'TA0002',
          testedAgainst: ['component:'],
        }),
      ),
    ).rejects.toThrow(
      'Technique T1059.001 has an invalid spec.tactics, spec.coverage.status, spec.coverage.stale, spec.testedAgainst',
    );
  });

  it('rejects a Technique without coverage or owner', async () => {
    const { coverage, owner, ...rest } = technique().spec!;

    await expect(
      processor.validateEntityKind({ ...technique(), spec: rest }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'spec.coverage.status, spec.coverage.confirmedGap, spec.coverage.stale',
      ),
    });
    await expect(
      processor.validateEntityKind({ ...technique(), spec: rest }),
    ).rejects.toThrow(/spec\.owner$/);
  });

  it('rejects a Tactic whose order is not a number', async () => {
    await expect(
      processor.validateEntityKind({
        ...tactic,
        spec: { ...tactic.spec, order: 'third' },
      }),
    ).rejects.toThrow('Tactic TA0002 has an invalid spec.order');
  });

  it('relates a sub-technique to its tactics, parent, owner and tested services, both ways', async () => {
    await expect(relationsOf(technique())).resolves.toEqual([
      'Technique:default/T1059.001 ownedBy group:default/security',
      'group:default/security ownerOf Technique:default/T1059.001',
      'Technique:default/T1059.001 partOf Tactic:default/TA0002',
      'Tactic:default/TA0002 hasPart Technique:default/T1059.001',
      'Technique:default/T1059.001 partOf Technique:default/T1059',
      'Technique:default/T1059 hasPart Technique:default/T1059.001',
      'Technique:default/T1059.001 testedAgainst component:default/payments-api',
      'component:default/payments-api testedFor Technique:default/T1059.001',
      'Technique:default/T1059.001 testedAgainst component:default/sso-gateway',
      'component:default/sso-gateway testedFor Technique:default/T1059.001',
    ]);
  });

  it('relates a Tactic to its owner only', async () => {
    await expect(relationsOf(tactic)).resolves.toEqual([
      'Tactic:default/TA0002 ownedBy group:default/security',
      'group:default/security ownerOf Tactic:default/TA0002',
    ]);
  });

  it('emits nothing for entities that are not its own', async () => {
    await expect(
      relationsOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payments-api' },
        spec: { owner: 'payments-team', testedAgainst: ['component:x'] },
      }),
    ).resolves.toEqual([]);
  });
});
