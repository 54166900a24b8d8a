import type { InvalidReason, RowStatus } from './list-types';
import { checkMobileNumberWithLibphonenumber } from './validate-number';
import { classifyFrenchNumber, fastCountryCodes, fastCountrySlotOf, fastNumberOf, fastVerdict } from './fast-french-mobile';
import { NumberSet } from './number-set';
import type { ColumnarTable } from './columnar-table';
import { asListRows, tableOf, type RowsLike } from './list-rows';

/** Row status codes in the compact per-row arrays (one byte per row). */
export const statusCode = { valid: 0, invalid: 1, duplicate: 2, unchecked: 3 } as const;
export const reasonCodes: readonly (InvalidReason | undefined)[] = [undefined, 'empty', 'malformed', 'landline', 'not-mobile'];
const reasonCodeOf: Record<InvalidReason, number> = { empty: 1, malformed: 2, landline: 3, 'not-mobile': 4 };

/**
 * The verdict for every row, in flat typed arrays: a 1,000,000-row list costs
 * about 20 MB and allocates no object per row (which also keeps the garbage
 * collector quiet while a million parsed rows sit in the heap).
 */
export interface ListChecks {
  /** Column the numbers were read from; null → every row is `unchecked`. */
  mobileColumn: number | null;
  status: Uint8Array;
  /** Index into `reasonCodes` for invalid rows, 0 otherwise. */
  reason: Uint8Array;
  /** International digits as a number for valid and duplicate rows (33612345678), 0 otherwise. */
  normalized: Float64Array;
  /** Index into `countryCodes` for valid and duplicate rows, 0 otherwise. */
  country: Uint16Array;
  /** ISO codes by index; index 0 is ''. */
  countryCodes: string[];
}

/**
 * Validates the mobile column of every row (fast path, then libphonenumber for
 * the rest), then marks duplicates: a valid row whose normalised number
 * appeared on an earlier valid row (the first occurrence is kept).
 */
export function checkRows(rowsLike: RowsLike, mobileColumn: number | null): ListChecks {
  const rows = asListRows(rowsLike);
  const table = tableOf(rows);
  if (table) return checkColumnarRows(table, mobileColumn);
  if (mobileColumn === null) return uncheckedRows(rows.length);
  const count = rows.length;
  const validator = createRowValidator(['', 'FR'], count);
  for (let i = 0; i < count; i++) validator.validate(i, rows.value(i, mobileColumn));
  const { reason, normalized, country, countryCodes } = validator;
  return { mobileColumn, status: markDuplicates(normalized), reason, normalized, country, countryCodes };
}

/** The same as `checkRows`, reading the mobile column of a columnar table (no row array is built). */
export function checkColumnarRows(table: ColumnarTable, mobileColumn: number | null): ListChecks {
  if (mobileColumn === null) return uncheckedRows(table.rowCount);
  const count = table.rowCount;
  const validator = createRowValidator(['', 'FR'], count);
  const column = table.columns[mobileColumn];
  if (column !== undefined) {
    const { text, ends } = column;
    let start = 0;
    for (let i = 0; i < count; i++) {
      const end = ends[i];
      validator.validate(i, text.slice(start, end));
      start = end;
    }
  } else {
    for (let i = 0; i < count; i++) validator.validate(i, '');
  }
  const { reason, normalized, country, countryCodes } = validator;
  return { mobileColumn, status: markDuplicates(normalized), reason, normalized, country, countryCodes };
}

export function uncheckedRows(count: number): ListChecks {
  const status = new Uint8Array(count).fill(statusCode.unchecked);
  return {
    mobileColumn: null,
    status,
    reason: new Uint8Array(count),
    normalized: new Float64Array(count),
    country: new Uint16Array(count),
    countryCodes: [''],
  };
}

/**
 * Fills the per-row verdict arrays one row at a time. Starts from a copy of an
 * existing country table so indices of already-checked rows stay valid.
 */
export function createRowValidator(countryCodes: readonly string[], count: number, from?: Pick<ListChecks, 'reason' | 'normalized' | 'country'>) {
  const codes = countryCodes.slice();
  const countryIndex = new Map(codes.map((code, index) => [code, index]));
  if (!countryIndex.has('FR')) countryIndex.set('FR', codes.push('FR') - 1);
  const french = countryIndex.get('FR')!;
  /** Country index of each fast-path country slot, filled on first use (slot 0 is FR). */
  const slotIndex = new Int32Array(fastCountryCodes.length).fill(-1);
  slotIndex[0] = french;
  const indexOf = (code: string) => {
    let index = countryIndex.get(code);
    if (index === undefined) {
      index = codes.push(code) - 1;
      countryIndex.set(code, index);
    }
    return index;
  };
  let reason = new Uint8Array(count);
  let normalized = new Float64Array(count);
  let country = new Uint16Array(count);
  if (from) {
    reason.set(from.reason.subarray(0, count));
    normalized.set(from.normalized.subarray(0, count));
    country.set(from.country.subarray(0, count));
  }
  function validate(i: number, value: string): void {
    reason[i] = 0;
    normalized[i] = 0;
    country[i] = 0;
    const verdict = classifyFrenchNumber(value);
    if (verdict > 0) {
      const slot = fastCountrySlotOf(verdict);
      if (slot === 0) {
        normalized[i] = verdict;
        country[i] = french;
      } else {
        normalized[i] = fastNumberOf(verdict);
        if (slotIndex[slot] < 0) slotIndex[slot] = indexOf(fastCountryCodes[slot]);
        country[i] = slotIndex[slot];
      }
    } else if (verdict === fastVerdict.landline) {
      reason[i] = reasonCodeOf.landline;
    } else if (verdict === fastVerdict.notMobile) {
      reason[i] = reasonCodeOf['not-mobile'];
    } else if (verdict === fastVerdict.malformed) {
      reason[i] = reasonCodeOf.malformed;
    } else {
      const check = checkMobileNumberWithLibphonenumber(value);
      if (check.valid) {
        normalized[i] = Number(check.normalized);
        country[i] = indexOf(check.country);
      } else {
        reason[i] = reasonCodeOf[check.reason];
      }
    }
  }
  /** Rows another validator checked (the later part of a file read on two threads), as rows `at…` of this one. */
  function append(at: number, later: CheckedRows): void {
    reserve(at + later.rowCount);
    reason.set(later.reason.subarray(0, later.rowCount), at);
    normalized.set(later.normalized.subarray(0, later.rowCount), at);
    // The other validator numbered its countries in its own order of first use; this one's order goes on from its own.
    const countryOf = later.countryCodes.map(indexOf);
    for (let i = 0; i < later.rowCount; i++) country[at + i] = countryOf[later.country[i]];
  }
  /** Room for `needed` rows (streaming checks do not know the count in advance). */
  function reserve(needed: number): void {
    if (needed <= reason.length) return;
    const capacity = Math.max(needed, reason.length * 2, 1024);
    const grownReason = new Uint8Array(capacity);
    grownReason.set(reason);
    const grownNormalized = new Float64Array(capacity);
    grownNormalized.set(normalized);
    const grownCountry = new Uint16Array(capacity);
    grownCountry.set(country);
    reason = grownReason;
    normalized = grownNormalized;
    country = grownCountry;
  }
  return {
    validate,
    append,
    reserve,
    get reason() {
      return reason;
    },
    get normalized() {
      return normalized;
    },
    get country() {
      return country;
    },
    countryCodes: codes,
  };
}

export type RowValidator = ReturnType<typeof createRowValidator>;

/** Verdicts of consecutive rows before duplicates are marked, as a validator leaves them. */
export interface CheckedRows {
  rowCount: number;
  reason: Uint8Array;
  normalized: Float64Array;
  country: Uint16Array;
  countryCodes: readonly string[];
}

/** The checks of the first `count` rows a (reserved, streaming) validator saw. */
export function finishChecks(mobileColumn: number, validator: RowValidator, count: number): ListChecks {
  const reason = validator.reason.slice(0, count);
  const normalized = validator.normalized.slice(0, count);
  const country = validator.country.slice(0, count);
  return { mobileColumn, status: markDuplicates(normalized), reason, normalized, country, countryCodes: validator.countryCodes };
}

/** Status from the normalised numbers: 0 → invalid, first occurrence → valid, later ones → duplicate. */
export function markDuplicates(normalized: Float64Array): Uint8Array {
  const status = new Uint8Array(normalized.length);
  const seen = new NumberSet(normalized.length);
  for (let i = 0; i < normalized.length; i++) {
    const number = normalized[i];
    if (number === 0) status[i] = statusCode.invalid;
    else if (!seen.add(number)) status[i] = statusCode.duplicate;
  }
  return status;
}

/** Status as the contract names it; unchecked rows (no mobile column yet) read as invalid without reason. */
export function rowStatusAt(checks: ListChecks, index: number): RowStatus {
  const code = checks.status[index];
  return code === statusCode.valid ? 'valid' : code === statusCode.duplicate ? 'duplicate' : 'invalid';
}

export function invalidReasonAt(checks: ListChecks, index: number): InvalidReason | undefined {
  return reasonCodes[checks.reason[index]];
}

/** International digits of a valid or duplicate row, '' otherwise. */
export function normalizedAt(checks: ListChecks, index: number): string {
  const number = checks.normalized[index];
  return number === 0 ? '' : String(number);
}

export function countryAt(checks: ListChecks, index: number): string {
  return checks.countryCodes[checks.country[index]];
}
