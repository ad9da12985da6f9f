import { CatalogTechniqueFeed } from '@aegis-security/plugin-aegis-common';
import { feedToEntities } from './feedEntities';

type FeedTechnique = CatalogTechniqueFeed['techniques'][number];

function technique(fields: Partial<FeedTechnique>): FeedTechnique {
  return {
    mitreId: 'T1059',
    name: 'Command and Scripting Interpreter',
    domain: 'enterprise-attack',
    isSubtechnique: false,
    tactics: ['execution'],
    platforms: [],
    status: 'not_covered',
    confirmedGap: false,
    stale: false,
    testedEntityRefs: [],
    ...fields,
  };
}

const feed: CatalogTechniqueFeed = {
  generatedAt: '2026-12-03T10:00:00.000Z',
  knowledgeBaseVersion: '1.0',
  tactics: [
    {
      domain: 'enterprise-attack',
      attackId: 'TA0002',
      shortname: 'execution',
      name: 'Execution',
      order: 3,
    },
    {
      domain: 'mobile-attack',
      attackId: 'TA0041',
      shortname: 'execution',
      name: 'Execution',
      order: 2,
    },
  ],
  techniques: [
    technique({}),
    technique({ mitreId: 'T1623', domain: 'mobile-attack' }),
    technique({ mitreId: 'X0001', name: 'In-house procedure' }),
    technique({ mitreId: 'T1059', domain: 'mobile-attack' }),
    technique({ mitreId: 'not a name' }),
  ],
};

describe('feedToEntities', () => {
  const { entities, skipped } = feedToEntities(feed, {
    owner: 'group:default/security',
  });

  it('resolves tactic shortnames within the technique’s own domain', () => {
    const tacticsOf = (name: string) =>
      entities.find(e => e.kind === 'Technique' && e.metadata.name === name)
        ?.spec?.tactics;

    expect(tacticsOf('T1059')).toEqual(['TA0002']);
    expect(tacticsOf('T1623')).toEqual(['TA0041']);
  });

  it('keeps custom techniques and skips ids that are no entity name or repeat', () => {
    expect(entities.map(e => `${e.kind}:${e.metadata.name}`)).toEqual([
      'Tactic:TA0002',
      'Tactic:TA0041',
      'Technique:T1059',
      'Technique:T1623',
      'Technique:X0001',
    ]);
    expect(skipped).toEqual(['T1059', 'not a name']);
  });

  it('links to ATT&CK only where ATT&CK has a page, and to Aegis only when the portal address is known', () => {
    const custom = entities.find(e => e.metadata.name === 'X0001');

    expect(custom?.metadata.links).toEqual([]);
    expect(custom?.metadata.tags).toEqual(['enterprise-attack', 'not-covered']);
  });
});
