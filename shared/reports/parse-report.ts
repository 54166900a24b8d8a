/**
 * Parses a MediasFlow report into a compact, columnar table: one typed array per
 * figure the charts need, plus the decoded text and each record's character range so
 * any row can be re-read on demand (drill-down, export, opt-outs). A 1,000,000-row
 * report becomes ~30 MB of typed arrays instead of a million objects, and every
 * typed array can be transferred out of a Web Worker without copying.
 */
import { createFieldSpans, readCsvRecord, scanCsvRecords, spanText } from './csv-record-scanner';
import { readParisDeliveryDate } from './delivery-date';
import { readReportHeader, REQUIRED_REPORT_COLUMNS, type ReportColumnName, type ReportHeader } from './report-columns';
import { decodeReportBytes, type ReportTextEncoding } from './report-encoding';
import { isFrenchPlanCountry, overseasTerritoryAt, reportRowCountry } from './report-territory';
import { categoryIndexTable, CATEGORY_INDEX, categoryOfCode, statusCodeInfo, type ReportChannel } from './status-codes';

/** Bits of ParsedReport.flags. */
export const ROW_HAS_REPLY = 1;
export const ROW_MF_ALLOW_FALSE = 2;
export const ROW_MF_VALID_FALSE = 4;

export interface ParsedReport {
  channel: ReportChannel;
  header: ReportHeader;
  encoding: ReportTextEncoding;
  /** The decoded file (BOM removed). Rows are ranges of it. */
  text: string;
  rowCount: number;
  /** Character range of each record in `text` (line break excluded). */
  rowStarts: Uint32Array;
  rowEnds: Uint32Array;
  /** STATUS_CODE as a number; a code that is not a whole number is -(1 + its index in textualCodes). */
  codes: Int32Array;
  /** Status codes that are not whole numbers (empty included), indexed by -(code) - 1. */
  textualCodes: string[];
  /** Index in REPORT_CATEGORIES. */
  categories: Uint8Array;
  /** DELIVERYDATE as epoch ms; NaN when empty or unreadable. */
  deliveredAt: Float64Array;
  /** TRACK_1/2/3_COUNTER summed. */
  clicks: Uint32Array;
  /** PREVIEW_COUNTER. */
  previews: Uint32Array;
  /** ROW_HAS_REPLY | ROW_MF_ALLOW_FALSE | ROW_MF_VALID_FALSE. */
  flags: Uint8Array;
  /** Index in `countries` (MF_COUNTRY, upper case, '' when empty; an overseas territory's code when MF_COUNTRY is empty or FR). */
  countryIds: Uint16Array;
  countries: string[];
  /** STATUS_TEXT first seen for codes the spec table does not know (so they can be shown as written). */
  unknownCodeTexts: Record<string, string>;
  /** DELIVERYDATE values that were not empty but not dd/MM/yyyy HH:mm:ss either. */
  unreadableDates: number;
  /** Rows with fewer fields than the header (missing fields read as empty). */
  shortRows: number;
}

export type ReportFormatErrorCode = 'empty-file' | 'missing-columns';

/** A file that is not a readable report. `messageKey` is in the reports i18n namespace. */
export class ReportFormatError extends Error {
  constructor(
    readonly code: ReportFormatErrorCode,
    message: string,
    readonly messageKey: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ReportFormatError';
  }
}

export interface ParseReportOptions {
  /** Known channel of the drop; detected from the columns when absent. */
  channel?: ReportChannel;
}

/** Decodes (UTF-8 or Windows-1252) and parses report bytes. */
export function parseReportBytes(bytes: Uint8Array, options: ParseReportOptions = {}): ParsedReport {
  const { text, encoding } = decodeReportBytes(bytes);
  return parseReportText(text, options, encoding);
}

const SLOT_COLUMNS: readonly ReportColumnName[] = [
  'STATUS_CODE',
  'STATUS_TEXT',
  'DELIVERYDATE',
  'REPLY',
  'PREVIEW_COUNTER',
  'TRACK_1_COUNTER',
  'TRACK_2_COUNTER',
  'TRACK_3_COUNTER',
  'MF_ALLOW',
  'MF_VALID',
  'MF_COUNTRY',
  'INT_MOBILE',
];
const [S_CODE, S_TEXT, S_DATE, S_REPLY, S_PREVIEW, S_TRACK1, S_TRACK2, S_TRACK3, S_ALLOW, S_VALID, S_COUNTRY, S_MOBILE] = SLOT_COLUMNS.map(
  (_, slot) => slot,
);

export function parseReportText(text: string, options: ParseReportOptions = {}, encoding: ReportTextEncoding = 'utf-8'): ParsedReport {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let headerStart = 0;
  while (headerStart < text.length && (text[headerStart] === '\n' || text[headerStart] === '\r')) headerStart++;
  if (headerStart >= text.length) {
    throw new ReportFormatError('empty-file', 'Le fichier de rapport est vide. Téléchargez-le à nouveau.', 'errors.emptyFile');
  }
  const { fields: headerFields, next: bodyStart } = readCsvRecord(text, headerStart);
  const header = readReportHeader(headerFields, options.channel);
  const missingRequired = REQUIRED_REPORT_COLUMNS.filter((name) => header.indexOf[name] < 0);
  if (missingRequired.length > 0) {
    throw new ReportFormatError(
      'missing-columns',
      `Ce fichier n'est pas un rapport MediasFlow : colonnes ${missingRequired.join(', ')} absentes. Vérifiez que vous avez choisi le fichier de rapport et non la liste déposée.`,
      'errors.missingColumns',
      { columns: missingRequired },
    );
  }

  const slotOfColumn = new Int32Array(headerFields.length).fill(-1);
  SLOT_COLUMNS.forEach((name, slot) => {
    const column = header.indexOf[name];
    if (column >= 0) slotOfColumn[column] = slot;
  });
  const columnCount = headerFields.length;

  let capacity = estimateRecordCount(text, bodyStart);
  let rowStarts = new Uint32Array(capacity);
  let rowEnds = new Uint32Array(capacity);
  let codes = new Int32Array(capacity);
  let categories = new Uint8Array(capacity);
  let deliveredAt = new Float64Array(capacity);
  let clicks = new Uint32Array(capacity);
  let previews = new Uint32Array(capacity);
  let flags = new Uint8Array(capacity);
  let countryIds = new Uint16Array(capacity);

  const channel = header.channel;
  const categoryByCode = categoryIndexTable(channel);
  const textualCodes: string[] = [];
  const textualCodeIds = new Map<string, number>();
  const countries: string[] = [];
  /** Per country id: whether it is '' or a French-plan region (FR, GP, RE…), whose rows the number rule may name more precisely. */
  const frenchPlanCountry: boolean[] = [];
  const countryIdByName = new Map<string, number>();
  const countryIdByKey = new Map<number, number>();
  const unknownCodeTexts: Record<string, string> = {};
  let unreadableDates = 0;
  let shortRows = 0;
  let rowCount = 0;
  const spans = createFieldSpans(SLOT_COLUMNS.length);
  const { starts, ends } = spans;

  const grow = (): void => {
    capacity = Math.max(16, capacity * 2);
    const resize = <T extends Uint32Array | Int32Array | Uint8Array | Float64Array | Uint16Array>(array: T, make: (n: number) => T): T => {
      const bigger = make(capacity);
      bigger.set(array);
      return bigger;
    };
    rowStarts = resize(rowStarts, (n) => new Uint32Array(n));
    rowEnds = resize(rowEnds, (n) => new Uint32Array(n));
    codes = resize(codes, (n) => new Int32Array(n));
    categories = resize(categories, (n) => new Uint8Array(n));
    deliveredAt = resize(deliveredAt, (n) => new Float64Array(n));
    clicks = resize(clicks, (n) => new Uint32Array(n));
    previews = resize(previews, (n) => new Uint32Array(n));
    flags = resize(flags, (n) => new Uint8Array(n));
    countryIds = resize(countryIds, (n) => new Uint16Array(n));
  };

  scanCsvRecords(text, bodyStart, slotOfColumn, spans, (recordStart, recordEnd, fieldCount) => {
    if (rowCount === capacity) grow();
    const row = rowCount++;
    rowStarts[row] = recordStart;
    rowEnds[row] = recordEnd;
    if (fieldCount < columnCount) shortRows++;

    // STATUS_CODE
    let code = readWholeNumber(text, starts[S_CODE], ends[S_CODE]);
    let category: number;
    if (code >= 0) {
      category = code < 256 ? categoryByCode[code] : CATEGORY_INDEX[categoryOfCode(channel, code)];
      if (category === CATEGORY_INDEX.other && !statusCodeInfo(channel, code)) {
        const key = String(code);
        if (!(key in unknownCodeTexts)) unknownCodeTexts[key] = spanText(text, spans, S_TEXT).trim();
      }
    } else {
      const raw = spanText(text, spans, S_CODE).trim();
      let id = textualCodeIds.get(raw);
      if (id === undefined) {
        id = textualCodes.length;
        textualCodes.push(raw);
        textualCodeIds.set(raw, id);
        unknownCodeTexts[raw] = spanText(text, spans, S_TEXT).trim();
      }
      code = -(1 + id);
      category = CATEGORY_INDEX.other;
    }
    codes[row] = code;
    categories[row] = category;

    // DELIVERYDATE
    const dateStart = starts[S_DATE];
    const dateEnd = ends[S_DATE];
    const instant = dateEnd > dateStart ? readParisDeliveryDate(text, dateStart, dateEnd) : NaN;
    if (instant !== instant && dateEnd > dateStart && !isBlank(text, dateStart, dateEnd)) unreadableDates++;
    deliveredAt[row] = instant;

    // Engagement (SMS only; spans are empty for VMS).
    clicks[row] =
      readCounter(text, starts[S_TRACK1], ends[S_TRACK1]) +
      readCounter(text, starts[S_TRACK2], ends[S_TRACK2]) +
      readCounter(text, starts[S_TRACK3], ends[S_TRACK3]);
    previews[row] = readCounter(text, starts[S_PREVIEW], ends[S_PREVIEW]);

    let rowFlags = 0;
    if (!isBlank(text, starts[S_REPLY], ends[S_REPLY])) rowFlags |= ROW_HAS_REPLY;
    if (isFalseWord(text, starts[S_ALLOW], ends[S_ALLOW])) rowFlags |= ROW_MF_ALLOW_FALSE;
    if (isFalseWord(text, starts[S_VALID], ends[S_VALID])) rowFlags |= ROW_MF_VALID_FALSE;
    flags[row] = rowFlags;

    // MF_COUNTRY: a handful of distinct values, interned by their (upper-cased) characters.
    const countryKey = shortWordKey(text, starts[S_COUNTRY], ends[S_COUNTRY]);
    let countryId = countryKey >= 0 ? countryIdByKey.get(countryKey) : undefined;
    if (countryId === undefined) {
      const country = spanText(text, spans, S_COUNTRY).trim().toUpperCase();
      countryId = countryIdByName.get(country);
      if (countryId === undefined) {
        countryId = countries.length;
        countries.push(country);
        countryIdByName.set(country, countryId);
      }
      if (countryKey >= 0) countryIdByKey.set(countryKey, countryId);
    }
    // An overseas number with no country (or FR, or RE for a Mayotte number) gets its territory from the number rule (issue 11 §12).
    if (frenchPlanCountry[countryId] === undefined) frenchPlanCountry[countryId] = isFrenchPlanCountry(countries[countryId]);
    if (frenchPlanCountry[countryId]) {
      const territory = reportRowCountry(countries[countryId], overseasTerritoryAt(text, starts[S_MOBILE], ends[S_MOBILE]));
      if (territory !== countries[countryId]) {
        let territoryId = countryIdByName.get(territory);
        if (territoryId === undefined) {
          territoryId = countries.length;
          countries.push(territory);
          countryIdByName.set(territory, territoryId);
        }
        countryId = territoryId;
      }
    }
    countryIds[row] = countryId;
  });

  const fit = <T extends { length: number; slice(start: number, end: number): T }>(array: T): T =>
    array.length === rowCount ? array : array.slice(0, rowCount);
  return {
    channel,
    header,
    encoding,
    text,
    rowCount,
    rowStarts: fit(rowStarts),
    rowEnds: fit(rowEnds),
    codes: fit(codes),
    textualCodes,
    categories: fit(categories),
    deliveredAt: fit(deliveredAt),
    clicks: fit(clicks),
    previews: fit(previews),
    flags: fit(flags),
    countryIds: fit(countryIds),
    countries,
    unknownCodeTexts,
    unreadableDates,
    shortRows,
  };
}

/** Upper bound of the number of records: line breaks after the header, plus one. */
function estimateRecordCount(text: string, from: number): number {
  let lines = 1;
  let at = text.indexOf('\n', from);
  while (at >= 0) {
    lines++;
    at = text.indexOf('\n', at + 1);
  }
  if (lines === 1) {
    at = text.indexOf('\r', from);
    while (at >= 0) {
      lines++;
      at = text.indexOf('\r', at + 1);
    }
  }
  return lines;
}

/** A non-negative whole number (spaces around allowed), or -1. Values past 2^31 - 1 are not codes: -1. */
function readWholeNumber(text: string, start: number, end: number): number {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (start === end || end - start > 10) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value <= 0x7fffffff ? value : -1;
}

/** Counters: empty or unreadable count as 0. */
function readCounter(text: string, start: number, end: number): number {
  if (start === end) return 0;
  const value = readWholeNumber(text, start, end);
  return value > 0 ? value : 0;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** MF_ALLOW / MF_VALID: the spec writes True/False; 'faux' and '0' are read as false too. Case and spaces ignored. */
function isFalseWord(text: string, start: number, end: number): boolean {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  const length = end - start;
  if (length === 1) return text.charCodeAt(start) === 48;
  if (length === 4) return matchesLowerAscii(text, start, 'faux');
  if (length === 5) return matchesLowerAscii(text, start, 'false');
  return false;
}

function matchesLowerAscii(text: string, start: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(start + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * A number identifying a value of up to 3 characters once trimmed and upper-cased
 * (0 for empty), or -1 for longer values or ones with surrounding spaces/escapes.
 * Lets MF_COUNTRY ('FR') be interned without allocating a string per row.
 */
function shortWordKey(text: string, start: number, end: number): number {
  const length = end - start;
  if (length > 3) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 34) return -1;
    if (c >= 97 && c <= 122) c -= 32;
    key = key * 65536 + c;
  }
  return key;
}

/** The code of row `row` as the file wrote it ('21', '999', 'ABC', ''). */
export function codeKeyAt(parsed: ParsedReport, row: number): string {
  const code = parsed.codes[row];
  return code >= 0 ? String(code) : parsed.textualCodes[-code - 1];
}

/** All fields of one row, in header order (missing trailing fields are ''). */
export function readReportRow(parsed: ParsedReport, row: number): string[] {
  const { fields } = readCsvRecord(parsed.text, parsed.rowStarts[row], parsed.rowEnds[row]);
  const width = parsed.header.columns.length;
  while (fields.length < width) fields.push('');
  return fields;
}
