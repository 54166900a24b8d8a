/**
 * The grid's view over a list: filter (all / invalid / duplicates), a
 * case-insensitive search over every cell, and one page of rows with their
 * verdict. The matching indices are computed once per (document, filter,
 * search) and reused for every page by the caller.
 */
import type { GridRow, RowFilter, RowPage } from './list-types';
import { countryAt, invalidReasonAt, normalizedAt, rowStatusAt, statusCode, type ListChecks } from './check-rows';
import type { ListDocument } from './list-document';
import type { ListRows } from './list-rows';

/** Indices of the rows to show, or null for "every row" (no copy needed). */
export function matchingRowIndices(
  document: ListDocument,
  checks: ListChecks,
  filter: RowFilter,
  search?: string,
  /** Rows shown whatever the filter and search (a row just fixed stays in view until the user refreshes). */
  keep?: readonly number[],
): Int32Array | null {
  const term = search?.trim() ?? '';
  if (filter === 'all' && term === '') return null;
  const kept = keep && keep.length > 0 ? new Set(keep) : null;
  const wanted = filter === 'invalid' ? statusCode.invalid : filter === 'duplicates' ? statusCode.duplicate : -1;
  const pattern = term === '' ? null : new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const { rows } = document;
  const width = document.columns.length;
  const matches = new Int32Array(rows.length);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const keptHere = kept !== null && kept.has(i);
    if (!keptHere && wanted >= 0 && checks.status[i] !== wanted) continue;
    if (!keptHere && pattern && !rowContains(rows, i, width, pattern)) continue;
    matches[count++] = i;
  }
  return matches.slice(0, count);
}

function rowContains(rows: ListRows, row: number, width: number, pattern: RegExp): boolean {
  for (let c = 0; c < width; c++) if (pattern.test(rows.value(row, c))) return true;
  return false;
}

export function pageRows(
  document: ListDocument,
  checks: ListChecks,
  indices: Int32Array | null,
  offset: number,
  limit: number,
): RowPage {
  const total = indices ? indices.length : document.rows.length;
  const end = Math.min(total, offset + limit);
  const rows: GridRow[] = [];
  for (let position = offset; position < end; position++) {
    const index = indices ? indices[position] : position;
    rows.push(gridRow(document, checks, index));
  }
  return { total, offset, rows };
}

export function gridRow(document: ListDocument, checks: ListChecks, index: number): GridRow {
  const width = document.columns.length;
  const values = new Array<string>(width);
  for (let c = 0; c < width; c++) values[c] = document.rows.value(index, c);
  const status = rowStatusAt(checks, index);
  const row: GridRow = { index, values, status };
  if (status !== 'invalid') {
    row.normalized = normalizedAt(checks, index);
    row.country = countryAt(checks, index);
  } else {
    const reason = invalidReasonAt(checks, index);
    if (reason) row.reason = reason;
  }
  return row;
}
