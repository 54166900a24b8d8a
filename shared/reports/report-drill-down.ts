/**
 * Drill-down: the recipients of one category or one code, narrowed by a search, and
 * the CSV export of that view. Works on row indices so a 1,000,000-row report is
 * filtered without building row objects; only the rows shown or exported are read.
 */
import { toSpreadsheetCsv } from './csv-export';
import { codeKeyAt, readReportRow, type ParsedReport } from './parse-report';
import { CATEGORY_INDEX, type ReportCategory } from './status-codes';

export interface ReportRowFilter {
  category?: ReportCategory;
  /** A code as written in the file ('21', '999'). */
  code?: string;
  /** Case-insensitive text searched in every column of the row. */
  search?: string;
}

/** Indices (ascending) of the rows matching every given criterion. */
export function filterReportRows(parsed: ParsedReport, filter: ReportRowFilter = {}): Uint32Array {
  const { rowCount, categories, codes } = parsed;
  const wantedCategory = filter.category === undefined ? -1 : CATEGORY_INDEX[filter.category];
  const wantedCode = filter.code === undefined ? null : filter.code.trim();
  const numericCode = wantedCode !== null && /^\d{1,10}$/.test(wantedCode) ? Number(wantedCode) : null;
  const needle = filter.search?.trim().toLowerCase() ?? '';
  const searchHits = needle.length > 0 ? rowsContaining(parsed, needle) : null;
  const matches = new Uint32Array(rowCount);
  let count = 0;
  for (let row = 0; row < rowCount; row++) {
    if (wantedCategory >= 0 && categories[row] !== wantedCategory) continue;
    if (wantedCode !== null) {
      if (numericCode !== null ? codes[row] !== numericCode : codes[row] >= 0 || codeKeyAt(parsed, row) !== wantedCode) continue;
    }
    if (searchHits && searchHits[row] === 0) continue;
    matches[count++] = row;
  }
  return matches.slice(0, count);
}

const lowerCaseTexts = new WeakMap<ParsedReport, string | null>();

/** 1 for each row whose text contains `needle` (already lower case). */
function rowsContaining(parsed: ParsedReport, needle: string): Uint8Array {
  const hits = new Uint8Array(parsed.rowCount);
  let lower = lowerCaseTexts.get(parsed);
  if (lower === undefined) {
    const candidate = parsed.text.toLowerCase();
    // A few characters change length when lowered (İ): positions would drift, read row by row instead.
    lower = candidate.length === parsed.text.length ? candidate : null;
    lowerCaseTexts.set(parsed, lower);
  }
  const { rowStarts, rowEnds, rowCount } = parsed;
  if (lower === null) {
    for (let row = 0; row < rowCount; row++) {
      if (parsed.text.slice(rowStarts[row], rowEnds[row]).toLowerCase().includes(needle)) hits[row] = 1;
    }
    return hits;
  }
  let at = rowCount > 0 ? lower.indexOf(needle, rowStarts[0]) : -1;
  while (at >= 0) {
    const row = rowAtPosition(rowStarts, rowCount, at);
    if (row >= 0 && at + needle.length <= rowEnds[row]) {
      hits[row] = 1;
      at = lower.indexOf(needle, rowEnds[row]);
    } else {
      at = lower.indexOf(needle, at + 1);
    }
  }
  return hits;
}

/** The row whose range starts at or before `position`, or -1. */
function rowAtPosition(rowStarts: Uint32Array, rowCount: number, position: number): number {
  let low = 0;
  let high = rowCount - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (rowStarts[middle] <= position) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** A page of rows for the virtualised table. */
export function readReportRows(parsed: ParsedReport, rows: ArrayLike<number>, offset = 0, limit = rows.length): string[][] {
  const page: string[][] = [];
  const end = Math.min(rows.length, offset + limit);
  for (let index = offset; index < end; index++) page.push(readReportRow(parsed, rows[index]));
  return page;
}

/**
 * The rows as a CSV document for Excel: every column of the report (report columns
 * and the original list's), header first, BOM, formulas neutralised (see csv-export).
 */
export function exportReportRowsCsv(parsed: ParsedReport, rows: ArrayLike<number>): string {
  const lines = function* (): Generator<string[]> {
    for (let index = 0; index < rows.length; index++) yield readReportRow(parsed, rows[index]);
  };
  return toSpreadsheetCsv(parsed.header.columns, lines());
}
