import Papa from 'papaparse';
import type { Delimiter } from './list-types';
import { unclosedQuoteError } from './list-errors';

/**
 * Splits the text into records with papaparse: quoted fields keep their
 * delimiters and line breaks, so a record spanning two physical lines is one
 * row; a quote never closed is refused. Lines with no content at all (blank lines, or only delimiters as Excel
 * writes for blank rows) are dropped. Values are kept exactly as written.
 */
export function parseCsvRecords(text: string, delimiter: Delimiter): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true, quoteChar: '"' });
  // An unclosed quote swallows every following line into one value: refuse rather than miscount.
  const unclosed = result.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed) throw unclosedQuoteError((unclosed.row ?? 0) + 1);
  const records = result.data;
  let kept = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (!isBlankRecord(record)) records[kept++] = record;
  }
  records.length = kept;
  return records;
}

/**
 * Parses our own saved form back: every record is kept (a row the user left
 * empty on purpose stays), only the final line break is not a record.
 */
export function parseSavedCsv(text: string, delimiter: Delimiter): string[][] {
  const records = Papa.parse<string[]>(text, { delimiter, quoteChar: '"', newline: '\r\n' }).data;
  const last = records[records.length - 1];
  if (last && last.length === 1 && last[0] === '' && /\r?\n$/.test(text)) records.pop();
  return records;
}

function isBlankRecord(record: string[]): boolean {
  for (let i = 0; i < record.length; i++) {
    const value = record[i];
    if (value.length > 0 && value.trim().length > 0) return false;
  }
  return true;
}
