import {
  AttackDomain,
  CoverageCounts,
  CoverageFilter,
  TacticCoverage,
  TechniqueCoverage,
} from '@aegis-security/plugin-aegis-common';
import { Knex } from 'knex';
import { queryPlatformCoverage } from './coverageQuery';
import { countCoverage, CoverageTechnique, rollUpCoverage } from './rollUp';
import { CoverageScope } from './scope';

const DAY_MS = 86_400_000;

/** A tactic of an enabled domain, in matrix order. */
export interface CoverageTactic {
  domain: AttackDomain;
  attackId: string;
  shortname: string;
  name: string;
  url?: string;
  order: number;
}

/** Options of {@link CoverageStore.evaluate}. */
export interface EvaluateOptions {
  /** Whether each technique lists its platforms (default true). */
  platforms?: boolean;
}

/**
 * The coverage of the active techniques that match a filter, computed once
 * and read in several shapes.
 */
export class CoverageView {
  constructor(
    /** The active techniques the coverage was computed for. */
    readonly sources: CoverageTechnique[],
    private readonly coverage: TechniqueCoverage[],
    /** The tactics of the domains, in matrix order. */
    readonly tactics: CoverageTactic[],
    private readonly perPlatform: () => Array<{
      platform: string;
      coverage: TechniqueCoverage[];
    }>,
  ) {}

  /** Every technique and sub-technique, by ATT&CK ID; or only these. */
  techniques(mitreIds?: string[]): TechniqueCoverage[] {
    if (!mitreIds) {
      return this.coverage;
    }
    const wanted = new Set(mitreIds);
    return this.coverage.filter(item => wanted.has(item.mitreId));
  }

  /** Counts of the techniques; sub-techniques count through their parent. */
  counts(): CoverageCounts {
    return countCoverage(this.coverage);
  }

  /** Counts per tactic, in matrix order. */
  byTactic(): TacticCoverage[] {
    return this.tactics.map(tactic => ({
      domain: tactic.domain,
      attackId: tactic.attackId,
      shortname: tactic.shortname,
      name: tactic.name,
      order: tactic.order,
      counts: countCoverage(
        this.coverage.filter(
          item =>
            item.domain === tactic.domain &&
            item.tactics.includes(tactic.shortname),
        ),
      ),
    }));
  }

  /**
   * Counts per platform the techniques name: on each, only that platform's
   * tests count, and only the techniques that name it.
   */
  byPlatform(): Array<{ platform: string; counts: CoverageCounts }> {
    return this.perPlatform().map(({ platform, coverage }) => ({
      platform,
      counts: countCoverage(coverage),
    }));
  }
}

/**
 * Coverage under the Aegis rules: the SQL of {@link queryPlatformCoverage}
 * decides each technique on each platform, {@link rollUpCoverage} makes the
 * technique's status of it. Every figure of the API comes from here.
 */
export class CoverageStore {
  constructor(
    private readonly db: Knex,
    private readonly settings: {
      /** The enabled domains. */
      domains: AttackDomain[];
      maxAgeDays: number;
    },
  ) {}

  /** The coverage of the techniques that match the filter, over the scope. */
  async evaluate(
    filter: CoverageFilter,
    scope: CoverageScope,
    options: EvaluateOptions = {},
  ): Promise<CoverageView> {
    const domains = filter.domain ? [filter.domain] : this.settings.domains;
    const [techniques, tactics, rows] = await Promise.all([
      this.activeTechniques(domains),
      this.tactics(domains),
      queryPlatformCoverage(this.db, {
        scope,
        platform: filter.platform,
        staleBefore: new Date(
          Date.now() - this.settings.maxAgeDays * DAY_MS,
        ).toISOString(),
      }),
    ]);

    const matching = filter.platform
      ? techniques.filter(t => names(t.platforms, filter.platform!))
      : techniques;
    const withTactic = (coverage: TechniqueCoverage[]) =>
      filter.tactic
        ? coverage.filter(item => item.tactics.includes(filter.tactic!))
        : coverage;
    const coverage = withTactic(
      rollUpCoverage(matching, rows, {
        withPlatforms: options.platforms ?? true,
      }),
    );

    return new CoverageView(
      matching,
      coverage,
      filter.tactic
        ? tactics.filter(tactic => tactic.shortname === filter.tactic)
        : tactics,
      () =>
        platformsOf(matching).map(platform => ({
          platform,
          coverage: withTactic(
            rollUpCoverage(
              matching.filter(t => names(t.platforms, platform)),
              rows.filter(row => sameName(row.platform, platform)),
              { withPlatforms: false },
            ),
          ),
        })),
    );
  }

  /** Shorthand: the techniques of {@link CoverageStore.evaluate}. */
  async techniques(
    filter: CoverageFilter,
    scope: CoverageScope,
    options: EvaluateOptions & { mitreIds?: string[] } = {},
  ): Promise<TechniqueCoverage[]> {
    return (await this.evaluate(filter, scope, options)).techniques(
      options.mitreIds,
    );
  }

  /** Shorthand: the counts of {@link CoverageStore.evaluate}. */
  async counts(
    filter: CoverageFilter,
    scope: CoverageScope,
  ): Promise<CoverageCounts> {
    return (await this.evaluate(filter, scope, { platforms: false })).counts();
  }

  /** Shorthand: the counts per tactic of {@link CoverageStore.evaluate}. */
  async byTactic(
    filter: CoverageFilter,
    scope: CoverageScope,
  ): Promise<TacticCoverage[]> {
    return (
      await this.evaluate(filter, scope, { platforms: false })
    ).byTactic();
  }

  /** The tactics of the domains that are not deprecated, in matrix order. */
  async tactics(domains: AttackDomain[]): Promise<CoverageTactic[]> {
    const rows = await this.db('aegis_attack_tactics')
      .whereIn('domain', domains)
      .where('deprecated', false)
      .orderBy(['domain', 'matrix_order'])
      .select('domain', 'attack_id', 'shortname', 'name', 'url', 'matrix_order');
    return rows.map(row => ({
      domain: row.domain,
      attackId: row.attack_id,
      shortname: row.shortname,
      name: row.name,
      ...(row.url && { url: row.url }),
      order: Number(row.matrix_order),
    }));
  }

  /** The techniques of the domains that are neither deprecated nor revoked. */
  async activeTechniques(
    domains: AttackDomain[],
  ): Promise<CoverageTechnique[]> {
    const rows = await this.db('aegis_attack_techniques')
      .whereIn('domain', domains)
      .where({ deprecated: false, revoked: false })
      .orderBy('mitre_id')
      .select(
        'mitre_id',
        'name',
        'domain',
        'url',
        'is_subtechnique',
        'parent_mitre_id',
        'tactics',
        'platforms',
      );
    return rows.map(row => ({
      mitreId: row.mitre_id,
      name: row.name,
      domain: row.domain,
      ...(row.url && { url: row.url }),
      isSubtechnique: Boolean(row.is_subtechnique),
      ...(row.parent_mitre_id && { parentMitreId: row.parent_mitre_id }),
      tactics: JSON.parse(row.tactics),
      platforms: JSON.parse(row.platforms),
    }));
  }
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}

function names(platforms: string[], platform: string): boolean {
  return platforms.some(candidate => sameName(candidate, platform));
}

function platformsOf(techniques: CoverageTechnique[]): string[] {
  return [...new Set(techniques.flatMap(t => t.platforms))].sort((a, b) =>
    a.localeCompare(b),
  );
}
