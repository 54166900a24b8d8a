/**
 * The editable grid's state and its changes, as pure functions. A document is
 * immutable: an operation returns a new document plus the operation that
 * undoes it. Rows are shared between versions (list-rows.ts: an edit copies
 * an index of row positions and the touched rows only), so an edit on a
 * 1,000,000-row list costs milliseconds and no deep copy.
 */
import type { ListEdit } from './list-types';
import { statusCode, type ListChecks } from './check-rows';
import { columnOutOfRangeError, lastColumnError, rowOutOfRangeError } from './list-errors';
import { ColumnarBuilder } from './columnar-table';
import { tableRows, withInsertedRows, withoutRows, withRow, type ListRows } from './list-rows';

export interface ListDocument {
  columns: readonly string[];
  /** The records (list-rows.ts); a row may be shorter than `columns` (missing values read as ''). */
  rows: ListRows;
  /** Index of the mobile column, or null while the user has not chosen one. */
  mobileColumn: number | null;
}

export interface RowEntry {
  /** Position of the row in the document after the insertion. */
  at: number;
  values: readonly string[];
}

/** Internal operations: every ListEdit maps to one, and every one has an exact inverse. */
export type DocumentOp =
  | { type: 'set-cell'; row: number; column: number; value: string }
  | { type: 'insert-rows'; rows: readonly RowEntry[] }
  | { type: 'delete-rows'; rows: readonly number[] }
  | { type: 'insert-column'; at: number; name: string; values?: readonly string[]; mobile?: boolean }
  | { type: 'delete-column'; column: number }
  | { type: 'rename-column'; column: number; name: string }
  | { type: 'set-mobile-column'; column: number | null };

export interface OpResult {
  document: ListDocument;
  inverse: DocumentOp;
}

/**
 * Turns a user edit into an operation on this document, checking its indices.
 * remove-invalid and remove-duplicates become a delete-rows of the rows the
 * current checks mark. Returns null when the edit changes nothing.
 */
export function editToOp(document: ListDocument, checks: ListChecks, edit: ListEdit): DocumentOp | null {
  const rowCount = document.rows.length;
  const columnCount = document.columns.length;
  const checkRow = (row: number) => {
    if (row >= rowCount) throw rowOutOfRangeError(row, rowCount);
  };
  const checkColumn = (column: number, limit = columnCount) => {
    if (column >= limit) throw columnOutOfRangeError(column, columnCount);
  };
  switch (edit.type) {
    case 'set-cell':
      checkRow(edit.row);
      checkColumn(edit.column);
      return document.rows.value(edit.row, edit.column) === edit.value ? null : { ...edit };
    case 'insert-row':
      if (edit.at > rowCount) throw rowOutOfRangeError(edit.at, rowCount);
      return { type: 'insert-rows', rows: [{ at: edit.at, values: (edit.values ?? []).slice(0, columnCount) }] };
    case 'delete-rows': {
      const rows = [...new Set(edit.rows)].sort((a, b) => a - b);
      rows.forEach(checkRow);
      return { type: 'delete-rows', rows };
    }
    case 'insert-column':
      checkColumn(edit.at, columnCount + 1);
      return { type: 'insert-column', at: edit.at, name: edit.name };
    case 'delete-column':
      checkColumn(edit.column);
      if (columnCount === 1) throw lastColumnError();
      return { type: 'delete-column', column: edit.column };
    case 'rename-column':
      checkColumn(edit.column);
      return document.columns[edit.column] === edit.name ? null : { ...edit };
    case 'remove-invalid':
      return rowsWithStatus(checks, statusCode.invalid, rowCount);
    case 'remove-duplicates':
      return rowsWithStatus(checks, statusCode.duplicate, rowCount);
  }
}

function rowsWithStatus(checks: ListChecks, code: number, rowCount: number): DocumentOp | null {
  const rows: number[] = [];
  for (let i = 0; i < rowCount; i++) if (checks.status[i] === code) rows.push(i);
  return rows.length === 0 ? null : { type: 'delete-rows', rows };
}

export function applyOp(document: ListDocument, op: DocumentOp): OpResult {
  switch (op.type) {
    case 'set-cell':
      return setCell(document, op.row, op.column, op.value);
    case 'insert-rows':
      return insertRows(document, op.rows);
    case 'delete-rows':
      return deleteRows(document, op.rows);
    case 'insert-column':
      return insertColumn(document, op.at, op.name, op.values, op.mobile ?? false);
    case 'delete-column':
      return deleteColumn(document, op.column);
    case 'rename-column': {
      const columns = document.columns.slice();
      const previous = columns[op.column];
      columns[op.column] = op.name;
      return { document: { ...document, columns }, inverse: { type: 'rename-column', column: op.column, name: previous } };
    }
    case 'set-mobile-column':
      return {
        document: { ...document, mobileColumn: op.column },
        inverse: { type: 'set-mobile-column', column: document.mobileColumn },
      };
  }
}

function setCell(document: ListDocument, rowIndex: number, column: number, value: string): OpResult {
  const row = document.rows.row(rowIndex).slice();
  const previous = row[column] ?? '';
  while (row.length < column) row.push('');
  row[column] = value;
  return { document: { ...document, rows: withRow(document.rows, rowIndex, row) }, inverse: { type: 'set-cell', row: rowIndex, column, value: previous } };
}

/** Entries must be in ascending `at` order (final positions). */
function insertRows(document: ListDocument, entries: readonly RowEntry[]): OpResult {
  return { document: { ...document, rows: withInsertedRows(document.rows, entries) }, inverse: { type: 'delete-rows', rows: entries.map((entry) => entry.at) } };
}

/** Indices must be ascending and unique. */
function deleteRows(document: ListDocument, indices: readonly number[]): OpResult {
  const removed: RowEntry[] = indices.map((at) => ({ at, values: document.rows.row(at) }));
  return { document: { ...document, rows: withoutRows(document.rows, indices) }, inverse: { type: 'insert-rows', rows: removed } };
}

/**
 * Every row rewritten by `reshape`, into a new columnar table a block at a
 * time (column operations touch every row; the result holds no row arrays).
 */
function reshapeRows(rows: ListRows, reshape: (row: readonly string[], index: number) => readonly string[]): ListRows {
  const builder = new ColumnarBuilder();
  const blockRows = 20_000;
  for (let start = 0; start < rows.length; start += blockRows) {
    const end = Math.min(rows.length, start + blockRows);
    const block: (readonly string[])[] = new Array<readonly string[]>(end - start);
    for (let r = start; r < end; r++) block[r - start] = reshape(rows.row(r), r);
    builder.add(block);
  }
  return tableRows(builder.finish());
}

function insertColumn(
  document: ListDocument,
  at: number,
  name: string,
  values: readonly string[] | undefined,
  becomesMobile: boolean,
): OpResult {
  const columns = document.columns.slice();
  columns.splice(at, 0, name);
  const rows = reshapeRows(document.rows, (row, i) => {
    const copy = row.slice();
    while (copy.length < at) copy.push('');
    copy.splice(at, 0, values?.[i] ?? '');
    return copy;
  });
  let mobileColumn = document.mobileColumn;
  if (mobileColumn !== null && mobileColumn >= at) mobileColumn++;
  if (becomesMobile) mobileColumn = at;
  return { document: { columns, rows, mobileColumn }, inverse: { type: 'delete-column', column: at } };
}

function deleteColumn(document: ListDocument, column: number): OpResult {
  const columns = document.columns.slice();
  const [name] = columns.splice(column, 1);
  const values: string[] = new Array(document.rows.length);
  const rows = reshapeRows(document.rows, (row, i) => {
    values[i] = row[column] ?? '';
    if (column >= row.length) return row;
    const copy = row.slice();
    copy.splice(column, 1);
    return copy;
  });
  const wasMobile = document.mobileColumn === column;
  let mobileColumn = document.mobileColumn;
  if (wasMobile) mobileColumn = null;
  else if (mobileColumn !== null && mobileColumn > column) mobileColumn--;
  return {
    document: { columns, rows, mobileColumn },
    inverse: { type: 'insert-column', at: column, name, values, mobile: wasMobile },
  };
}
