/**
 * The whole check of an imported file, used by the list service and by
 * `list check`: decode, detect delimiter and header, parse, find the mobile
 * column, validate every number, mark duplicates, summarise.
 */
import type { Delimiter, ListSummary, TextEncoding } from './list-types';
import { firstRecordIsHeader, generatedColumnName } from './detect-header';
import { findMobileColumn, resolveColumnByName } from './mobile-column';
import { checkRows, createRowValidator, finishChecks, uncheckedRows, type CheckedRows, type ListChecks, type RowValidator } from './check-rows';
import { ColumnStatsAccumulator, summarize, summarizeRowCount, type ColumnStats, type ColumnStatsState } from './summarize';
import type { ListDocument } from './list-document';
import { parseListBytes, type ListPart, type ParseListOptions } from './parse-list-bytes';
import { ColumnarBuilder, type ColumnarTable } from './columnar-table';
import { tableRows } from './list-rows';
import { emptyListError, unknownColumnError } from './list-errors';

export interface CheckListOptions {
  fileName: string;
  /** Column chosen by the user (UI or `--mobile-column`); overrides the detection. */
  mobileColumn?: string;
}

/** What `list check` reports: the figures, without the rows. */
export interface ListCheckFigures {
  fileName: string;
  encoding: TextEncoding;
  delimiter: Delimiter;
  columns: string[];
  /** Whether the first record was read as a header (otherwise columns are Colonne 1…). */
  hasHeader: boolean;
  mobileColumn: string | null;
  mobileColumnCandidates: string[];
  checks: ListChecks;
  /** Per-column figures behind the summary, so an editor can update them column by column. */
  columnStats: readonly ColumnStats[];
  summary: ListSummary;
}

export interface ListCheckResult extends ListCheckFigures {
  /** The rows, column by column, as parsed. */
  columnar: ColumnarTable;
  /** The rows as the editor holds them, built from `columnar` on first use. */
  readonly table: ListDocument;
}

/** The whole check, keeping the rows (column by column) for the editor, the worker and `count`. */
export function checkListBytes(bytes: Uint8Array, options: CheckListOptions): ListCheckResult {
  let builder = new ColumnarBuilder();
  const figures = streamCheck(bytes, options, () => {
    const fresh = new ColumnarBuilder();
    builder = fresh;
    return { add: (records, count) => fresh.add(records, 0, count) };
  });
  const columnar = builder.finish();
  const { columns } = figures;
  const mobileIndex = figures.checks.mobileColumn;
  let table: ListDocument | undefined;
  return {
    ...figures,
    columnar,
    get table() {
      table ??= { columns, rows: tableRows(columnar), mobileColumn: mobileIndex };
      return table;
    },
  };
}

/**
 * The figures only (`list check`): every row is validated and counted as it
 * is parsed, then dropped, so memory stays at a few chunks of the file.
 */
export function checkListFigures(bytes: Uint8Array, options: CheckListOptions): ListCheckFigures {
  return streamCheck(bytes, options, () => null);
}

/** Sees each batch of parsed rows once their numbers are checked, then lets them go. */
export interface CheckedRowsSink {
  /**
   * `records[0…count)` are rows `firstRow…firstRow + count)`; `normalized[firstRow + i]`
   * is row i's international number, 0 when it is not a valid mobile (or no column is checked yet).
   */
  add(records: readonly (readonly string[])[], count: number, firstRow: number, normalized: Float64Array): void;
}

/**
 * The figures, plus every checked batch handed to `sink` as it is parsed (no
 * row is kept): `count --list` counts its messages this way. `sink` is
 * called again for each fresh reading of the file (a file read again as
 * Windows-1252, a mobile column found only after the last row): only the
 * last sink's rows are the list's. `provisionalColumns` are the columns as
 * the first record tells them (the header, or generated names for its
 * width); the result's `columns` can be wider when a later row is.
 */
export function checkListStreaming(
  bytes: Uint8Array,
  options: CheckListOptions,
  sink: (provisionalColumns: readonly string[]) => CheckedRowsSink,
): ListCheckFigures {
  return streamCheck(bytes, options, sink);
}

function streamCheck(bytes: Uint8Array, options: CheckListOptions, rowStore: RowStore, forcedMobile?: number): ListCheckFigures {
  const reading = readRows(bytes, options, rowStore, forcedMobile);
  const figures = finishReading(options, reading);
  // The chosen column is only known once every row's width is: read again in the rare case it is a generated name beyond the header.
  if ('readAgainWith' in figures) return streamCheck(bytes, options, rowStore, figures.readAgainWith ?? undefined);
  return figures;
}

type RowStore = (provisionalColumns: readonly string[]) => CheckedRowsSink | null;

/** What a reading of the file, or of a part of it, gathered before the duplicates and the summary, which need every row. */
interface Reading {
  encoding: TextEncoding;
  delimiter: Delimiter;
  firstRecord: string[] | null;
  hasHeader: boolean;
  header: string[];
  /** The column checked while reading. */
  mobile: number | null;
  rowCount: number;
  width: number;
  validator: RowValidator;
  stats: ColumnStatsAccumulator;
}

function readRows(bytes: Uint8Array, options: CheckListOptions, rowStore: RowStore, forcedMobile?: number, parse: Pick<ParseListOptions, 'encoding' | 'part' | 'chunkBytes'> = {}): Reading {
  let hasHeader = false;
  let header: string[] = [];
  let mobile: number | null = null;
  let rowCount = 0;
  let validator = createRowValidator(['', 'FR'], 0);
  let stats = new ColumnStatsAccumulator();
  let width = 0;
  const { encoding, delimiter, firstRecord } = parseListBytes(bytes, {
    ...parse,
    sink: () => {
      rowCount = 0;
      width = 0;
      validator = createRowValidator(['', 'FR'], 0);
      stats = new ColumnStatsAccumulator();
      let store: CheckedRowsSink | null = null;
      return {
        first(record) {
          hasHeader = firstRecordIsHeader(record);
          header = hasHeader ? record.slice() : [];
          store = rowStore(hasHeader ? header : completeColumns([], record.length));
          mobile = forcedMobile ?? provisionalMobileColumn(header, options);
          return !hasHeader;
        },
        add(records, count) {
          stats.add(records, 0, count);
          validator.reserve(rowCount + count);
          for (let i = 0; i < count; i++) {
            const record = records[i];
            if (record.length > width) width = record.length;
            if (mobile !== null) validator.validate(rowCount + i, record[mobile] ?? '');
          }
          store?.add(records, count, rowCount, validator.normalized);
          rowCount += count;
        },
      };
    },
  });
  return { encoding, delimiter, firstRecord, hasHeader, header, mobile, rowCount, width, validator, stats };
}

/** The figures of a reading of every row, or the column to read the file again with. */
function finishReading(options: CheckListOptions, reading: Reading): ListCheckFigures | { readAgainWith: number | null } {
  const { firstRecord, rowCount, hasHeader, header, width, mobile, validator, stats } = reading;
  if (firstRecord === null || rowCount === 0) throw emptyListError();
  const columns = completeColumns(header, width);
  const detected = findMobileColumn(hasHeader ? columns : []);
  let mobileIndex = detected.index;
  if (options.mobileColumn !== undefined) {
    mobileIndex = resolveColumnByName(columns, options.mobileColumn);
    if (mobileIndex === null) throw unknownColumnError(options.mobileColumn, columns);
  }
  if (mobileIndex !== mobile) return { readAgainWith: mobileIndex };
  const checks = mobileIndex === null ? uncheckedRows(rowCount) : finishChecks(mobileIndex, validator, rowCount);
  const columnStats = stats.finish(columns.length);
  return {
    fileName: options.fileName,
    encoding: reading.encoding,
    delimiter: reading.delimiter,
    columns,
    hasHeader,
    mobileColumn: mobileIndex === null ? null : columns[mobileIndex],
    mobileColumnCandidates: detected.candidates,
    checks,
    columnStats,
    summary: summarizeRowCount(columns, rowCount, checks, columnStats),
  };
}

/** How a part is read: the whole file's encoding (a part alone cannot tell it), the part, and for tests the chunk size. */
export type ListPartReading = { encoding: 'utf-8' | 'windows-1252'; part: ListPart } & Pick<ParseListOptions, 'chunkBytes'>;

/**
 * What the check of a later part of a file hands to the check of the part
 * before it (plain data and typed arrays, to cross threads): its rows'
 * verdicts before duplicates are marked, and its column figures.
 */
export interface LaterPartChecks extends CheckedRows {
  mobile: number | null;
  width: number;
  stats: ColumnStatsState;
}

/**
 * The check of a file read in two parts, a thread each (an import): the
 * first part from byte 0, the later part from a record start
 * (`findRecordStart`) to the end. The first part's `finish` takes the later
 * part's checks and gives the figures the check of the whole file gives.
 * Whatever the split cannot answer (a first part without any record, a
 * mobile column known only after the last row) raises an error: the caller
 * reads the file whole. `finish` takes one later part, once.
 */
export function checkFirstListPart(
  bytes: Uint8Array,
  options: CheckListOptions,
  parse: ListPartReading,
  sink: (provisionalColumns: readonly string[]) => CheckedRowsSink,
): { finish(later: LaterPartChecks): ListCheckFigures } {
  if (parse.part.from !== 0) throw new Error('The first list part starts at byte 0.');
  const reading = readRows(bytes, options, sink, undefined, parse);
  let finished = false;
  return {
    finish(later) {
      if (finished) throw new Error('The first list part was already finished.');
      finished = true;
      if (reading.firstRecord === null) throw new Error('The first list part holds no record: read the file whole.');
      if (later.mobile !== reading.mobile) throw new Error('The two list parts checked different columns: read the file whole.');
      reading.validator.append(reading.rowCount, later);
      reading.stats.append(later.stats);
      reading.rowCount += later.rowCount;
      reading.width = Math.max(reading.width, later.width);
      const figures = finishReading(options, reading);
      if ('readAgainWith' in figures) throw new Error('The mobile column is known only after the last row: read the file whole.');
      return figures;
    },
  };
}

/** The later part's check, for the first part's `finish` (see `checkFirstListPart`). */
export function checkLaterListPart(
  bytes: Uint8Array,
  options: CheckListOptions,
  parse: ListPartReading,
  sink: (provisionalColumns: readonly string[]) => CheckedRowsSink,
): LaterPartChecks {
  if (parse.part.from === 0) throw new Error('A later list part starts after byte 0.');
  const { mobile, rowCount, width, validator, stats } = readRows(bytes, options, sink, undefined, parse);
  return {
    mobile,
    width,
    rowCount,
    reason: validator.reason.slice(0, rowCount),
    normalized: validator.normalized.slice(0, rowCount),
    country: validator.country.slice(0, rowCount),
    countryCodes: validator.countryCodes,
    stats: stats.state(),
  };
}

/** The mobile column as the header alone tells it (the detection never matches a generated name; a user's name usually matches the header exactly). */
function provisionalMobileColumn(header: readonly string[], options: CheckListOptions): number | null {
  if (options.mobileColumn === undefined) return findMobileColumn(header).index;
  return resolveColumnByName(header, options.mobileColumn);
}

/** Validation and figures for a document: what runs again after every edit. */
export function checkDocument(document: ListDocument): { checks: ListChecks; summary: ListSummary } {
  const checks = checkRows(document.rows, document.mobileColumn);
  return { checks, summary: summarize(document.columns, document.rows, checks) };
}

/** Header names, plus generated names for values beyond the header (or for every column without header). */
function completeColumns(header: readonly string[], rowWidth: number): string[] {
  const width = Math.max(header.length, rowWidth);
  const columns = header.slice();
  for (let c = header.length; c < width; c++) columns.push(generatedColumnName(c));
  return columns;
}
