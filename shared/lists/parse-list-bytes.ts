/**
 * Decode and parse an imported file a few megabytes at a time, straight into
 * a columnar table (columnar-table.ts): neither the whole decoded text nor
 * millions of parsed values are ever held at once. The records are exactly
 * those `parseCsvRecords(decodeListBytes(bytes).text, detectDelimiter(text))`
 * gives (papaparse's own parser, fed chunk by chunk as its streamers do:
 * a record cut by a chunk boundary, quoted line breaks included, is parsed
 * again whole with the next chunk). parse-list-bytes.test.ts compares both.
 */
import Papa from 'papaparse';
import type { Delimiter, TextEncoding } from './list-types';
import { decodeUtf16WithBom, refuseNonText } from './detect-encoding';
import { decodeWindows1252 } from './windows-1252';
import { detectDelimiter } from './detect-delimiter';
import { unclosedQuoteError } from './list-errors';
import { ColumnarBuilder, type ColumnarTable } from './columnar-table';

export interface ParsedListBytes {
  encoding: TextEncoding;
  delimiter: Delimiter;
  /** The first record that is not blank, or null for a file without any. */
  firstRecord: string[] | null;
}

/** Where the records go, batch by batch, in file order. */
export interface RecordSink {
  /** The first non-blank record; true when it belongs to the rows (false: it is the header). */
  first(record: readonly string[]): boolean;
  /** `records[0…count)` are the next rows. */
  add(records: readonly (readonly string[])[], count: number): void;
}

export interface ParseListOptions {
  /** A fresh sink per reading of the file (a file that turns out not to be UTF-8 is read again as Windows-1252). */
  sink: () => RecordSink;
  /** Bytes decoded and parsed at a time. */
  chunkBytes?: number;
}

/**
 * 512 KiB: one chunk's parsed records (a few MB of arrays and strings) die in
 * V8's young generation before the next scavenge; with 4 MiB chunks they
 * outlived it, were promoted and filled the old space with garbage (`list
 * check` on 1,000,000 rows: peak 494 → 270 MB, about 30 % less CPU).
 */
const defaultChunkBytes = 512 * 1024;
/** papaparse guesses the line break on the first 1,048,576 characters. */
const guessChars = 1024 * 1024;

/** Raised inside the UTF-8 pass when the bytes are not UTF-8: the file is then read as Windows-1252. */
class NotUtf8 extends Error {}

export function parseListBytes(bytes: Uint8Array, options: ParseListOptions): ParsedListBytes {
  // Excel's « Texte Unicode » (UTF-16 with a BOM) is decoded whole: it has no byte-level chunking.
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16) return parseChunks(utf16.encoding, [utf16.text][Symbol.iterator](), options);
  refuseNonText(bytes);
  const chunkBytes = Math.max(1, options.chunkBytes ?? defaultChunkBytes);
  try {
    return parseChunks('utf-8', utf8Chunks(bytes, chunkBytes), options);
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    return parseChunks('windows-1252', windows1252Chunks(bytes, chunkBytes), options);
  }
}

/** Strict UTF-8, as decodeListBytes reads it (BOM dropped); a byte sequence that is not UTF-8 raises NotUtf8. */
function* utf8Chunks(bytes: Uint8Array, chunkBytes: number): Generator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let start = 0; start < bytes.length || start === 0; start += chunkBytes) {
    const end = Math.min(bytes.length, start + chunkBytes);
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    } catch {
      throw new NotUtf8();
    }
    yield text;
    if (end >= bytes.length) return;
  }
}

/** Windows-1252 is one byte per character, so any cut is a character boundary. */
function* windows1252Chunks(bytes: Uint8Array, chunkBytes: number): Generator<string> {
  for (let start = 0; start < bytes.length || start === 0; start += chunkBytes) {
    const end = Math.min(bytes.length, start + chunkBytes);
    yield decodeWindows1252(bytes.subarray(start, end));
    if (end >= bytes.length) return;
  }
}

function parseChunks(encoding: TextEncoding, chunks: Iterator<string>, options: ParseListOptions): ParsedListBytes {
  const sink = options.sink();
  let partial = '';
  /** Records papaparse returned before this chunk, blank ones included (its error rows count them). */
  let recordsBefore = 0;
  let firstRecord: string[] | null = null;
  // Delimiter and line break are guessed on the file's first megabyte of text, as on the whole text.
  let head = '';
  let current = chunks.next();
  while (!current.done && head.length < guessChars) {
    head += current.value;
    current = chunks.next();
  }
  // Papa.parse strips a BOM left in a string (TextDecoder already dropped the first one).
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  const delimiter = detectDelimiter(head);
  const newline = Papa.parse<string[]>(head.substring(0, guessChars), { delimiter, quoteChar: '"', preview: 1 }).meta.linebreak as Papa.ParseConfig['newline'];
  let pending: IteratorResult<string> = { done: false, value: head };
  let following = current;
  while (!pending.done) {
    const last = following.done === true;
    const text = partial + pending.value;
    // A fresh parser per chunk, as papaparse's own streamers do.
    const results = new Papa.Parser({ delimiter, quoteChar: '"', newline }).parse(text, 0, !last) as Papa.ParseResult<string[]>;
    const unclosed = results.errors.find((error) => error.code === 'MissingQuotes');
    if (unclosed) throw unclosedQuoteError(recordsBefore + (unclosed.row ?? 0) + 1);
    partial = last ? '' : text.substring(results.meta.cursor);
    const records = results.data;
    recordsBefore += records.length;
    let kept = 0;
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (isBlankRecord(record)) continue;
      if (firstRecord === null) {
        firstRecord = record;
        if (!sink.first(record)) continue;
      }
      records[kept++] = record;
    }
    sink.add(records, kept);
    pending = following;
    following = last ? following : chunks.next();
  }
  return { encoding, delimiter, firstRecord };
}

/** Every non-blank record into a columnar table; the first one too when `keepFirstRecord` says so (tests, simple readers). */
export function parseListBytesColumnar(
  bytes: Uint8Array,
  keepFirstRecord: (record: readonly string[]) => boolean,
  chunkBytes?: number,
): ParsedListBytes & { table: ColumnarTable } {
  let builder = new ColumnarBuilder();
  const parsed = parseListBytes(bytes, {
    chunkBytes,
    sink: () => {
      builder = new ColumnarBuilder();
      return { first: keepFirstRecord, add: (records, count) => builder.add(records, 0, count) };
    },
  });
  return { ...parsed, table: builder.finish() };
}

/** Lines with no content at all (blank, or only delimiters as Excel writes for blank rows), as parseCsvRecords drops them. */
function isBlankRecord(record: string[]): boolean {
  for (let i = 0; i < record.length; i++) {
    const value = record[i];
    if (value.length > 0 && value.trim().length > 0) return false;
  }
  return true;
}
