import { acceptedMobileColumnNames } from './list-errors';

/** Header as the providers compare it: no accents, no surrounding spaces, upper case. */
export function normalizeHeaderName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toUpperCase();
}

const accepted = new Set<string>(acceptedMobileColumnNames);

export function isMobileColumnName(name: string): boolean {
  return accepted.has(normalizeHeaderName(name));
}

export interface MobileColumnChoice {
  /** Index of the mobile column, or null when none or several headers match. */
  index: number | null;
  /** Every header matching an accepted name, in column order. */
  candidates: string[];
}

export function findMobileColumn(columns: readonly string[]): MobileColumnChoice {
  const matches: number[] = [];
  columns.forEach((name, index) => {
    if (isMobileColumnName(name)) matches.push(index);
  });
  return { index: matches.length === 1 ? matches[0] : null, candidates: matches.map((i) => columns[i]) };
}

/**
 * The column the user named (UI pick or `--mobile-column`): exact name first,
 * then the same comparison the providers use (case, accents, spaces).
 */
export function resolveColumnByName(columns: readonly string[], name: string): number | null {
  const exact = columns.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = normalizeHeaderName(name);
  const loose = columns.findIndex((column) => normalizeHeaderName(column) === wanted);
  return loose >= 0 ? loose : null;
}
