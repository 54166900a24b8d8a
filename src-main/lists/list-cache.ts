/**
 * The parsed rows and check results of a saved list, in one binary file
 * beside the workspace (`<dataDir>/list-cache/<id>-<revision>.bin`), so a big
 * list reopens without parsing its CSV again and without validating a single
 * number. It is only a cache: the CSV in `lists/<id>/` stays the user's exact
 * values and the truth. A cache is used only when it names the list's current
 * data file and revision and the current number rule (numberRuleVersion);
 * anything else (missing, foreign, truncated, older rule) is ignored and the
 * CSV is read as before.
 *
 * Layout: a magic line, a little-endian u32 header length, the header (JSON:
 * key, row count, per-column text encoding and byte sizes, country codes,
 * column figures, summary), then the sections, each padded to 8 bytes: row
 * widths (u32), per column the value ends (u32) and the text (Latin-1 when it
 * fits, else UTF-16LE), then status (u8), reason (u8), normalized (f64) and
 * country (u16).
 */
import type { ColumnarTable } from '@shared/lists/columnar-table';
import type { ListChecks } from '@shared/lists/check-rows';
import type { ColumnStats } from '@shared/lists/summarize';
import type { ListSummary } from '@shared/lists/list-types';

export interface ListCacheKey {
  dataFile: string;
  revision: number;
  ruleVersion: string;
}

export interface ListCacheContent {
  columns: readonly string[];
  table: ColumnarTable;
  checks: ListChecks;
  columnStats: readonly ColumnStats[];
  summary: ListSummary;
}

interface CacheHeader {
  key: ListCacheKey;
  rowCount: number;
  names: string[];
  columns: { encoding: 'latin1' | 'utf16le'; textBytes: number }[];
  mobileColumn: number | null;
  countryCodes: string[];
  columnStats: ColumnStats[];
  summary: ListSummary;
}

const magic = Buffer.from('DROPDESK-LIST-CACHE 1\n', 'latin1');
/** Any UTF-16 code unit above U+00FF (surrogates included). */
const beyondLatin1 = /[\u0100-\uffff]/;

const padded = (length: number) => Math.ceil(length / 8) * 8;

function bytesOf(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** The file's content as pieces (written one after the other); `yieldNow` lets the caller keep the event loop turning between columns. */
export async function encodeListCache(content: ListCacheContent, key: ListCacheKey, yieldNow: () => Promise<void>): Promise<Buffer[]> {
  const { table, checks } = content;
  const texts: Buffer[] = [];
  const columns: CacheHeader['columns'] = [];
  for (const column of table.columns) {
    const { encoding, bytes } = await encodeColumnText(column.text, yieldNow);
    texts.push(bytes);
    columns.push({ encoding, textBytes: bytes.length });
  }
  const header: CacheHeader = {
    key,
    rowCount: table.rowCount,
    names: [...content.columns],
    columns,
    mobileColumn: checks.mobileColumn,
    countryCodes: checks.countryCodes,
    columnStats: [...content.columnStats],
    summary: content.summary,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(headerBytes.length);
  const sections: Buffer[] = [bytesOf(table.widths)];
  table.columns.forEach((column, c) => sections.push(bytesOf(column.ends), texts[c]));
  sections.push(bytesOf(checks.status), bytesOf(checks.reason), bytesOf(checks.normalized), bytesOf(checks.country));
  const start = padded(magic.length + 4 + headerBytes.length);
  const parts: Buffer[] = [magic, headerLength, headerBytes, Buffer.alloc(start - magic.length - 4 - headerBytes.length)];
  for (const section of sections) parts.push(section, Buffer.alloc(padded(section.length) - section.length));
  // Written piece after piece: no 100 MB concatenation on the main thread.
  return parts;
}

/** Characters encoded (or scanned) per turn of the event loop: a few milliseconds each. */
const sliceChars = 1 << 20;

/**
 * A column's text as bytes: Latin-1 when every character fits (one byte
 * each), else UTF-16. Scanned and encoded a slice at a time, yielding between
 * slices, into one buffer.
 */
export async function encodeColumnText(text: string, yieldNow: () => Promise<void>): Promise<{ encoding: 'latin1' | 'utf16le'; bytes: Buffer }> {
  let encoding: 'latin1' | 'utf16le' = 'latin1';
  for (let start = 0; start < text.length; start += sliceChars) {
    if (beyondLatin1.test(text.slice(start, start + sliceChars))) {
      encoding = 'utf16le';
      break;
    }
    if (start + sliceChars < text.length) await yieldNow();
  }
  const unit = encoding === 'latin1' ? 1 : 2;
  // Never from Buffer's shared pool: the worker transfers this buffer to main.
  const bytes = Buffer.allocUnsafeSlow(text.length * unit);
  for (let start = 0; start < text.length; start += sliceChars) {
    bytes.write(text.slice(start, start + sliceChars), start * unit, encoding);
    if (start + sliceChars < text.length) await yieldNow();
  }
  return { encoding, bytes };
}

/** `encodeColumnText` undone, a slice at a time (a slice of UTF-16 never cuts a character's two bytes apart). */
export async function decodeColumnText(bytes: Uint8Array, encoding: 'latin1' | 'utf16le', yieldNow: () => Promise<void>): Promise<string> {
  const pieces = await decodeColumnPieces(bytes, encoding, yieldNow);
  return pieces.length === 1 ? pieces[0] : pieces.join('');
}

/** The same text as slices, for a caller that joins them with others (a column read in two parts). */
export async function decodeColumnPieces(bytes: Uint8Array, encoding: 'latin1' | 'utf16le', yieldNow: () => Promise<void>): Promise<string[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unit = encoding === 'latin1' ? 1 : 2;
  const step = sliceChars * unit;
  if (buffer.length <= step) return [buffer.toString(encoding)];
  const pieces: string[] = [];
  for (let start = 0; start < buffer.length; start += step) {
    pieces.push(buffer.toString(encoding, start, Math.min(buffer.length, start + step)));
    await yieldNow();
  }
  return pieces;
}

/** The cached table and checks, or null when the file is not a cache of exactly this key. */
export async function decodeListCache(file: Buffer, expected: ListCacheKey, yieldNow: () => Promise<void>): Promise<ListCacheContent | null> {
  try {
    if (file.length < magic.length + 4 || !file.subarray(0, magic.length).equals(magic)) return null;
    const headerLength = file.readUInt32LE(magic.length);
    const header = JSON.parse(file.toString('utf8', magic.length + 4, magic.length + 4 + headerLength)) as CacheHeader;
    const { key } = header;
    if (key.dataFile !== expected.dataFile || key.revision !== expected.revision || key.ruleVersion !== expected.ruleVersion) return null;
    const rows = header.rowCount;
    let offset = padded(magic.length + 4 + headerLength);
    const take = (length: number) => {
      if (offset + length > file.length) throw new Error('cache truncated');
      const bytes = file.subarray(offset, offset + length);
      offset += padded(length);
      return bytes;
    };
    // Copies into fresh buffers: aligned typed arrays, and the file's buffer can go.
    const copy = <T>(bytes: Buffer, make: (buffer: ArrayBuffer) => T) => {
      const buffer = new ArrayBuffer(bytes.length);
      new Uint8Array(buffer).set(bytes);
      return make(buffer);
    };
    const widths = copy(take(rows * 4), (buffer) => new Uint32Array(buffer));
    const columns: ColumnarTable['columns'] = [];
    for (const column of header.columns) {
      const ends = copy(take(rows * 4), (buffer) => new Uint32Array(buffer));
      const text = await decodeColumnText(take(column.textBytes), column.encoding, yieldNow);
      if (rows > 0 && ends[rows - 1] !== text.length) return null;
      columns.push({ text, ends });
      await yieldNow();
    }
    const checks: ListChecks = {
      mobileColumn: header.mobileColumn,
      status: copy(take(rows), (buffer) => new Uint8Array(buffer)),
      reason: copy(take(rows), (buffer) => new Uint8Array(buffer)),
      normalized: copy(take(rows * 8), (buffer) => new Float64Array(buffer)),
      country: copy(take(rows * 2), (buffer) => new Uint16Array(buffer)),
      countryCodes: header.countryCodes,
    };
    return { columns: header.names, table: { rowCount: rows, widths, columns }, checks, columnStats: header.columnStats, summary: header.summary };
  } catch {
    return null;
  }
}
