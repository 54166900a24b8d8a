/**
 * What main hands the list-check worker and what it answers: the whole check
 * of an imported file (`checkListBytes`) or of a saved list being reopened
 * (read, parse, `createListState`), which takes seconds on a 1,000,000-row
 * list and must not freeze the main process. Rows come back columnar
 * (columnar-table.ts), the verdicts as transferred typed arrays.
 */
import type { Delimiter, ListSummary, TextEncoding } from '@shared/lists/list-types';
import type { ListChecks } from '@shared/lists/check-rows';
import type { ColumnStats } from '@shared/lists/summarize';
import type { StoredListMeta } from './list-store';
import type { ColumnarTable } from '@shared/lists/columnar-table';
import { columnarBuffers } from './packed-rows';

export type ListCheckWorkerInput =
  | { kind: 'bytes'; fileName: string; bytes: Uint8Array }
  | { kind: 'saved'; dataDir: string; listId: string };

export interface CheckedTable {
  columns: string[];
  mobileColumn: number | null;
  /** The rows column by column: a few strings and typed arrays cross threads in milliseconds. */
  rows: ColumnarTable;
  checks: ListChecks;
  columnStats: readonly ColumnStats[];
  summary: ListSummary;
}

export type ListCheckWorkerResult =
  | {
      kind: 'bytes';
      encoding: TextEncoding;
      delimiter: Delimiter;
      mobileColumnCandidates: string[];
      table: CheckedTable;
    }
  | { kind: 'saved'; meta: StoredListMeta; table: CheckedTable }
  /** The saved list has no meta.json (deleted meanwhile). */
  | { kind: 'saved'; meta: null };

/** The result's buffers, moved to main instead of copied. */
export function listCheckResultBuffers(result: ListCheckWorkerResult): ArrayBuffer[] {
  if (result.kind === 'saved' && result.meta === null) return [];
  const { rows, checks } = result.table;
  return [
    ...columnarBuffers(rows),
    ...[checks.status, checks.reason, checks.normalized, checks.country].map((array) => array.buffer as ArrayBuffer),
  ];
}
