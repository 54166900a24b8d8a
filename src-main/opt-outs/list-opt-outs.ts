/**
 * Opt-outs applied to a checked list (pure): which sendable rows are numbers
 * that replied STOP or are blacklisted, and the list as a drop must see it,
 * with those rows left out. Only rows the list engine calls valid (first
 * occurrence of a good mobile) are looked at: invalid rows and duplicates are
 * already left out and counted as such.
 */
import { statusCode, type ListChecks } from '@shared/lists/check-rows';
import type { ListSummary } from '@shared/lists/list-types';
import { createOptOutService } from './opt-out-service';

/**
 * Status given to an opted-out row in the drop's copy of the checks. Any
 * status other than valid is never sent (toSendableTable, computeListFigures
 * and the summaries only take statusCode.valid), and this one is none of the
 * list engine's codes, so invalid and duplicate counts stay as they are.
 */
export const OPTED_OUT_STATUS = 4;

export interface OptedOutRows {
  count: number;
  /** First list lines (1-based, after the header), at most `lineSample`. */
  lines: number[];
}

export function findOptedOutRows(checks: Pick<ListChecks, 'status' | 'normalized'>, optOuts: ReadonlySet<string>, lineSample = 50): OptedOutRows {
  const lines: number[] = [];
  let count = 0;
  if (optOuts.size === 0) return { count, lines };
  const { status, normalized } = checks;
  for (let i = 0; i < status.length; i++) {
    if (status[i] !== statusCode.valid || !optOuts.has(String(normalized[i]))) continue;
    count++;
    if (lines.length < lineSample) lines.push(i + 1);
  }
  return { count, lines };
}

/** The list without its opted-out rows, for a drop (the saved list is not changed). */
export function excludeOptedOutRows<T extends { checks: ListChecks; summary: ListSummary }>(list: T, optOuts: ReadonlySet<string>): { list: T; optedOut: number } {
  const { count } = findOptedOutRows(list.checks, optOuts, 0);
  if (count === 0) return { list, optedOut: 0 };
  const status = list.checks.status.slice();
  for (let i = 0; i < status.length; i++) {
    if (status[i] === statusCode.valid && optOuts.has(String(list.checks.normalized[i]))) status[i] = OPTED_OUT_STATUS;
  }
  return {
    list: { ...list, checks: { ...list.checks, status }, summary: { ...list.summary, sendable: list.summary.sendable - count } },
    optedOut: count,
  };
}

/** What a drop uses: the saved opt-out list of the workspace applied to the list about to be dropped. */
export async function excludeOptedOutForDrop<T extends { checks: ListChecks; summary: ListSummary }>(list: T, dataDir: string): Promise<{ list: T; optedOut: number }> {
  const optOuts = await createOptOutService({ dataDir }).numberSet();
  return excludeOptedOutRows(list, optOuts);
}
