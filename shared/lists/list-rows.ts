/**
 * The rows of a list as the editor holds them, behind one small interface so
 * a 1,000,000-row list never becomes a million arrays of small strings in the
 * main process (the garbage collector then pauses it for hundreds of
 * milliseconds at a time, and the heap is twice the size of the file):
 * - `tableRows`: the rows as parsed, column by column (columnar-table.ts);
 * - `arrayRows`: rows already held as arrays (small lists, tests);
 * - `patchedRows`: what edits make of either: the same base plus an index of
 *   which base row (or which edited/inserted row) each row now is. An edit
 *   copies that index (4 MB for a million rows), never the values.
 * A row reads back exactly the values it was written with (a row shorter than
 * the header stays shorter); a missing value reads as ''.
 */
import { columnarRow, columnarValue, type ColumnarTable } from './columnar-table';

export interface ListRows {
  readonly length: number;
  /** The value at (row, column), '' when the row has no such value. */
  value(row: number, column: number): string;
  /** The row's values as written (a fresh or shared array: never mutate it). */
  row(row: number): readonly string[];
}

export function arrayRows(rows: readonly (readonly string[])[]): ListRows {
  return {
    length: rows.length,
    value: (row, column) => rows[row][column] ?? '',
    row: (row) => rows[row],
  };
}

export function tableRows(table: ColumnarTable): ListRows & { readonly table: ColumnarTable } {
  return {
    table,
    length: table.rowCount,
    value: (row, column) => columnarValue(table, row, column),
    row: (row) => columnarRow(table, row),
  };
}

/** The table behind `rows` when they are exactly a parsed table (no edit since), else undefined. */
export function tableOf(rows: ListRows): ColumnarTable | undefined {
  return (rows as { table?: ColumnarTable }).table;
}

interface Patched extends ListRows {
  readonly base: ListRows;
  /** Row i is base row `index[i]` when ≥ 0, else `extra[-index[i] - 1]`. */
  readonly index: Int32Array;
  /** Edited and inserted rows; shared (append-only) between the versions of one document. */
  readonly extra: (readonly string[])[];
}

function patched(base: ListRows, index: Int32Array, extra: (readonly string[])[]): Patched {
  return {
    base,
    index,
    extra,
    length: index.length,
    value: (row, column) => {
      const at = index[row];
      return at >= 0 ? base.value(at, column) : (extra[-at - 1][column] ?? '');
    },
    row: (row) => {
      const at = index[row];
      return at >= 0 ? base.row(at) : extra[-at - 1];
    },
  };
}

function asPatched(rows: ListRows): Patched {
  const known = rows as Partial<Patched>;
  if (known.index && known.base && known.extra) return rows as Patched;
  const index = new Int32Array(rows.length);
  for (let i = 0; i < index.length; i++) index[i] = i;
  return patched(rows, index, []);
}

/** The rows with row `at` replaced by `values`. */
export function withRow(rows: ListRows, at: number, values: readonly string[]): ListRows {
  const source = asPatched(rows);
  const index = source.index.slice();
  index[at] = -(source.extra.push(values) - 1) - 1;
  return patched(source.base, index, source.extra);
}

/** The rows with `entries` inserted (ascending `at`, final positions). */
export function withInsertedRows(rows: ListRows, entries: readonly { at: number; values: readonly string[] }[]): ListRows {
  const source = asPatched(rows);
  const index = new Int32Array(source.length + entries.length);
  let from = 0;
  let next = 0;
  for (let to = 0; to < index.length; to++) {
    if (next < entries.length && entries[next].at === to) index[to] = -(source.extra.push(entries[next++].values) - 1) - 1;
    else index[to] = source.index[from++];
  }
  return patched(source.base, index, source.extra);
}

/** The rows without `indices` (ascending, unique). */
export function withoutRows(rows: ListRows, indices: readonly number[]): ListRows {
  const source = asPatched(rows);
  const index = new Int32Array(source.length - indices.length);
  let next = 0;
  let to = 0;
  for (let from = 0; from < source.length; from++) {
    if (next < indices.length && indices[next] === from) next++;
    else index[to++] = source.index[from];
  }
  return patched(source.base, index, source.extra);
}

/** Every row as an array (tests, small lists). */
export function rowArrays(rows: ListRows): (readonly string[])[] {
  const arrays: (readonly string[])[] = new Array<readonly string[]>(rows.length);
  for (let r = 0; r < rows.length; r++) arrays[r] = rows.row(r);
  return arrays;
}

/** What the pure list functions take: the editor's rows, or plain arrays (the CLI's small inputs, tests). */
export type RowsLike = ListRows | readonly (readonly string[])[];

export function asListRows(rows: RowsLike): ListRows {
  return Array.isArray(rows) ? arrayRows(rows as readonly (readonly string[])[]) : (rows as ListRows);
}
