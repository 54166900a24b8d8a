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
import { decodeColumnText, encodeColumnText } from './list-cache';

export type ListCheckWorkerInput =
  | { kind: 'bytes'; fileName: string; bytes: Uint8Array }
  /** The check alone (`list check`'s figures, no row kept): one half of an import run on two threads. */
  | { kind: 'figures'; fileName: string; bytes: Uint8Array }
  /** The rows alone, as the check keeps them: the other half. */
  | { kind: 'rows'; bytes: Uint8Array }
  | { kind: 'saved'; dataDir: string; listId: string };

export interface CheckedTable {
  columns: string[];
  mobileColumn: number | null;
  /**
   * The rows column by column, each column's text as bytes (list-cache.ts's
   * encoding): buffers move between threads without a copy, where a 60 MB
   * string would be copied by main in one native step of hundreds of
   * milliseconds. Main decodes them a slice at a time.
   */
  rows: ColumnarBytes;
  checks: ListChecks;
  columnStats: readonly ColumnStats[];
  summary: ListSummary;
}

export interface ColumnarBytes {
  rowCount: number;
  widths: Uint32Array;
  columns: { ends: Uint32Array; encoding: 'latin1' | 'utf16le'; bytes: Uint8Array }[];
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/** In the worker: the table with its texts as bytes. */
export async function columnarToBytes(table: ColumnarTable): Promise<ColumnarBytes> {
  const columns: ColumnarBytes['columns'] = [];
  for (const column of table.columns) {
    const { encoding, bytes } = await encodeColumnText(column.text, async () => {});
    columns.push({ ends: column.ends, encoding, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  }
  return { rowCount: table.rowCount, widths: table.widths, columns };
}

/** In main: the table back, decoded a slice at a time with turns of the event loop between slices. */
export async function columnarFromBytes(table: ColumnarBytes): Promise<ColumnarTable> {
  const columns: ColumnarTable['columns'] = [];
  for (const column of table.columns) columns.push({ ends: column.ends, text: await decodeColumnText(column.bytes, column.encoding, yieldNow) });
  return { rowCount: table.rowCount, widths: table.widths, columns };
}

export type ListCheckWorkerResult =
  | {
      kind: 'bytes';
      encoding: TextEncoding;
      delimiter: Delimiter;
      mobileColumnCandidates: string[];
      table: CheckedTable;
    }
  | {
      kind: 'figures';
      encoding: TextEncoding;
      delimiter: Delimiter;
      mobileColumnCandidates: string[];
      table: Omit<CheckedTable, 'rows'>;
    }
  | { kind: 'rows'; rows: ColumnarBytes }
  | { kind: 'saved'; meta: StoredListMeta; table: CheckedTable }
  /** The saved list has no meta.json (deleted meanwhile). */
  | { kind: 'saved'; meta: null };

/** The result's buffers, moved to main instead of copied. */
export function listCheckResultBuffers(result: ListCheckWorkerResult): ArrayBuffer[] {
  if (result.kind === 'saved' && result.meta === null) return [];
  if (result.kind === 'rows') return rowsBuffers(result.rows);
  const { checks } = result.table;
  const checkBuffers = [checks.status, checks.reason, checks.normalized, checks.country].map((array) => array.buffer as ArrayBuffer);
  return result.kind === 'figures' ? checkBuffers : [...rowsBuffers(result.table.rows), ...checkBuffers];
}

function rowsBuffers(rows: ColumnarBytes): ArrayBuffer[] {
  return [rows.widths.buffer as ArrayBuffer, ...rows.columns.flatMap((column) => [column.ends.buffer as ArrayBuffer, column.bytes.buffer as ArrayBuffer])];
}
