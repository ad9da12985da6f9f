import type { Tactic, Technique } from '@aegis-security/plugin-aegis-common';
import { matchesStatus, type StatusFilter } from './coverageStatus';

/** A technique of the matrix with its sub-techniques, sorted by ID. */
export interface MatrixTechnique {
  technique: Technique;
  subtechniques: Technique[];
}

/** One column of the matrix: a tactic and its techniques, sorted by name. */
export interface MatrixColumn {
  tactic: Tactic;
  techniques: MatrixTechnique[];
}

/** What the reader narrowed the matrix to. */
export interface MatrixFilter {
  platform?: string;
  status?: StatusFilter;
  search: string;
}

const byId = (a: Technique, b: Technique) =>
  a.mitreId.localeCompare(b.mitreId, 'en-US', { numeric: true });

/**
 * Puts each sub-technique under its parent. A sub-technique whose parent is
 * not in the list is left out: the matrix has no cell to put it in.
 */
export function groupSubtechniques(techniques: Technique[]): MatrixTechnique[] {
  const entries = new Map<string, MatrixTechnique>();
  for (const technique of techniques) {
    if (!technique.isSubtechnique) {
      entries.set(technique.mitreId, { technique, subtechniques: [] });
    }
  }

  for (const technique of techniques) {
    const parent = technique.parentMitreId;
    if (technique.isSubtechnique && parent) {
      entries.get(parent)?.subtechniques.push(technique);
    }
  }

  const grouped = [...entries.values()];
  grouped.forEach(entry => entry.subtechniques.sort(byId));
  return grouped;
}

/** The platforms any of the techniques runs on, sorted by name. */
export function platformsOf(techniques: Technique[]): string[] {
  const platforms = new Set(techniques.flatMap(t => t.platforms));
  return [...platforms].sort((a, b) => a.localeCompare(b, 'en-US'));
}

function matchesSearch(technique: Technique, search: string): boolean {
  return `${technique.mitreId} ${technique.name}`
    .toLocaleLowerCase('en-US')
    .includes(search);
}

/**
 * The techniques on the chosen platform whose ID or name, or that of one of
 * their sub-techniques, contains the search text, and that have the chosen
 * coverage status themselves or through one of their sub-techniques.
 */
export function filterTechniques(
  entries: MatrixTechnique[],
  filter: MatrixFilter,
): MatrixTechnique[] {
  const search = filter.search.trim().toLocaleLowerCase('en-US');
  const onPlatform = (t: Technique) =>
    !filter.platform || t.platforms.includes(filter.platform);
  const { status } = filter;
  const hasStatus = (entry: MatrixTechnique) =>
    !status ||
    matchesStatus(entry.technique, status) ||
    entry.subtechniques.some(sub => matchesStatus(sub, status));

  return entries
    .filter(entry => onPlatform(entry.technique))
    .map(entry => ({
      technique: entry.technique,
      subtechniques: entry.subtechniques.filter(onPlatform),
    }))
    .filter(
      entry =>
        hasStatus(entry) &&
        (!search ||
          matchesSearch(entry.technique, search) ||
          entry.subtechniques.some(sub => matchesSearch(sub, search))),
    );
}

/** The matrix columns: each tactic with the techniques that belong to it. */
export function buildColumns(
  tactics: Tactic[],
  entries: MatrixTechnique[],
): MatrixColumn[] {
  const sorted = [...entries].sort((a, b) =>
    a.technique.name.localeCompare(b.technique.name, 'en-US'),
  );
  return tactics.map(tactic => ({
    tactic,
    techniques: sorted.filter(entry =>
      entry.technique.tactics.includes(tactic.shortname),
    ),
  }));
}
