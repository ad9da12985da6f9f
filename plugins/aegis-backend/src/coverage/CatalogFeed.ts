import { CatalogTechniqueFeed } from '@aegis-security/plugin-aegis-common';
import { Knex } from 'knex';
import { createHash } from 'node:crypto';
import { whereCriteria } from '../lib/sqlCriteria';
import { CoverageStore } from './CoverageStore';
import { PUBLIC_SCOPE } from './scope';

/**
 * The feed the Aegis catalog module turns into Tactic and Technique
 * entities: the active techniques with their coverage and the entities
 * their tests ran against. Catalog pages are open to every signed-in user,
 * so unrevealed blind tests never count.
 */
export class CatalogFeed {
  constructor(
    private readonly db: Knex,
    private readonly coverageStore: CoverageStore,
  ) {}

  async read(): Promise<CatalogTechniqueFeed> {
    const [view, targets] = await Promise.all([
      this.coverageStore.evaluate({}, PUBLIC_SCOPE, { platforms: false }),
      this.testedEntities(),
    ]);
    const coverage = new Map(view.techniques().map(t => [t.mitreId, t]));

    const tactics = view.tactics;
    const techniques = view.sources.map(technique => {
      const found = coverage.get(technique.mitreId)!;
      return {
        mitreId: technique.mitreId,
        name: technique.name,
        domain: technique.domain,
        ...(technique.url && { url: technique.url }),
        isSubtechnique: technique.isSubtechnique,
        ...(technique.parentMitreId && {
          parentMitreId: technique.parentMitreId,
        }),
        tactics: technique.tactics,
        platforms: technique.platforms,
        status: found.status,
        confirmedGap: found.confirmedGap,
        stale: found.stale,
        testedEntityRefs: targets.get(technique.mitreId) ?? [],
      };
    });

    return {
      generatedAt: new Date().toISOString(),
      knowledgeBaseVersion: knowledgeBaseVersion(tactics, techniques),
      tactics,
      techniques,
    };
  }

  /** The entities each technique's counted tests ran against. */
  private async testedEntities(): Promise<Map<string, string[]>> {
    const query = this.db('aegis_test_targets as target')
      .join('aegis_tests', 'aegis_tests.id', 'target.test_id')
      .join('aegis_test_techniques as link', 'link.test_id', 'target.test_id')
      .distinct('link.mitre_id', 'target.entity_ref')
      .orderBy(['link.mitre_id', 'target.entity_ref']);
    whereCriteria(query, PUBLIC_SCOPE.tests!);
    const rows: Array<{ mitre_id: string; entity_ref: string }> = await query;

    const byTechnique = new Map<string, string[]>();
    for (const row of rows) {
      const refs = byTechnique.get(row.mitre_id) ?? [];
      refs.push(row.entity_ref);
      byTechnique.set(row.mitre_id, refs);
    }
    return byTechnique;
  }
}

/**
 * A digest of what the knowledge base says of each tactic and technique,
 * coverage left out: it changes when a sync or an admin changes them, which
 * tells the catalog module to replace its entities in full.
 */
function knowledgeBaseVersion(
  tactics: CatalogTechniqueFeed['tactics'],
  techniques: CatalogTechniqueFeed['techniques'],
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(tactics));
  for (const technique of techniques) {
    hash.update(
      JSON.stringify([
        technique.mitreId,
        technique.name,
        technique.domain,
        technique.url,
        technique.parentMitreId,
        technique.tactics,
        technique.platforms,
      ]),
    );
  }
  return hash.digest('hex').slice(0, 16);
}
