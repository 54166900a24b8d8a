/**
 * CSV for people who open it in Excel: semicolon separated (French Excel's list
 * separator), UTF-8 with a BOM (without it Excel reads UTF-8 as ANSI and mangles é/€),
 * CRLF line ends, header first.
 *
 * Formula injection (OWASP "CSV Injection"): a cell starting with = + - @ tab or CR
 * may be run as a formula by a spreadsheet, so it gets a leading apostrophe, which
 * Excel and LibreOffice show as text. Exception: a plain number — an optional sign
 * then digits with spaces, dots or commas (+33612345678, -12,50, +33 6 12 34 56 78)
 * is left alone. Such a cell holds no function name, no operator after the sign and
 * no cell reference, so there is nothing to run, and phone numbers stay usable.
 */

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const PLAIN_NUMBER = /^[+-]?\d[\d .,]*$/;

export function neutraliseSpreadsheetFormula(value: string): string {
  if (value.length === 0 || !FORMULA_TRIGGERS.has(value[0])) return value;
  if (PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** Quotes a cell when it holds the separator, a quote or a line break. */
export function quoteCsvCell(value: string, delimiter = ';'): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

/** One CSV line, values quoted as needed but otherwise written as they are (the provider's own files). */
export function rawCsvLine(values: readonly string[], delimiter = ';'): string {
  return values.map((value) => quoteCsvCell(value, delimiter)).join(delimiter);
}

/** One CSV line for a spreadsheet: quoted as needed and formulas neutralised. */
export function csvLine(values: readonly string[], delimiter = ';'): string {
  return values.map((value) => quoteCsvCell(neutraliseSpreadsheetFormula(value), delimiter)).join(delimiter);
}

export const UTF8_BOM = '\uFEFF';

/** A whole CSV document (BOM included): encode it with TextEncoder. */
export function toSpreadsheetCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
