import {
  SecurityTest,
  SecurityTestSummary,
  TestRound,
  TestState,
  Remediation,
  SecurityTestPage,
} from '@aegis-security/plugin-aegis-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { whereCriteria } from '../lib/sqlCriteria';
import { TestFacts, TestQuery } from './permissionRules';
import {
  factsOf,
  RoundRow,
  TestRow,
  toRemediation,
  toRound,
  toSummary,
  VoteRow,
} from './rows';

/** A test as stored, before the caller's allowed actions are added. */
export interface StoredTest extends SecurityTestSummary {
  description: string;
  procedure: string;
  tools: string[];
  expectedDetection: string;
  templateId?: string;
  current: TestRound;
  history: TestRound[];
  remediation?: Remediation;
  remap: SecurityTest['remap'];
  facts: TestFacts;
}

/** Filters of the test list; the criteria come from a permission decision. */
export interface TestFilter {
  states?: TestState[];
  technique?: string;
  platform?: string;
  creator?: string;
  /** Tests run against any of these catalog entities. */
  target?: string | string[];
  pendingValidationSide?: 'red' | 'blue';
  needsRemap?: boolean;
  search?: string;
  sort: 'created_at' | 'updated_at' | 'title' | 'severity';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
  criteria?: PermissionCriteria<TestQuery>;
}

const SEVERITY_ORDER =
  "CASE aegis_tests.severity WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 ELSE 4 END";

/** Reads security tests; every filter runs in SQL. */
export class TestRepository {
  constructor(private readonly db: Knex) {}

  async get(
    id: string,
    trx: Knex | Knex.Transaction = this.db,
  ): Promise<StoredTest | undefined> {
    const row: TestRow | undefined = await trx('aegis_tests')
      .where({ id })
      .first();
    if (!row) {
      return undefined;
    }
    // One query after the other: a transaction holds a single connection.
    const links: Array<{
      mitre_id: string;
      remap_reason: 'revoked' | 'deprecated' | null;
      remap_to: string | null;
    }> = await trx('aegis_test_techniques')
      .where({ test_id: id })
      .orderBy('mitre_id')
      .select('mitre_id', 'remap_reason', 'remap_to');
    const techniques = links.map(link => link.mitre_id);
    const targets: string[] = await trx('aegis_test_targets')
      .where({ test_id: id })
      .orderBy('entity_ref')
      .pluck('entity_ref');
    const rounds = await trx<RoundRow>('aegis_test_rounds')
      .where({ test_id: id })
      .orderBy('round');
    const votes = await trx<VoteRow>('aegis_test_votes').where({
      test_id: id,
    });
    const allRounds = rounds.map(round =>
      toRound(
        round,
        votes.filter(vote => vote.round === round.round),
      ),
    );
    const current = allRounds.find(round => round.round === row.round)!;

    return {
      ...toSummary(
        row,
        techniques,
        targets,
        Object.keys(current.votes) as Array<'red' | 'blue'>,
      ),
      description: row.description,
      procedure: row.procedure,
      tools: JSON.parse(row.tools),
      expectedDetection: row.expected_detection,
      templateId: row.template_id ?? undefined,
      current,
      history: allRounds.filter(round => round.round !== row.round),
      remediation: toRemediation(row),
      remap: links
        .filter(link => link.remap_reason)
        .map(link => ({
          mitreId: link.mitre_id,
          reason: link.remap_reason!,
          replacement: link.remap_to ?? undefined,
        })),
      facts: factsOf(row),
    };
  }

  async list(filter: TestFilter): Promise<SecurityTestPage> {
    const query = this.db<TestRow>('aegis_tests');
    if (filter.states?.length) {
      query.whereIn('aegis_tests.state', filter.states);
    }
    if (filter.platform) {
      query.whereRaw('lower(aegis_tests.platform) = ?', [
        filter.platform.toLocaleLowerCase('en-US'),
      ]);
    }
    if (filter.creator) {
      query.where('aegis_tests.created_by', filter.creator);
    }
    if (filter.technique) {
      query.whereExists(
        this.db('aegis_test_techniques')
          .whereRaw('aegis_test_techniques.test_id = aegis_tests.id')
          .where('aegis_test_techniques.mitre_id', filter.technique),
      );
    }
    if (filter.target) {
      query.whereExists(
        this.db('aegis_test_targets')
          .whereRaw('aegis_test_targets.test_id = aegis_tests.id')
          .whereIn('aegis_test_targets.entity_ref', [filter.target].flat()),
      );
    }
    if (filter.pendingValidationSide) {
      query
        .where('aegis_tests.state', 'in_review')
        .whereNotExists(
          this.db('aegis_test_votes')
            .whereRaw('aegis_test_votes.test_id = aegis_tests.id')
            .whereRaw('aegis_test_votes.round = aegis_tests.round')
            .where('aegis_test_votes.side', filter.pendingValidationSide),
        );
    }
    if (filter.needsRemap) {
      query.whereExists(
        this.db('aegis_test_techniques')
          .whereRaw('aegis_test_techniques.test_id = aegis_tests.id')
          .whereNotNull('aegis_test_techniques.remap_reason'),
      );
    }
    if (filter.search) {
      const pattern = `%${escapeLike(
        filter.search.toLocaleLowerCase('en-US'),
      )}%`;
      query.where(inner =>
        inner
          .whereRaw("lower(aegis_tests.title) like ? escape '\\'", [pattern])
          .orWhereRaw("lower(aegis_tests.description) like ? escape '\\'", [
            pattern,
          ]),
      );
    }
    if (filter.criteria) {
      whereCriteria(query, filter.criteria);
    }

    const [{ count }] = await query.clone().count({ count: '*' });
    if (filter.sort === 'severity') {
      query.orderByRaw(`${SEVERITY_ORDER} ${filter.order}`);
    } else {
      query.orderBy(`aegis_tests.${filter.sort}`, filter.order);
    }
    const rows: TestRow[] = await query
      .orderBy('aegis_tests.id', filter.order)
      .limit(filter.limit)
      .offset(filter.offset)
      .select('aegis_tests.*');

    const ids = rows.map(row => row.id);
    const [techniques, targets, votes] = await Promise.all([
      this.db('aegis_test_techniques')
        .whereIn('test_id', ids)
        .orderBy('mitre_id'),
      this.db('aegis_test_targets')
        .whereIn('test_id', ids)
        .orderBy('entity_ref'),
      this.db<VoteRow>('aegis_test_votes').whereIn('test_id', ids),
    ]);

    return {
      items: rows.map(row =>
        toSummary(
          row,
          techniques.filter(t => t.test_id === row.id).map(t => t.mitre_id),
          targets.filter(t => t.test_id === row.id).map(t => t.entity_ref),
          votes
            .filter(v => v.test_id === row.id && v.round === row.round)
            .map(v => v.side),
        ),
      ),
      total: Number(count),
    };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, match => `\\${match}`);
}
