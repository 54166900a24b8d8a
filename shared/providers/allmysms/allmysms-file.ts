/**
 * The AllMySMS drop file (API §4.2): UTF-8 (no byte-order mark: there is no
 * header, a BOM would glue to the first number), semicolon, EVERY field
 * between double quotes, no header, one line per recipient:
 *   "33612345678";"message rendered for that recipient";"Sender"
 * A line break inside a message is written as the two characters '\n' (the
 * provider counts it double). Files above 8 MB are refused, so big lists are
 * split into several drops, each under the limit.
 */
import { quotedCsvField, utf8ByteLength } from '../csv-text';
import { sendableNumber, type SendableTable } from '../sendable-table';
import { asListRows } from '../../lists/list-rows';

/** The provider's limit: 8 MB, read as 8 × 1024 × 1024 bytes. */
export const allmysmsMaxFileBytes = 8 * 1024 * 1024;

/** The composer's renderer for one recipient (shared/composer/ provides it). */
export type RenderMessage = (row: readonly string[], rowIndex: number) => string;

export interface AllmysmsFileInput {
  table: SendableTable;
  render: RenderMessage;
  /** Third column when set (check it with checkAllmysmsSender first). */
  sender?: string | null;
}

export interface AllmysmsFileOptions {
  maxBytes?: number;
  lineEnding?: '\r\n' | '\n';
}

/** Line breaks (CRLF, CR or LF) become the two characters '\n'. */
export function encodeAllmysmsMessage(message: string): string {
  return message.indexOf('\n') === -1 && message.indexOf('\r') === -1 ? message : message.replace(/\r\n|\r|\n/g, '\\n');
}

/** One line of the file, without its line ending. */
export function allmysmsLine(number: string, message: string, sender?: string | null): string {
  const fields = [quotedCsvField(number), quotedCsvField(encodeAllmysmsMessage(message))];
  if (sender) fields.push(quotedCsvField(sender));
  return fields.join(';');
}

/** The lines of the sendable rows, in list order, each with its row index. */
export function* allmysmsLines(input: AllmysmsFileInput): Generator<{ rowIndex: number; line: string }> {
  const { table, render, sender } = input;
  const rows = asListRows(table.rows);
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
    const number = sendableNumber(table.checks[rowIndex]);
    if (number === null) continue;
    yield { rowIndex, line: allmysmsLine(number, render(rows.row(rowIndex), rowIndex), sender) };
  }
}

export interface AllmysmsPart {
  /** 1-based. */
  index: number;
  text: string;
  /** UTF-8 size of text; never above maxBytes. */
  bytes: number;
  rowCount: number;
  /** Row indices (in the list) of the first and last recipient of the part. */
  firstRow: number;
  lastRow: number;
}

export interface AllmysmsParts {
  parts: AllmysmsPart[];
  /** Recipients written over all parts. */
  rowCount: number;
  /** Rows whose single line exceeds maxBytes (never written: the caller must refuse the drop). */
  oversizedRows: number[];
}

/**
 * Builds the file(s): one part while everything fits, else as many parts as
 * needed, cut between lines, each ≤ maxBytes. Linear in the number of rows.
 */
export function buildAllmysmsParts(input: AllmysmsFileInput, options: AllmysmsFileOptions = {}): AllmysmsParts {
  const maxBytes = options.maxBytes ?? allmysmsMaxFileBytes;
  const eol = options.lineEnding ?? '\r\n';
  const eolBytes = eol.length;
  const parts: AllmysmsPart[] = [];
  const oversizedRows: number[] = [];
  let lines: string[] = [];
  let bytes = 0;
  let firstRow = -1;
  let lastRow = -1;
  let rowCount = 0;
  const close = (): void => {
    if (lines.length === 0) return;
    parts.push({ index: parts.length + 1, text: lines.join(eol) + eol, bytes, rowCount: lines.length, firstRow, lastRow });
    lines = [];
    bytes = 0;
  };
  for (const { rowIndex, line } of allmysmsLines(input)) {
    const lineBytes = utf8ByteLength(line) + eolBytes;
    if (lineBytes > maxBytes) {
      oversizedRows.push(rowIndex);
      continue;
    }
    if (bytes + lineBytes > maxBytes) close();
    if (lines.length === 0) firstRow = rowIndex;
    lines.push(line);
    bytes += lineBytes;
    lastRow = rowIndex;
    rowCount++;
  }
  close();
  return { parts, rowCount, oversizedRows };
}
