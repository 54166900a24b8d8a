import type { InvalidReason, RowStatus } from './list-types';
import { checkMobileNumberWithLibphonenumber } from './validate-number';
import { classifyFrenchNumber, fastVerdict } from './fast-french-mobile';
import { NumberSet } from './number-set';

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
export function checkRows(rows: readonly (readonly string[])[], mobileColumn: number | null): ListChecks {
  const count = rows.length;
  const status = new Uint8Array(count);
  const reason = new Uint8Array(count);
  const normalized = new Float64Array(count);
  const country = new Uint16Array(count);
  const countryCodes = ['', 'FR'];
  if (mobileColumn === null) {
    status.fill(statusCode.unchecked);
    return { mobileColumn, status, reason, normalized, country, countryCodes };
  }
  const countryIndex = new Map<string, number>([['FR', 1]]);
  const seen = new NumberSet(count);
  for (let i = 0; i < count; i++) {
    const value = rows[i][mobileColumn] ?? '';
    const verdict = classifyFrenchNumber(value);
    let number = 0;
    if (verdict > 0) {
      number = verdict;
      country[i] = 1;
    } else if (verdict === fastVerdict.landline) {
      reason[i] = reasonCodeOf.landline;
    } else if (verdict === fastVerdict.malformed) {
      reason[i] = reasonCodeOf.malformed;
    } else {
      const check = checkMobileNumberWithLibphonenumber(value);
      if (check.valid) {
        number = Number(check.normalized);
        let index = countryIndex.get(check.country);
        if (index === undefined) {
          index = countryCodes.push(check.country) - 1;
          countryIndex.set(check.country, index);
        }
        country[i] = index;
      } else {
        reason[i] = reasonCodeOf[check.reason];
      }
    }
    if (number === 0) status[i] = statusCode.invalid;
    else {
      normalized[i] = number;
      if (!seen.add(number)) status[i] = statusCode.duplicate;
    }
  }
  return { mobileColumn, status, reason, normalized, country, countryCodes };
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
