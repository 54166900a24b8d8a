import type { Delimiter } from './list-types';
import { asListRows, type RowsLike } from './list-rows';

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
  rows: RowsLike,
  options: SerializeOptions = {},
): string {
  return [...serializeCsvChunks(columns, rows, options)].join('');
}

/**
 * The same text in pieces of `chunkRows` rows, so a caller on a busy thread
 * (the main process saving a 1,000,000-row list) can yield between pieces.
 */
export function* serializeCsvChunks(
  columns: readonly string[],
  rowsLike: RowsLike,
  options: SerializeOptions & { chunkRows?: number } = {},
): Generator<string> {
  const delimiter = options.delimiter ?? ';';
  const chunkRows = options.chunkRows ?? 50_000;
  const needsQuotes = new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter}"\\r\\n]`);
  const quote = (value: string) => (needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const width = columns.length;
  yield `${columns.map(quote).join(delimiter)}\r\n`;
  const fields = new Array<string>(width);
  const rows = asListRows(rowsLike);
  for (let start = 0; start < rows.length; start += chunkRows) {
    const lines: string[] = [];
    const end = Math.min(rows.length, start + chunkRows);
    for (let r = start; r < end; r++) {
      if (options.includeRow && !options.includeRow(r)) continue;
      for (let c = 0; c < width; c++) fields[c] = quote(rows.value(r, c));
      lines.push(fields.join(delimiter));
    }
    if (lines.length > 0) yield `${lines.join('\r\n')}\r\n`;
  }
}

/** How many data rows `serializeCsv` writes with the same options. */
export function countIncludedRows(rowCount: number, includeRow?: (index: number) => boolean): number {
  if (!includeRow) return rowCount;
  let count = 0;
  for (let i = 0; i < rowCount; i++) if (includeRow(i)) count++;
  return count;
}
