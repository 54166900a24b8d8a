import type { ListSummary, LongestValue } from './list-types';
import { statusCode, type ListChecks } from './check-rows';

/**
 * The figures of the provider's /lists/upload answer: rows (header excluded),
 * valid (duplicates included, as validNumberMOBILE), invalid, duplicates,
 * sendable = valid − duplicates, sendable per country, columns with an empty
 * value (emptyKeys), the longest value per column (maxDatasMap) and 1-based
 * record numbers of invalid and duplicate rows.
 */
export function summarize(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  checks: ListChecks,
  columnStats: readonly ColumnStats[] = describeEveryColumn(columns.length, rows),
): ListSummary {
  let valid = 0;
  let duplicates = 0;
  let invalid = 0;
  const countries: Record<string, number> = {};
  const invalidLines: number[] = [];
  const duplicateLines: number[] = [];
  const { status, country, countryCodes } = checks;
  const sendablePerCountry = new Array<number>(countryCodes.length).fill(0);
  for (let i = 0; i < rows.length; i++) {
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
    rows: rows.length,
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

export function describeEveryColumn(width: number, rows: readonly (readonly string[])[]): ColumnStats[] {
  return Array.from({ length: width }, (_, column) => describeColumn(rows, column));
}

/** Longest value in characters (code points: an emoji counts once; the first one wins a tie) and whether a value is empty. */
export function describeColumn(rows: readonly (readonly string[])[], column: number): ColumnStats {
  let hasEmpty = false;
  let longestLength = 0;
  let longestValue = '';
  for (let r = 0; r < rows.length; r++) {
    const value = rows[r][column] ?? '';
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
