import type {
  ListTechniquesQuery,
  SyncRun,
  Tactic,
  Technique,
  TechniqueDetail,
  TechniquePage,
} from '@aegis-security/plugin-aegis-common';
import { responseError } from './responseError';
import { sampleGapCoverage, sampleTechniqueCoverage } from './sampleCoverage';

function tactic(attackId: string, name: string, shortname: string): Tactic {
  return {
    attackId,
    domain: 'enterprise-attack',
    name,
    shortname,
    deprecated: false,
  };
}

function technique(
  mitreId: string,
  name: string,
  fields: Partial<Technique> = {},
): Technique {
  return {
    mitreId,
    domain: 'enterprise-attack',
    name,
    url: `https://attack.mitre.org/techniques/${mitreId.replace('.', '/')}`,
    isSubtechnique: mitreId.includes('.'),
    parentMitreId: mitreId.includes('.') ? mitreId.split('.')[0] : undefined,
    platforms: ['Windows'],
    tactics: [],
    dataSources: [],
    detectionStrategies: [],
    deprecated: false,
    revoked: false,
    custom: false,
    reviewRequired: false,
    ...fields,
  };
}

/** Three enterprise tactics in matrix order. */
export const sampleTactics: Tactic[] = [
  tactic('TA0001', 'Initial Access', 'initial-access'),
  tactic('TA0002', 'Execution', 'execution'),
  tactic('TA0003', 'Persistence', 'persistence'),
];

const covered = (
  status: NonNullable<Technique['coverage']>['status'],
  fields: Partial<NonNullable<Technique['coverage']>> = {},
): Pick<Technique, 'coverage'> => ({
  coverage: { status, confirmedGap: false, stale: false, ...fields },
});

/**
 * Techniques of the sample tactics: one with two sub-techniques, one under two
 * tactics, one only on Linux and one revoked in favour of a sub-technique.
 * Their coverage: Phishing partial through one sub-technique and a confirmed
 * gap in the other, the interpreter validated but stale, the scheduled task
 * in progress, the system process untested.
 */
export const sampleTechniques: Technique[] = [
  technique('T1566', 'Phishing', {
    description: 'Adversaries may send **phishing messages** to gain access.',
    platforms: ['Windows', 'macOS', 'Linux'],
    tactics: ['initial-access'],
    detectionStrategies: [{ attackId: 'DET0001', name: 'Phishing Analysis' }],
    ...covered('partial'),
  }),
  technique('T1566.001', 'Spearphishing Attachment', {
    platforms: ['Windows', 'macOS', 'Linux'],
    tactics: ['initial-access'],
    ...covered('partial', { lastValidatedAt: '2026-03-04T09:00:00Z' }),
  }),
  technique('T1566.002', 'Spearphishing Link', {
    platforms: ['Windows', 'macOS', 'Linux'],
    tactics: ['initial-access'],
    ...covered('not_covered', {
      confirmedGap: true,
      lastValidatedAt: '2026-03-02T09:00:00Z',
    }),
  }),
  technique('T1059', 'Command and Scripting Interpreter', {
    platforms: ['Windows', 'Linux'],
    tactics: ['execution'],
    ...covered('validated', {
      stale: true,
      lastValidatedAt: '2025-01-10T09:00:00Z',
    }),
  }),
  technique('T1053', 'Scheduled Task/Job', {
    platforms: ['Windows', 'Linux'],
    tactics: ['execution', 'persistence'],
    ...covered('in_progress'),
  }),
  technique('T1543', 'Create or Modify System Process', {
    platforms: ['Linux'],
    tactics: ['persistence'],
    ...covered('not_covered'),
  }),
  technique('T1086', 'PowerShell', {
    description: 'Replaced by a sub-technique of T1059.',
    tactics: ['execution'],
    revoked: true,
    revokedBy: 'T1059',
    reviewRequired: true,
    reviewNote: 'Tests linked to it need moving to the replacement.',
  }),
];

/** A finished sync of the enterprise domain. */
export const sampleSyncRun: SyncRun = {
  id: 1,
  domain: 'enterprise-attack',
  trigger: 'manual',
  startedAt: '2026-01-05T10:00:00Z',
  finishedAt: '2026-01-05T10:00:30Z',
  outcome: 'succeeded',
  skippedSources: [],
  release: '17.1',
  added: 7,
  changed: 0,
  deprecated: 0,
  revoked: 1,
  unchanged: 0,
};

function matches(t: Technique, query: ListTechniquesQuery): boolean {
  const search = query.search?.toLocaleLowerCase('en-US');
  return (
    (!query.domain || t.domain === query.domain) &&
    (!query.tactic || t.tactics.includes(query.tactic)) &&
    (!query.platform || t.platforms.includes(query.platform)) &&
    (query.include_subtechniques || !t.isSubtechnique) &&
    (query.deprecated || !(t.deprecated || t.revoked)) &&
    (!search ||
      `${t.mitreId} ${t.name}`.toLocaleLowerCase('en-US').includes(search))
  );
}

/** One page of the techniques that match a query, as the backend answers. */
export function techniquePage(
  techniques: Technique[],
  query: ListTechniquesQuery,
): TechniquePage {
  const { limit = 50, offset = 0 } = query;
  const found = techniques.filter(t => matches(t, query));
  return {
    items: found.slice(offset, offset + limit),
    total: found.length,
    limit,
    offset,
  };
}

/** A technique with its sub-techniques, or the backend's 404. */
export async function techniqueDetail(
  techniques: Technique[],
  mitreId: string,
): Promise<TechniqueDetail> {
  const found = techniques.find(t => t.mitreId === mitreId);
  if (!found) {
    throw await responseError(404, 'Not Found', `no technique ${mitreId}`);
  }
  const coverageDetail = [sampleTechniqueCoverage, sampleGapCoverage].find(
    c => c.mitreId === mitreId,
  );
  return {
    ...found,
    coverageDetail,
    subtechniques: techniques
      .filter(t => t.parentMitreId === mitreId)
      .map(({ mitreId: id, name, deprecated, revoked }) => ({
        mitreId: id,
        name,
        deprecated,
        revoked,
      })),
    lastChange: {
      runId: sampleSyncRun.id,
      change: found.revoked ? 'revoked' : 'added',
      release: sampleSyncRun.release,
      at: sampleSyncRun.startedAt,
    },
  };
}
