import {
  EntityCoverage,
  TacticCoverage,
} from '@aegis-security/plugin-aegis-common';
import { Knex } from 'knex';
import { whereCriteria } from '../lib/sqlCriteria';
import {
  OPEN_REMEDIATION_STATUSES,
  REMEDIATION_COLUMNS,
  remediationRowOf,
} from '../tests/remediationRows';
import { TestRepository } from '../tests/TestRepository';
import { CoverageStore } from './CoverageStore';
import { countCoverage } from './rollUp';
import { CoverageScope } from './scope';

/** The most tests an entity's coverage lists, changed last first. */
export const ENTITY_TESTS_LIMIT = 100;

/**
 * How a catalog entity stands: the techniques tested against it (a System:
 * against it or its Components) with their status there, by tactic, the
 * tests, the remediation still to do and the last validation.
 */
export class EntityCoverageReader {
  constructor(
    private readonly db: Knex,
    private readonly coverageStore: CoverageStore,
    private readonly testRepository: TestRepository,
  ) {}

  async read(
    entityRef: string,
    scope: CoverageScope & { entityRefs: string[] },
  ): Promise<EntityCoverage> {
    const [view, tests, openRemediation, lastValidation] = await Promise.all([
      this.coverageStore.evaluate({}, scope),
      this.testRepository.list({
        criteria: scope.tests,
        target: scope.entityRefs,
        sort: 'updated_at',
        order: 'desc',
        limit: ENTITY_TESTS_LIMIT,
        offset: 0,
      }),
      this.openRemediation(scope),
      this.lastValidation(scope),
    ]);

    // The techniques and sub-techniques tested against the entity, and the
    // parents of tested sub-techniques: counts take sub-techniques through
    // their parent, as everywhere else, so the entity's figures compare
    // with the global ones and with a Navigator layer of the entity.
    const all = view.techniques();
    const testedParents = new Set(
      all
        .filter(t => t.tests.total > 0 && t.parentMitreId)
        .map(t => t.parentMitreId),
    );
    const techniques = all.filter(
      t => t.tests.total > 0 || testedParents.has(t.mitreId),
    );
    const byTactic: TacticCoverage[] = view.tactics.flatMap(tactic => {
      const inTactic = techniques.filter(
        t => t.domain === tactic.domain && t.tactics.includes(tactic.shortname),
      );
      if (!inTactic.length) {
        return [];
      }
      return [
        {
          domain: tactic.domain,
          attackId: tactic.attackId,
          shortname: tactic.shortname,
          name: tactic.name,
          order: tactic.order,
          counts: countCoverage(inTactic),
        },
      ];
    });

    return {
      entityRef,
      entityRefs: scope.entityRefs,
      counts: countCoverage(techniques),
      byTactic,
      techniques,
      tests: tests.items,
      openRemediation,
      ...(lastValidation && { lastValidation }),
    };
  }

  /** The entity's tests the scope counts, as SQL. */
  private testsOf(scope: CoverageScope & { entityRefs: string[] }) {
    const query = this.db('aegis_tests').whereExists(
      this.db('aegis_test_targets as target')
        .select(this.db.raw('1'))
        .whereRaw('target.test_id = aegis_tests.id')
        .whereIn('target.entity_ref', scope.entityRefs),
    );
    if (scope.tests) {
      whereCriteria(query, scope.tests);
    }
    return query;
  }

  private async openRemediation(
    scope: CoverageScope & { entityRefs: string[] },
  ) {
    const tests = this.testsOf(scope).whereIn(
      'aegis_tests.remediation_status',
      OPEN_REMEDIATION_STATUSES,
    );
    const [rows, links] = await Promise.all([
      tests.clone().select(REMEDIATION_COLUMNS),
      this.db('aegis_test_techniques')
        .whereIn('test_id', tests.clone().select('aegis_tests.id'))
        .orderBy(['test_id', 'mitre_id'])
        .select('test_id', 'mitre_id'),
    ]);
    const techniquesOf = new Map<string, string[]>();
    for (const link of links) {
      techniquesOf.set(link.test_id, [
        ...(techniquesOf.get(link.test_id) ?? []),
        link.mitre_id,
      ]);
    }
    const today = new Date().toISOString().slice(0, 10);
    return rows
      .map(row => remediationRowOf(row, techniquesOf.get(row.id) ?? [], today))
      .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  }

  private async lastValidation(
    scope: CoverageScope & { entityRefs: string[] },
  ) {
    const row = await this.testsOf(scope)
      .where('aegis_tests.state', 'validated')
      .whereNotNull('aegis_tests.validated_at')
      .orderBy('aegis_tests.validated_at', 'desc')
      .first('aegis_tests.id', 'aegis_tests.title', 'aegis_tests.validated_at');
    return (
      row && { testId: row.id, title: row.title, at: row.validated_at }
    );
  }
}
