import type { Delimiter } from './list-types';

export interface SerializeOptions {
  delimiter?: Delimiter;
  /** Keep only the rows for which this returns true (e.g. sendable rows). */
  includeRow?: (index: number) => boolean;
}

/**
 * CSV text with a header, what the providers take: semicolons, CRLF line
 * ends, values written exactly as the user has them, quoted only when they
 * hold the delimiter, a quote or a line break. Every line, the last included,
 * ends with CRLF.
 */
export function serializeCsv(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  options: SerializeOptions = {},
): string {
  const delimiter = options.delimiter ?? ';';
  const needsQuotes = new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter}"\\r\\n]`);
  const quote = (value: string) => (needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const width = columns.length;
  const lines: string[] = [columns.map(quote).join(delimiter)];
  const fields = new Array<string>(width);
  for (let r = 0; r < rows.length; r++) {
    if (options.includeRow && !options.includeRow(r)) continue;
    const row = rows[r];
    for (let c = 0; c < width; c++) fields[c] = quote(row[c] ?? '');
    lines.push(fields.join(delimiter));
  }
  lines.push('');
  return lines.join('\r\n');
}

/** How many data rows `serializeCsv` writes with the same options. */
export function countIncludedRows(rowCount: number, includeRow?: (index: number) => boolean): number {
  if (!includeRow) return rowCount;
  let count = 0;
  for (let i = 0; i < rowCount; i++) if (includeRow(i)) count++;
  return count;
}
