import type { ListSummary, LongestValue } from './list-types';
import { statusCode, type ListChecks } from './check-rows';
import type { ColumnarTable } from './columnar-table';
import { asListRows, tableOf, type RowsLike } from './list-rows';

/**
 * The figures of the provider's /lists/upload answer: rows (header excluded),
 * valid (duplicates included, as validNumberMOBILE), invalid, duplicates,
 * sendable = valid − duplicates, sendable per country, columns with an empty
 * value (emptyKeys), the longest value per column (maxDatasMap) and 1-based
 * record numbers of invalid and duplicate rows.
 */
export function summarize(
  columns: readonly string[],
  rows: RowsLike,
  checks: ListChecks,
  columnStats: readonly ColumnStats[] = describeEveryColumn(columns.length, rows),
): ListSummary {
  return summarizeRowCount(columns, rows.length, checks, columnStats);
}

/** `summarize` when the per-column figures are known: only the number of rows is needed. */
export function summarizeRowCount(columns: readonly string[], rowCount: number, checks: ListChecks, columnStats: readonly ColumnStats[]): ListSummary {
  let valid = 0;
  let duplicates = 0;
  let invalid = 0;
  const countries: Record<string, number> = {};
  const invalidLines: number[] = [];
  const duplicateLines: number[] = [];
  const { status, country, countryCodes } = checks;
  const sendablePerCountry = new Array<number>(countryCodes.length).fill(0);
  for (let i = 0; i < rowCount; i++) {
    const code = status[i];
    if (code === statusCode.valid) {
      valid++;
      sendablePerCountry[country[i]]++;
    } else if (code === statusCode.duplicate) {
      valid++;
      duplicates++;
      duplicateLines.push(i + 1);
    } else if (code === statusCode.invalid) {
      invalid++;
      invalidLines.push(i + 1);
    }
  }
  sendablePerCountry.forEach((sendable, index) => {
    if (sendable > 0) countries[countryCodes[index]] = sendable;
  });
  const { emptyColumns, longestValues } = columnFigures(columns, columnStats);
  return {
    rows: rowCount,
    valid,
    invalid,
    duplicates,
    sendable: valid - duplicates,
    countries,
    emptyColumns,
    longestValues,
    invalidLines,
    duplicateLines,
  };
}

/** What the summary needs of one column; recomputed only for the columns an edit touches. */
export interface ColumnStats {
  hasEmpty: boolean;
  longestLength: number;
  longestValue: string;
}

export function describeEveryColumn(width: number, rows: RowsLike): ColumnStats[] {
  return Array.from({ length: width }, (_, column) => describeColumn(rows, column));
}

/** Longest value in characters (code points: an emoji counts once; the first one wins a tie) and whether a value is empty. */
export function describeColumn(rowsLike: RowsLike, column: number): ColumnStats {
  const rows = asListRows(rowsLike);
  const table = tableOf(rows);
  if (table) return describeColumnarColumn(table, column);
  let hasEmpty = false;
  let longestLength = 0;
  let longestValue = '';
  for (let r = 0; r < rows.length; r++) {
    const value = rows.value(r, column);
    if (value.length === 0) {
      hasEmpty = true;
      continue;
    }
    // UTF-16 length bounds the code-point length, so most values skip the exact count.
    if (value.length > longestLength) {
      const length = codePointLength(value);
      if (length > longestLength) {
        longestLength = length;
        longestValue = value;
      }
    }
    if (!hasEmpty && isBlank(value)) hasEmpty = true;
  }
  return { hasEmpty, longestLength, longestValue };
}

/** `describeEveryColumn` over a columnar table: lengths come from the offsets, a value is cut only when it may be the longest or blank. */
export function describeColumnarColumns(width: number, table: ColumnarTable): ColumnStats[] {
  return Array.from({ length: width }, (_, column) => describeColumnarColumn(table, column));
}

function describeColumnarColumn(table: ColumnarTable, column: number): ColumnStats {
  const data = table.columns[column];
  if (data === undefined) return { hasEmpty: table.rowCount > 0, longestLength: 0, longestValue: '' };
  const { text, ends } = data;
  let hasEmpty = false;
  let longestLength = 0;
  let longestValue = '';
  let start = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const end = ends[r];
    const length = end - start;
    if (length === 0) {
      hasEmpty = true;
    } else {
      if (length > longestLength) {
        const value = text.slice(start, end);
        const points = codePointLength(value);
        if (points > longestLength) {
          longestLength = points;
          longestValue = value;
        }
      }
      if (!hasEmpty) {
        const first = text.charCodeAt(start);
        if ((first === 32 || first === 9 || first === 160) && text.slice(start, end).trim().length === 0) hasEmpty = true;
      }
    }
    start = end;
  }
  return { hasEmpty, longestLength, longestValue };
}

/**
 * `describeEveryColumn` fed batch by batch (rows in file order), for checks
 * that never hold every row: the same figures, first longest value included.
 */
/** A ColumnStatsAccumulator's figures as plain data. */
export interface ColumnStatsState {
  stats: ColumnStats[];
  rows: number;
  narrowest: number;
}

export class ColumnStatsAccumulator {
  private stats: ColumnStats[] = [];
  private rows = 0;
  /** Fewest values a row had: every column at or beyond it has an empty value. */
  private narrowest = Number.POSITIVE_INFINITY;

  add(rows: readonly (readonly string[])[], from = 0, to = rows.length): void {
    for (let r = from; r < to; r++) {
      const row = rows[r];
      if (row.length < this.narrowest) this.narrowest = row.length;
      while (this.stats.length < row.length) this.stats.push({ hasEmpty: this.rows > 0, longestLength: 0, longestValue: '' });
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        const stats = this.stats[c];
        if (value.length === 0) {
          stats.hasEmpty = true;
          continue;
        }
        if (value.length > stats.longestLength) {
          const length = codePointLength(value);
          if (length > stats.longestLength) {
            stats.longestLength = length;
            stats.longestValue = value;
          }
        }
        if (!stats.hasEmpty && isBlank(value)) stats.hasEmpty = true;
      }
      this.rows++;
    }
  }

  /** What this accumulator saw, as plain data (to cross threads). */
  state(): ColumnStatsState {
    return { stats: this.stats.map((stats) => ({ ...stats })), rows: this.rows, narrowest: this.narrowest };
  }

  /** Adds what another accumulator saw on the rows that follow these: the same as if this one had seen them. */
  append(later: ColumnStatsState): void {
    for (let c = 0; c < later.stats.length; c++) {
      const next = later.stats[c];
      const mine = this.stats[c];
      if (!mine) {
        // A column that first appears in the later rows: every earlier row lacks it.
        this.stats.push({ ...next, hasEmpty: next.hasEmpty || this.rows > 0 });
        continue;
      }
      if (next.hasEmpty) mine.hasEmpty = true;
      // On equal lengths the earlier value stays, as `add` keeps the first longest.
      if (next.longestLength > mine.longestLength) {
        mine.longestLength = next.longestLength;
        mine.longestValue = next.longestValue;
      }
    }
    this.rows += later.rows;
    this.narrowest = Math.min(this.narrowest, later.narrowest);
  }

  finish(width: number): ColumnStats[] {
    return Array.from({ length: width }, (_, c) => {
      const stats = this.stats[c] ?? { hasEmpty: false, longestLength: 0, longestValue: '' };
      const missingSomewhere = this.rows > 0 && c >= this.narrowest;
      return { ...stats, hasEmpty: stats.hasEmpty || missingSomewhere };
    });
  }
}

function columnFigures(
  columns: readonly string[],
  stats: readonly ColumnStats[],
): { emptyColumns: string[]; longestValues: Record<string, LongestValue> } {
  const emptyColumns: string[] = [];
  const longestValues: Record<string, LongestValue> = {};
  for (let c = 0; c < columns.length; c++) {
    if (stats[c].hasEmpty) emptyColumns.push(columns[c]);
    // Two columns may share a name: the first keeps the entry, like a JSON map would.
    if (!Object.prototype.hasOwnProperty.call(longestValues, columns[c])) {
      longestValues[columns[c]] = { length: stats[c].longestLength, value: stats[c].longestValue };
    }
  }
  return { emptyColumns, longestValues };
}

function codePointLength(value: string): number {
  let length = value.length;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) length--;
  }
  return length;
}

function isBlank(value: string): boolean {
  const first = value.charCodeAt(0);
  // Only values starting with whitespace can be blank; skip the trim for the rest.
  return (first === 32 || first === 9 || first === 160) && value.trim().length === 0;
}
