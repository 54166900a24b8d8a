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
  /** The encoding, when the whole file was already tested (`isUtf8`): no reading is then started again. */
  encoding?: 'utf-8' | 'windows-1252';
  /** Only the records of this part of the file (an import read on two threads); the delimiter and line break are still the whole file's. */
  part?: ListPart;
}

/**
 * A part of the file that starts where a record starts, so that its records
 * are exactly those the reading of the whole file gives there.
 */
export interface ListPart {
  /** 0, or just after a line break outside quotes (`findRecordStart`): a later part's records are all rows, the first record (header or not) being the file's. */
  from: number;
  /** Where the part ends (exclusive), asked once the reading has passed `endsAfter`: another thread may still be finding it when this one starts. */
  end: () => number;
  endsAfter: number;
}

export type ListNewline = '\r\n' | '\n' | '\r';

/** The delimiter, line break and first record, as the reading of the whole file guesses them on its first megabyte. */
export interface ListDialect {
  delimiter: Delimiter;
  newline: ListNewline;
  /** The first record that is not blank, if the first megabyte holds a whole one. */
  firstRecord: string[] | null;
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

type ChunkReader = (bytes: Uint8Array, chunkBytes: number, part?: ListPart) => Generator<string>;

export function parseListBytes(bytes: Uint8Array, options: ParseListOptions): ParsedListBytes {
  // Excel's « Texte Unicode » (UTF-16 with a BOM) is decoded whole: it has no byte-level chunking.
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16) {
    if (options.part) throw new Error('A UTF-16 list is read whole, not in parts.');
    return parseChunks(utf16.encoding, () => [utf16.text][Symbol.iterator](), options);
  }
  refuseNonText(bytes);
  const chunkBytes = Math.max(1, options.chunkBytes ?? defaultChunkBytes);
  return withEncoding(options.encoding, (encoding, reader) => parseChunks(encoding, (part) => reader(bytes, chunkBytes, part), options));
}

/** The dialect a reading of `bytes` (not UTF-16, of a known encoding) uses, without reading the records: the thread that reads a later part needs it first. */
export function readListDialect(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1252', chunkBytes = defaultChunkBytes): ListDialect {
  return headDialect((encoding === 'utf-8' ? utf8Chunks : windows1252Chunks)(bytes, Math.max(1, chunkBytes)));
}

/** Strict UTF-8 first, Windows-1252 when the bytes are not UTF-8, unless the encoding is known. */
function withEncoding<T>(known: ParseListOptions['encoding'], read: (encoding: TextEncoding, reader: ChunkReader) => T): T {
  if (known === 'windows-1252') return read('windows-1252', windows1252Chunks);
  try {
    return read('utf-8', utf8Chunks);
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    if (known === 'utf-8') throw new Error('The list was said to be UTF-8 but is not.');
    return read('windows-1252', windows1252Chunks);
  }
}

/** Byte ranges of `chunkBytes` over the file or over a part of it, the last one flagged. */
function* byteRanges(length: number, chunkBytes: number, part?: ListPart): Generator<{ start: number; end: number; last: boolean }> {
  let to = part ? undefined : length;
  for (let start = part?.from ?? 0; ; start += chunkBytes) {
    const end = start + chunkBytes;
    if (to === undefined && end > part!.endsAfter) {
      to = part!.end();
      if (to < start || to > length) throw new Error(`A list part cannot end at byte ${to} (reading at ${start}).`);
    }
    if (to !== undefined && end >= to) {
      yield { start, end: to, last: true };
      return;
    }
    yield { start, end, last: false };
  }
}

/** Strict UTF-8, as decodeListBytes reads it (BOM dropped); a byte sequence that is not UTF-8 raises NotUtf8. */
function* utf8Chunks(bytes: Uint8Array, chunkBytes: number, part?: ListPart): Generator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const { start, end, last } of byteRanges(bytes.length, chunkBytes, part)) {
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(start, end), { stream: !last });
    } catch {
      throw new NotUtf8();
    }
    yield text;
  }
}

/** Windows-1252 is one byte per character, so any cut is a character boundary. */
function* windows1252Chunks(bytes: Uint8Array, chunkBytes: number, part?: ListPart): Generator<string> {
  for (const { start, end } of byteRanges(bytes.length, chunkBytes, part)) yield decodeWindows1252(bytes.subarray(start, end));
}

/** The file's first megabyte of text: the delimiter and line break are guessed on it, as on the whole text. */
function readHead(chunks: Iterator<string>): { head: string; rest: IteratorResult<string> } {
  let head = '';
  let rest = chunks.next();
  while (!rest.done && head.length < guessChars) {
    head += rest.value;
    rest = chunks.next();
  }
  // Papa.parse strips a BOM left in a string (TextDecoder already dropped the first one).
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  return { head, rest };
}

function guessDialect(head: string): Omit<ListDialect, 'firstRecord'> {
  const delimiter = detectDelimiter(head);
  const newline = Papa.parse<string[]>(head.substring(0, guessChars), { delimiter, quoteChar: '"', preview: 1 }).meta.linebreak as ListNewline;
  return { delimiter, newline };
}

function headDialect(chunks: Iterator<string>): ListDialect {
  const { head, rest } = readHead(chunks);
  const dialect = guessDialect(head);
  return { ...dialect, firstRecord: firstRecordOfHead(head, dialect, rest.done === true) };
}

/** The first non-blank record of the whole reading's first chunk (the head); null when the head holds no whole one. */
function firstRecordOfHead(head: string, { delimiter, newline }: Omit<ListDialect, 'firstRecord'>, headIsWholeFile: boolean): string[] | null {
  // A few rows are enough nearly always: papaparse's first rows do not depend on what follows them.
  for (const preview of [16, 0]) {
    const records = new Papa.Parser({ delimiter, quoteChar: '"', newline, preview }).parse(head, 0, !headIsWholeFile) as Papa.ParseResult<string[]>;
    if (records.errors.some((error) => error.code === 'MissingQuotes')) return null;
    const first = records.data.find((record) => !isBlankRecord(record));
    if (first) return first;
  }
  return null;
}

function parseChunks(encoding: TextEncoding, readChunks: (part?: ListPart) => Iterator<string>, options: ParseListOptions): ParsedListBytes {
  const sink = options.sink();
  const part = options.part;
  let partial = '';
  /** Records papaparse returned before this chunk, blank ones included (its error rows count them). */
  let recordsBefore = 0;
  let firstRecord: string[] | null = null;
  const whole = readChunks();
  const { head, rest } = readHead(whole);
  const { delimiter, newline } = guessDialect(head);
  let pending: IteratorResult<string>;
  let following: IteratorResult<string>;
  let chunks = whole;
  if (!part) {
    pending = { done: false, value: head };
    following = rest;
  } else {
    chunks = readChunks(part);
    pending = chunks.next();
    following = pending.done ? pending : chunks.next();
    if (part.from === 0 && !pending.done && pending.value.charCodeAt(0) === 0xfeff) pending = { done: false, value: pending.value.slice(1) };
    if (part.from > 0) {
      // A later part: the file's first record (its header or its first row) was read by the part before.
      firstRecord = firstRecordOfHead(head, { delimiter, newline }, rest.done === true);
      if (firstRecord === null) throw new Error('A later list part needs a whole first record in the first megabyte.');
      sink.first(firstRecord);
    }
  }
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
