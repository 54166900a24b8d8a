/**
 * How the report's recipient table reads in the user's words (issue 11 §10):
 * the list's own columns first, in the list's order, with its mobile column
 * shown as the number MediasFlow dialled (INT_MOBILE, written the French way
 * by the screen), then the status in words; MediasFlow's own columns (codes,
 * line numbers, raw dates, MF_* flags) go under each row's "Détails".
 *
 * MediasFlow appends every column of the dropped file to its report (guide
 * §4.1/§4.2), so the list's columns are joined by MediasFlow itself, row by
 * row; nothing is matched by position here.
 */
import { isMobileColumnName } from '../lists/mobile-column';
import { readReportHeader } from './report-columns';
import type { ReportChannel } from './status-codes';

export interface RecipientColumn {
  /** Index in the report row. */
  index: number;
  name: string;
  /** The list's mobile column: shown as the formatted INT_MOBILE (its raw value stays in the details). */
  number?: true;
}

export interface RecipientLayout {
  /** The list's columns, in file order (the mobile column flagged `number`). */
  listColumns: RecipientColumn[];
  /** Index of INT_MOBILE, -1 when absent. */
  intMobile: number;
  /** Index of STATUS_CODE, -1 when absent. */
  statusCode: number;
  /** Index of STATUS_TEXT, -1 when absent. */
  statusText: number;
  /** Index of MF_COUNTRY, -1 when absent. */
  country: number;
  /** MediasFlow's columns (and the raw mobile cell), for "Détails". */
  detailColumns: RecipientColumn[];
}

export function recipientLayout(columns: readonly string[], channel: ReportChannel): RecipientLayout {
  const header = readReportHeader(columns, channel);
  const { indexOf } = header;
  const listColumns: RecipientColumn[] = header.originalColumnIndices.map((index) => ({ index, name: columns[index] }));
  // The dropped file names its number column SMS, PORTABLE, MOBILE or GSM (guide §2.1): the first one is the number.
  const mobile = listColumns.find((column) => isMobileColumnName(column.name));
  if (mobile && indexOf.INT_MOBILE >= 0) mobile.number = true;
  // Without any list column (a report of a file with only a number), the number still comes first.
  if (!mobile && indexOf.INT_MOBILE >= 0) listColumns.unshift({ index: indexOf.INT_MOBILE, name: columns[indexOf.INT_MOBILE], number: true });
  const shownAsNumber = listColumns.find((column) => column.number)?.index ?? -1;
  const detailColumns: RecipientColumn[] = columns
    .map((name, index) => ({ index, name }))
    .filter(({ index }) => !header.originalColumnIndices.includes(index) || index === shownAsNumber);
  return {
    listColumns,
    intMobile: indexOf.INT_MOBILE,
    statusCode: indexOf.STATUS_CODE,
    statusText: indexOf.STATUS_TEXT,
    country: indexOf.MF_COUNTRY,
    detailColumns,
  };
}
