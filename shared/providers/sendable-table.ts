/**
 * The slice of a checked list the file builders need. The list engine
 * (shared/lists/) produces it: columns, rows, the mobile column and, per row,
 * its check (status and the number in international digits).
 */
import type { RowStatus } from '../lists/list-types';
import type { RowsLike } from '../lists/list-rows';

export interface RowCheck {
  status: RowStatus;
  /** International digits (33612345678) when the row is valid. */
  normalized?: string;
}

export interface SendableTable {
  columns: readonly string[];
  /** The list's rows (the editor's columnar rows, or plain arrays). */
  rows: RowsLike;
  /** Index of the mobile column, or its header. */
  mobileColumn: number | string;
  /** One check per row, same order as rows. */
  checks: readonly RowCheck[];
}

/** Index of the mobile column; throws when the table names a column it does not have. */
export function resolveMobileColumn(table: SendableTable): number {
  const index = typeof table.mobileColumn === 'number' ? table.mobileColumn : table.columns.indexOf(table.mobileColumn);
  if (!Number.isInteger(index) || index < 0 || index >= table.columns.length) {
    throw new RangeError(`Mobile column ${String(table.mobileColumn)} is not a column of the list`);
  }
  return index;
}

/**
 * The number to drop for a row, or null when the row must not be sent:
 * only 'valid' rows with a normalized number go out (invalid rows and the
 * later copies of a duplicate are never sent).
 */
export function sendableNumber(check: RowCheck | undefined): string | null {
  if (!check || check.status !== 'valid') return null;
  const digits = check.normalized ?? '';
  return /^\d{6,15}$/.test(digits) ? digits : null;
}

/** How many rows will be dropped. */
export function countSendable(table: SendableTable): number {
  let count = 0;
  for (let i = 0; i < table.rows.length; i++) if (sendableNumber(table.checks[i]) !== null) count++;
  return count;
}
