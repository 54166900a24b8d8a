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
import type { MessagePort } from 'node:worker_threads';
import { decodeColumnPieces, decodeColumnText, encodeColumnText } from './list-cache';

export type ListCheckWorkerInput =
  | { kind: 'bytes'; fileName: string; bytes: Uint8Array }
  /**
   * An import read on two threads, the first part: checks the file up to the
   * cut (which the later part finds from `near` and stores in `cut`), then
   * takes the later part's checks from `laterPart` and answers the whole
   * file's figures with its own rows.
   */
  | { kind: 'first-part'; fileName: string; bytes: Uint8Array; near: number; cut: Int32Array; laterPart: MessagePort }
  /** The later part: finds the cut, stores it in `cut`, checks its rows, posts the checks to `firstPart` and answers its rows. */
  | { kind: 'later-part'; fileName: string; bytes: Uint8Array; near: number; cut: Int32Array; firstPart: MessagePort }
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

/** One part of a table's rows with its column texts decoded, as slices (`joinColumnarParts` joins them). */
export interface DecodedColumnarPart {
  rowCount: number;
  widths: Uint32Array;
  columns: { ends: Uint32Array; pieces: string[]; length: number }[];
}

/** In main: a part's column texts decoded a slice at a time, with turns of the event loop between slices. */
export async function decodeColumnarPart(part: ColumnarBytes): Promise<DecodedColumnarPart> {
  const columns: DecodedColumnarPart['columns'] = [];
  for (const column of part.columns) {
    const pieces = await decodeColumnPieces(column.bytes, column.encoding, yieldNow);
    columns.push({ ends: column.ends, pieces, length: pieces.reduce((sum, piece) => sum + piece.length, 0) });
  }
  return { rowCount: part.rowCount, widths: part.widths, columns };
}

/**
 * Rows read in consecutive parts (the first rows, then the rest) as one
 * table, each column's text joined once, with a turn of the event loop
 * between columns (joining every column of 1,000,000 rows at once held the
 * main thread for about 200 ms). A part narrower than the table has empty
 * values in the columns it lacks.
 */
export async function joinColumnarParts(parts: readonly DecodedColumnarPart[]): Promise<ColumnarTable> {
  const rowCount = parts.reduce((sum, part) => sum + part.rowCount, 0);
  const width = Math.max(0, ...parts.map((part) => part.columns.length));
  const widths = new Uint32Array(rowCount);
  let row = 0;
  for (const part of parts) {
    widths.set(part.widths.subarray(0, part.rowCount), row);
    row += part.rowCount;
  }
  const columns: ColumnarTable['columns'] = [];
  for (let c = 0; c < width; c++) {
    const ends = new Uint32Array(rowCount);
    const pieces: string[] = [];
    let first = 0;
    let offset = 0;
    for (const part of parts) {
      const column = part.columns[c];
      if (column) {
        shiftedInto(ends, column.ends.subarray(0, part.rowCount), first, offset);
        pieces.push(...column.pieces);
        offset += column.length;
      } else {
        ends.fill(offset, first, first + part.rowCount);
      }
      first += part.rowCount;
    }
    columns.push({ ends, text: pieces.length === 1 ? pieces[0] : pieces.join('') });
    await yieldNow();
  }
  return { rowCount, widths, columns };
}

/** Where the later part starts, in `cut[0]`: 0 while it is being found, then a byte offset, or -1 when the file has no cut. */
export const cutUnknown = 0;
export const noCut = -1;

/** `target[at + i] = offset + source[i]`: a small function of its own, which V8 optimises (inline in the async join it ran 2–3× slower). */
function shiftedInto(target: Uint32Array, source: Uint32Array, at: number, offset: number): void {
  if (offset === 0) {
    target.set(source, at);
    return;
  }
  for (let i = 0; i < source.length; i++) target[at + i] = offset + source[i];
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
      kind: 'first-part';
      encoding: TextEncoding;
      delimiter: Delimiter;
      mobileColumnCandidates: string[];
      /** The whole file's checks and figures; `rows`: the first part's only. */
      table: CheckedTable;
    }
  | { kind: 'later-part'; rows: ColumnarBytes }
  | { kind: 'saved'; meta: StoredListMeta; table: CheckedTable }
  /** The saved list has no meta.json (deleted meanwhile). */
  | { kind: 'saved'; meta: null };

/** The result's buffers, moved to main instead of copied. */
export function listCheckResultBuffers(result: ListCheckWorkerResult): ArrayBuffer[] {
  if (result.kind === 'saved' && result.meta === null) return [];
  if (result.kind === 'later-part') return rowsBuffers(result.rows);
  const { checks } = result.table;
  const checkBuffers = [checks.status, checks.reason, checks.normalized, checks.country].map((array) => array.buffer as ArrayBuffer);
  return [...rowsBuffers(result.table.rows), ...checkBuffers];
}

function rowsBuffers(rows: ColumnarBytes): ArrayBuffer[] {
  return [rows.widths.buffer as ArrayBuffer, ...rows.columns.flatMap((column) => [column.ends.buffer as ArrayBuffer, column.bytes.buffer as ArrayBuffer])];
}
