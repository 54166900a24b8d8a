/**
 * Report columns (guide §5 for SMS, §7 for VMS) and how a header is read: report
 * columns are found by name (case and surrounding spaces ignored), never by position,
 * and every other column is the original list's, kept in order.
 */
import type { ReportChannel } from './status-codes';

export const SMS_REPORT_COLUMNS = [
  'REF_LIST',
  'ID_LINE',
  'INT_MOBILE',
  'STATUS_CODE',
  'STATUS_TEXT',
  'DELIVERYDATE',
  'REPLY',
  'PREVIEW',
  'PREVIEW_COUNTER',
  'TRACK_1',
  'TRACK_1_COUNTER',
  'TRACK_2',
  'TRACK_2_COUNTER',
  'TRACK_3',
  'TRACK_3_COUNTER',
  'MF_ALLOW',
  'MF_VALID',
  'MF_COUNTRY',
] as const;

export const VMS_REPORT_COLUMNS = [
  'REF_LIST',
  'ID_LINE',
  'INT_MOBILE',
  'STATUS_CODE',
  'STATUS_TEXT',
  'DELIVERYDATE',
  'MF_ALLOW',
  'MF_VALID',
  'MF_COUNTRY',
] as const;

export type ReportColumnName = (typeof SMS_REPORT_COLUMNS)[number];

export const REPORT_COLUMNS_BY_CHANNEL: Readonly<Record<ReportChannel, readonly ReportColumnName[]>> = {
  sms: SMS_REPORT_COLUMNS,
  vms: VMS_REPORT_COLUMNS,
};

/** Columns only SMS reports have; their presence says "SMS". */
const SMS_ONLY_COLUMNS: readonly ReportColumnName[] = ['REPLY', 'PREVIEW_COUNTER', 'TRACK_1_COUNTER'];

/** Without these the file cannot be summarised. */
export const REQUIRED_REPORT_COLUMNS: readonly ReportColumnName[] = ['INT_MOBILE', 'STATUS_CODE'];

export interface ReportHeader {
  channel: ReportChannel;
  /** Column names as written in the file. */
  columns: string[];
  /** Index of each report column found (first occurrence), -1 when absent. */
  indexOf: Record<ReportColumnName, number>;
  /** The channel's report columns that are absent (a warning, not an error, unless required). */
  missingColumns: ReportColumnName[];
  /** Indices of the original list's columns, in file order. */
  originalColumnIndices: number[];
}

const normalise = (name: string): string => name.trim().toUpperCase();

/** Reads a header. `channel` forces the channel (known from the drop); otherwise it is detected. */
export function readReportHeader(columns: readonly string[], channel?: ReportChannel): ReportHeader {
  const indexOf = Object.fromEntries(SMS_REPORT_COLUMNS.map((name) => [name, -1])) as Record<ReportColumnName, number>;
  const reportNames = new Set<string>(SMS_REPORT_COLUMNS);
  const claimed = new Set<number>();
  columns.forEach((raw, index) => {
    const name = normalise(raw);
    if (reportNames.has(name) && indexOf[name as ReportColumnName] === -1) {
      indexOf[name as ReportColumnName] = index;
      claimed.add(index);
    }
  });
  const detected: ReportChannel = SMS_ONLY_COLUMNS.some((name) => indexOf[name] >= 0) ? 'sms' : 'vms';
  const finalChannel = channel ?? detected;
  // A VMS report has no SMS-only columns: if the list itself had a column called
  // REPLY, it belongs to the list, not to the report.
  if (finalChannel === 'vms') {
    for (const name of SMS_REPORT_COLUMNS) {
      if (!(VMS_REPORT_COLUMNS as readonly string[]).includes(name) && indexOf[name] >= 0) {
        claimed.delete(indexOf[name]);
        indexOf[name] = -1;
      }
    }
  }
  return {
    channel: finalChannel,
    columns: [...columns],
    indexOf,
    missingColumns: REPORT_COLUMNS_BY_CHANNEL[finalChannel].filter((name) => indexOf[name] < 0),
    originalColumnIndices: columns.map((_, index) => index).filter((index) => !claimed.has(index)),
  };
}
