import type { ListSummary, LongestValue } from './list-types';
import { statusCode, type ListChecks } from './check-rows';

/**
 * The figures of the provider's /lists/upload answer: rows (header excluded),
 * valid (duplicates included, as validNumberMOBILE), invalid, duplicates,
 * sendable = valid − duplicates, sendable per country, columns with an empty
 * value (emptyKeys), the longest value per column (maxDatasMap) and 1-based
 * record numbers of invalid and duplicate rows.
 */
export function summarize(columns: readonly string[], rows: readonly (readonly string[])[], checks: ListChecks): ListSummary {
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
  const { emptyColumns, longestValues } = describeColumns(columns, rows);
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

/** Longest value per column in characters (code points: an emoji counts once); first one wins a tie. */
export function describeColumns(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): { emptyColumns: string[]; longestValues: Record<string, LongestValue> } {
  const width = columns.length;
  const longestLength = new Array<number>(width).fill(0);
  const longestValue = new Array<string>(width).fill('');
  const hasEmpty = new Array<boolean>(width).fill(false);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < width; c++) {
      const value = row[c] ?? '';
      if (value.length === 0) {
        hasEmpty[c] = true;
        continue;
      }
      // UTF-16 length bounds the code-point length, so most values skip the exact count.
      if (value.length > longestLength[c]) {
        const length = codePointLength(value);
        if (length > longestLength[c]) {
          longestLength[c] = length;
          longestValue[c] = value;
        }
      }
      if (!hasEmpty[c] && isBlank(value)) hasEmpty[c] = true;
    }
  }
  const emptyColumns: string[] = [];
  const longestValues: Record<string, LongestValue> = {};
  for (let c = 0; c < width; c++) {
    if (hasEmpty[c]) emptyColumns.push(columns[c]);
    // Two columns may share a name: the first keeps the entry, like a JSON map would.
    if (!Object.prototype.hasOwnProperty.call(longestValues, columns[c])) longestValues[columns[c]] = { length: longestLength[c], value: longestValue[c] };
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
