/**
 * The local opt-out list: numbers that asked to stop (code 17) or that MediasFlow
 * reports as blacklisted (14, 15, 18, 116), plus the ones the user adds or imports.
 * Lists exclude them by default before a drop.
 *
 * Numbers are international digits without '+' ('33612345678'), the form the list
 * engine's `normalized` uses, so `applyOptOuts` is a set lookup.
 *
 * Merge rule: one entry per number, the EARLIEST date wins (with its reason, code and
 * source). An opt-out is effective from the first time we learned it; seeing it again
 * in the +24 h / +72 h version or in a later campaign must not make it look newer.
 * A user's edit (`upsertOptOut`) replaces the entry as given.
 *
 * The entry date of an extracted opt-out is the report's generation time: the report
 * does not say when STOP was received, only that it had been by then.
 */
import Papa from 'papaparse';
import { toSpreadsheetCsv } from './csv-export';
import { parisWallFieldsToMs } from '../scheduling/paris-time';
import { readReportRow, type ParsedReport } from './parse-report';
import { BLACKLIST_CODES, STOP_CODE } from './status-codes';

export type OptOutReason = 'stop' | 'blacklist' | 'manual';

export interface OptOutEntry {
  /** International digits, no '+'. */
  number: string;
  reason: OptOutReason;
  /** The report's status code, null for manual entries. */
  code: number | null;
  /** ISO instant. */
  date: string;
  /** MediasFlow campaign number the opt-out came from, null for manual entries. */
  sourceCampaign: string | null;
}

export interface OptOutList {
  /** Sorted by number, one entry per number. */
  entries: OptOutEntry[];
}

export function emptyOptOutList(): OptOutList {
  return { entries: [] };
}

/**
 * '+33 6 12 34 56 78', '0033612345678', '06 12 34 56 78' → '33612345678'; null when it
 * is not a phone number. A national number (leading 0, 10 digits) is read as French.
 */
export function normaliseOptOutNumber(value: string): string | null {
  let cleaned = value.trim().replace(/^'/, '').replace(/[\s.\-()/]/g, '');
  if (cleaned.startsWith('+')) cleaned = cleaned.slice(1);
  else if (cleaned.startsWith('00')) cleaned = cleaned.slice(2);
  else if (/^0\d{9}$/.test(cleaned)) cleaned = `33${cleaned.slice(1)}`;
  return /^\d{8,15}$/.test(cleaned) ? cleaned : null;
}

export interface ExtractOptOutsContext {
  /** MediasFlow campaign number of the report. */
  campaignId: string;
  /** When the report was generated (ISO or Date). */
  reportDate: string | Date;
}

/** STOP and blacklist rows of a report, one entry per number (first row wins). */
export function extractOptOuts(parsed: ParsedReport, context: ExtractOptOutsContext): OptOutEntry[] {
  const date = new Date(context.reportDate).toISOString();
  const mobileColumn = parsed.header.indexOf.INT_MOBILE;
  const seen = new Set<string>();
  const entries: OptOutEntry[] = [];
  for (let row = 0; row < parsed.rowCount; row++) {
    const code = parsed.codes[row];
    const isStop = code === STOP_CODE && parsed.channel === 'sms';
    if (!isStop && !BLACKLIST_CODES.has(code)) continue;
    const number = normaliseOptOutNumber(readReportRow(parsed, row)[mobileColumn] ?? '');
    if (number === null || seen.has(number)) continue;
    seen.add(number);
    entries.push({ number, reason: isStop ? 'stop' : 'blacklist', code, date, sourceCampaign: context.campaignId });
  }
  return entries;
}

export interface MergeResult {
  list: OptOutList;
  /** Numbers that were not in the list. */
  added: number;
  /** Numbers already listed whose entry was replaced by an earlier one. */
  updated: number;
}

export function mergeOptOuts(list: OptOutList, incoming: readonly OptOutEntry[]): MergeResult {
  const byNumber = new Map(list.entries.map((entry) => [entry.number, entry]));
  let added = 0;
  let updated = 0;
  for (const entry of incoming) {
    const existing = byNumber.get(entry.number);
    if (!existing) {
      byNumber.set(entry.number, entry);
      added++;
    } else if (Date.parse(entry.date) < Date.parse(existing.date)) {
      byNumber.set(entry.number, entry);
      updated++;
    }
  }
  return { list: fromMap(byNumber), added, updated };
}

/** A user's edit: the entry replaces whatever the list held for that number. */
export function upsertOptOut(list: OptOutList, entry: OptOutEntry): OptOutList {
  const byNumber = new Map(list.entries.map((existing) => [existing.number, existing]));
  byNumber.set(entry.number, entry);
  return fromMap(byNumber);
}

export function removeOptOuts(list: OptOutList, numbers: readonly string[]): OptOutList {
  const removed = new Set(numbers);
  return { entries: list.entries.filter((entry) => !removed.has(entry.number)) };
}

function fromMap(byNumber: Map<string, OptOutEntry>): OptOutList {
  return { entries: [...byNumber.values()].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)) };
}

export function optOutNumberSet(list: OptOutList): Set<string> {
  return new Set(list.entries.map((entry) => entry.number));
}

export interface AppliedOptOuts {
  /** Indices (ascending) of the numbers that opted out. */
  excluded: number[];
  count: number;
}

/**
 * Which of a list's numbers opted out. `normalizedNumbers` are the list engine's
 * international digits (null/undefined for invalid rows, never excluded).
 */
export function applyOptOuts(
  normalizedNumbers: readonly (string | null | undefined)[],
  optOuts: ReadonlySet<string>,
): AppliedOptOuts {
  const excluded: number[] = [];
  normalizedNumbers.forEach((number, index) => {
    if (number && optOuts.has(number.startsWith('+') ? number.slice(1) : number)) excluded.push(index);
  });
  return { excluded, count: excluded.length };
}

export const OPT_OUT_CSV_HEADER = ['NUMERO', 'MOTIF', 'CODE', 'DATE', 'CAMPAGNE'] as const;

/** Spreadsheet CSV (BOM, ';'); `importOptOutsCsv` reads it back. */
export function exportOptOutsCsv(list: OptOutList): string {
  return toSpreadsheetCsv(
    OPT_OUT_CSV_HEADER,
    list.entries.map((entry) => [entry.number, entry.reason, entry.code === null ? '' : String(entry.code), entry.date, entry.sourceCampaign ?? '']),
  );
}

export interface RejectedOptOutLine {
  /** 1-based line in the file. */
  line: number;
  value: string;
}

export interface ImportedOptOuts {
  entries: OptOutEntry[];
  rejected: RejectedOptOutLine[];
}

const NUMBER_HEADERS = new Set(['NUMERO', 'NUMÉRO', 'NUMBER', 'MOBILE', 'PORTABLE', 'GSM', 'SMS', 'INT_MOBILE', 'TELEPHONE', 'TÉLÉPHONE', 'TEL']);
const REASON_HEADERS = new Set(['MOTIF', 'REASON', 'RAISON']);
const CODE_HEADERS = new Set(['CODE', 'STATUS_CODE']);
const DATE_HEADERS = new Set(['DATE']);
const SOURCE_HEADERS = new Set(['CAMPAGNE', 'CAMPAIGN', 'SOURCE', 'SOURCECAMPAIGN']);

/**
 * Reads an opt-out file: our export, or any CSV/TXT with a column of numbers (found by
 * its header, else the first column). Separator ';', ',' or tab. Missing reasons are
 * 'manual', missing dates `defaultDate`. Lines whose number is unreadable are returned
 * in `rejected` so the user sees them.
 */
export function importOptOutsCsv(text: string, options: { defaultDate: string | Date }): ImportedOptOuts {
  const defaultDate = new Date(options.defaultDate).toISOString();
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: 'greedy' });
  const rows = result.data;
  const first = (rows[0] ?? []).map((cell) => cell.trim().toUpperCase());
  const find = (names: Set<string>): number => first.findIndex((cell) => names.has(cell));
  const hasHeader = find(NUMBER_HEADERS) >= 0;
  const columns = hasHeader
    ? { number: find(NUMBER_HEADERS), reason: find(REASON_HEADERS), code: find(CODE_HEADERS), date: find(DATE_HEADERS), source: find(SOURCE_HEADERS) }
    : { number: 0, reason: -1, code: -1, date: -1, source: -1 };
  const entries: OptOutEntry[] = [];
  const rejected: RejectedOptOutLine[] = [];
  rows.slice(hasHeader ? 1 : 0).forEach((cells, index) => {
    const line = index + (hasHeader ? 2 : 1);
    const cell = (column: number): string => (column >= 0 ? (cells[column] ?? '').trim().replace(/^'/, '') : '');
    const number = normaliseOptOutNumber(cell(columns.number));
    if (number === null) {
      rejected.push({ line, value: cell(columns.number) });
      return;
    }
    const reason = cell(columns.reason).toLowerCase();
    const code = /^\d+$/.test(cell(columns.code)) ? Number(cell(columns.code)) : null;
    entries.push({
      number,
      reason: reason === 'stop' || reason === 'blacklist' ? reason : 'manual',
      code,
      date: readImportedDate(cell(columns.date)) ?? defaultDate,
      sourceCampaign: cell(columns.source) || null,
    });
  });
  return { entries, rejected };
}

/** ISO dates, or dd/MM/yyyy[ HH:mm[:ss]] in Paris time (what Excel shows a French user). */
function readImportedDate(value: string): string | null {
  if (value === '') return null;
  const french = /^(\d{2})\/(\d{2})\/(\d{4})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (french) {
    const [, day, month, year, hour = '0', minute = '0', second = '0'] = french;
    const instant = parisWallFieldsToMs(+year, +month, +day, +hour, +minute, +second);
    return Number.isNaN(instant) ? null : new Date(instant).toISOString();
  }
  const iso = Date.parse(value);
  return /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(iso) ? new Date(iso).toISOString() : null;
}
