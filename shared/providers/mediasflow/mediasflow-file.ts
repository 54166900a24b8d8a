/**
 * The MediasFlow drop file (guide §2.1–2.2): semicolon CSV, header first,
 * every column of the user's list kept (the template campaign's message may
 * use them as personalisation fields), only the sendable rows, the mobile
 * column under a name MediasFlow recognises and written in international
 * digits.
 *
 * Encoding: UTF-8 WITHOUT a byte-order mark by default. The guide says
 * nothing about the encoding; a BOM that the provider's reader does not strip
 * sticks to the first header, and when that header is the mobile column the
 * file is refused (code 04) or the first personalisation field breaks. UTF-8
 * without BOM is what the provider's own reports look like and what modern
 * CSV readers assume. `bom: true` is there if an account needs it.
 * Line ending: CRLF (RFC 4180; the provider is a Windows shop).
 */
import { csvField, utf8Bom, utf8ByteLength } from '../csv-text';
import { resolveMobileColumn, sendableNumber, type SendableTable } from '../sendable-table';
import { asListRows } from '../../lists/list-rows';

/** Headers MediasFlow recognises as the mobile column (guide §2.1). */
export const mediasflowMobileHeaders = ['SMS', 'PORTABLE', 'MOBILE', 'GSM'] as const;
export const defaultMobileHeader = 'MOBILE';

export interface HeaderRename {
  /** 0-based column index. */
  column: number;
  from: string;
  to: string;
  why: 'mobile-column' | 'mobile-name-clash';
}

export interface HeaderPlan {
  header: string[];
  mobileIndex: number;
  renames: HeaderRename[];
}

function headerKey(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toUpperCase();
}

export function isMediasflowMobileHeader(header: string): boolean {
  return (mediasflowMobileHeaders as readonly string[]).includes(headerKey(header));
}

/**
 * Names the columns of the dropped file. The mobile column keeps the user's
 * header when it is already an accepted name (written in capitals, trimmed),
 * else becomes MOBILE. Any OTHER column whose header is an accepted mobile
 * name (or equals the mobile column's new name) is renamed COLONNE_<n>, with
 * n its 1-based position: otherwise MediasFlow could take the wrong column
 * for the numbers and send to the wrong people. The new name contains none
 * of the four words, so even a "contains" match cannot pick it. Every rename
 * is returned so the summary can show it (a template that used the old name
 * as a personalisation field needs to know).
 */
export function planMediasflowHeader(columns: readonly string[], mobileIndex: number): HeaderPlan {
  const header = columns.map((column) => column);
  const renames: HeaderRename[] = [];
  const mobileName = isMediasflowMobileHeader(columns[mobileIndex]) ? headerKey(columns[mobileIndex]) : defaultMobileHeader;
  if (mobileName !== columns[mobileIndex]) {
    header[mobileIndex] = mobileName;
    renames.push({ column: mobileIndex, from: columns[mobileIndex], to: mobileName, why: 'mobile-column' });
  }
  const taken = new Set(header.map(headerKey));
  columns.forEach((column, index) => {
    if (index === mobileIndex) return;
    if (!isMediasflowMobileHeader(column) && headerKey(column) !== mobileName) return;
    let candidate = `COLONNE_${index + 1}`;
    for (let n = 2; taken.has(headerKey(candidate)); n++) candidate = `COLONNE_${index + 1}_${n}`;
    taken.add(headerKey(candidate));
    header[index] = candidate;
    renames.push({ column: index, from: column, to: candidate, why: 'mobile-name-clash' });
  });
  return { header, mobileIndex, renames };
}

export interface MediasflowFileOptions {
  /** Write a UTF-8 byte-order mark first (off by default, see the module comment). */
  bom?: boolean;
  lineEnding?: '\r\n' | '\n';
  /** Rows per yielded chunk. */
  chunkRows?: number;
}

export interface MediasflowFile {
  text: string;
  /** Size of `text` in UTF-8. */
  bytes: number;
  /** Recipient rows written (header excluded). */
  rowCount: number;
  header: string[];
  renames: HeaderRename[];
}

function rowLine(values: readonly string[], width: number, mobileIndex: number, number: string): string {
  const fields = new Array<string>(width);
  for (let column = 0; column < width; column++) {
    fields[column] = column === mobileIndex ? number : csvField(values[column] ?? '');
  }
  return fields.join(';');
}

/**
 * The file as successive text chunks (header first), so the caller can stream
 * it to disk without holding a second copy; each chunk ends with a line ending.
 */
export function* mediasflowCsvChunks(table: SendableTable, options: MediasflowFileOptions = {}): Generator<string> {
  const eol = options.lineEnding ?? '\r\n';
  const chunkRows = options.chunkRows ?? 10_000;
  const mobileIndex = resolveMobileColumn(table);
  const plan = planMediasflowHeader(table.columns, mobileIndex);
  const width = table.columns.length;
  yield `${options.bom ? utf8Bom : ''}${plan.header.map(csvField).join(';')}${eol}`;
  let lines: string[] = [];
  const rows = asListRows(table.rows);
  for (let row = 0; row < rows.length; row++) {
    const number = sendableNumber(table.checks[row]);
    if (number === null) continue;
    lines.push(rowLine(rows.row(row), width, mobileIndex, number));
    if (lines.length >= chunkRows) {
      yield lines.join(eol) + eol;
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join(eol) + eol;
}

/** The whole file in memory (fine up to a few hundred MB; use the chunks beyond). */
export function buildMediasflowFile(table: SendableTable, options: MediasflowFileOptions = {}): MediasflowFile {
  const mobileIndex = resolveMobileColumn(table);
  const plan = planMediasflowHeader(table.columns, mobileIndex);
  const chunks: string[] = [];
  let bytes = 0;
  for (const chunk of mediasflowCsvChunks(table, options)) {
    chunks.push(chunk);
    bytes += utf8ByteLength(chunk);
  }
  let rowCount = 0;
  for (let row = 0; row < table.rows.length; row++) if (sendableNumber(table.checks[row]) !== null) rowCount++;
  return { text: chunks.join(''), bytes, rowCount, header: plan.header, renames: plan.renames };
}
