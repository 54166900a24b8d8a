/**
 * The whole check of an imported file, used by the list service and by
 * `list check`: decode, detect delimiter and header, parse, find the mobile
 * column, validate every number, mark duplicates, summarise.
 */
import type { Delimiter, ListSummary, TextEncoding } from './list-types';
import { decodeListBytes } from './detect-encoding';
import { detectDelimiter } from './detect-delimiter';
import { parseCsvRecords } from './parse-csv';
import { firstRecordIsHeader, generatedColumnName } from './detect-header';
import { findMobileColumn, resolveColumnByName } from './mobile-column';
import { checkRows, type ListChecks } from './check-rows';
import { summarize, type ColumnStats } from './summarize';
import { createListState } from './list-state';
import type { ListDocument } from './list-document';
import { emptyListError, unknownColumnError } from './list-errors';

export interface CheckListOptions {
  fileName: string;
  /** Column chosen by the user (UI or `--mobile-column`); overrides the detection. */
  mobileColumn?: string;
}

export interface ListCheckResult {
  fileName: string;
  encoding: TextEncoding;
  delimiter: Delimiter;
  columns: string[];
  /** Whether the first record was read as a header (otherwise columns are Colonne 1…). */
  hasHeader: boolean;
  mobileColumn: string | null;
  mobileColumnCandidates: string[];
  table: ListDocument;
  checks: ListChecks;
  /** Per-column figures behind the summary, so an editor can update them column by column. */
  columnStats: readonly ColumnStats[];
  summary: ListSummary;
}

export function checkListBytes(bytes: Uint8Array, options: CheckListOptions): ListCheckResult {
  const { encoding, text } = decodeListBytes(bytes);
  const delimiter = detectDelimiter(text);
  const records = parseCsvRecords(text, delimiter);
  if (records.length === 0) throw emptyListError();

  const hasHeader = firstRecordIsHeader(records[0]);
  const header = hasHeader ? records[0] : [];
  const rows = hasHeader ? records.slice(1) : records;
  if (rows.length === 0) throw emptyListError();
  const columns = completeColumns(header, rows);

  const detected = findMobileColumn(hasHeader ? columns : []);
  let mobileIndex = detected.index;
  if (options.mobileColumn !== undefined) {
    mobileIndex = resolveColumnByName(columns, options.mobileColumn);
    if (mobileIndex === null) throw unknownColumnError(options.mobileColumn, columns);
  }
  const table: ListDocument = { columns, rows, mobileColumn: mobileIndex };
  const { checks, columnStats, summary } = createListState(table);
  return {
    fileName: options.fileName,
    encoding,
    delimiter,
    columns,
    hasHeader,
    mobileColumn: mobileIndex === null ? null : columns[mobileIndex],
    mobileColumnCandidates: detected.candidates,
    table,
    checks,
    columnStats,
    summary,
  };
}

/** Validation and figures for a document: what runs again after every edit. */
export function checkDocument(document: ListDocument): { checks: ListChecks; summary: ListSummary } {
  const checks = checkRows(document.rows, document.mobileColumn);
  return { checks, summary: summarize(document.columns, document.rows, checks) };
}

/** Header names, plus generated names for values beyond the header (or for every column without header). */
function completeColumns(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  let width = header.length;
  for (let i = 0; i < rows.length; i++) if (rows[i].length > width) width = rows[i].length;
  const columns = header.slice();
  for (let c = header.length; c < width; c++) columns.push(generatedColumnName(c));
  return columns;
}
