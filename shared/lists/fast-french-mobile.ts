import metadata from 'libphonenumber-js/metadata.max.json';
import type { NumberCheck } from './validate-number';

/**
 * Fast path for the formats that make up nearly every French list: 0612345678,
 * 06 12 34 56 78, 06.12.34.56.78, 06-12-34-56-78, +33 6…, 0033 6…,
 * 33612345678 and 612345678 (leading zero dropped by a spreadsheet).
 *
 * It uses libphonenumber's own rule, built from the same max metadata. For a
 * French national number N, libphonenumber (getNumberType) says:
 * - invalid unless N matches France's national pattern;
 * - FIXED_LINE when N matches the fixed-line type (length and pattern), or
 *   FIXED_LINE_OR_MOBILE when it also matches the mobile type;
 * - otherwise MOBILE when N matches the mobile type.
 * So the fast path answers "valid mobile" (mobile type matches) and
 * "landline" (fixed-line type matches, mobile does not), and "malformed" for
 * national-form digits of the wrong length. Anything else returns undefined
 * and goes through libphonenumber itself; validate-number.test.ts checks both
 * agree on every 06/07 prefix and odd inputs.
 */

/** Layout of a country in libphonenumber-js metadata v4: [2] national pattern, [3] possible lengths, [11] types (FIXED_LINE, MOBILE, …). */
type CountryTuple = [string, string, string, number[], ...unknown[]];
type TypeTuple = [string, number[]?];

const france = (metadata as unknown as { countries: Record<string, CountryTuple> }).countries.FR;
const types = france[11] as (TypeTuple | 0)[];

function typeMatcher(type: TypeTuple | 0): (national: string) => boolean {
  if (!type || !type[0]) return () => false;
  const pattern = new RegExp(`^(?:${type[0]})$`);
  const lengths = new Set(type[1] ?? france[3]);
  return (national) => lengths.has(national.length) && pattern.test(national);
}

const nationalPattern = new RegExp(`^(?:${france[2]})$`);
const isMobileType = typeMatcher(types[1]);
const isFixedLineType = typeMatcher(types[0]);

/**
 * The hot case, 0 + national number written as plain digits, in one regular
 * expression: the same three conditions (national pattern, a possible mobile
 * length, mobile pattern) as lookaheads after the leading 0, so no substring
 * is cut for the 0612345678 that make up most lists.
 */
const mobileType = types[1] as TypeTuple;
const mobileLengthsPattern = [...new Set(mobileType[1] ?? france[3])].map((length) => `\\d{${length}}`).join('|');
const zeroPrefixedMobile = new RegExp(`^0(?=(?:${france[2]})$)(?=(?:${mobileLengthsPattern})$)(?:${mobileType[0]})$`);

/** Digits, with optional single separators (space, dot, dash) between digits; optional leading +. */
const formatted = /^\+?\d(?:[ .-]?\d)*$/;
const separators = /[ .+-]/g;

/** Verdicts of `classifyFrenchNumber` that are not a valid mobile. */
export const fastVerdict = { unknown: 0, landline: -1, malformed: -2 } as const;
const frenchPrefix = 33_000_000_000;

/**
 * The fast path without allocating a result: a valid French mobile comes back
 * as its international digits as a number (33612345678), otherwise one of
 * `fastVerdict` (unknown → ask libphonenumber). E.164 numbers have at most 15
 * digits, so they are exact in a double.
 */
export function classifyFrenchNumber(raw: string): number {
  let value = raw;
  if (value.length === 0 || value.length > 24) return fastVerdict.unknown;
  if (value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32) value = value.trim();
  let digits: string;
  if (value.length === 10 && value.charCodeAt(0) === 48 && zeroPrefixedMobile.test(value)) return frenchPrefix + Number(value);
  if (isAllDigits(value)) digits = value;
  else if (formatted.test(value)) digits = value.replace(separators, '');
  else return fastVerdict.unknown;

  let national: string;
  if (value.charCodeAt(0) === 43 /* + */) {
    if (digits.length !== 11 || !digits.startsWith('33')) return fastVerdict.unknown;
    national = digits.slice(2);
  } else if (digits.charCodeAt(0) === 48 /* 0 */) {
    if (digits.charCodeAt(1) === 48) {
      if (digits.length !== 13 || !digits.startsWith('0033')) return fastVerdict.unknown;
      national = digits.slice(4);
    } else if (digits.length === 10) {
      national = digits.slice(1);
    } else {
      // National form (one leading 0) of the wrong length: France has only 9-digit
      // national numbers and nothing else applies to a value starting with one 0.
      return fastVerdict.malformed;
    }
  } else if (digits.length === 11 && digits.startsWith('33')) {
    national = digits.slice(2);
  } else if (digits.length === 9) {
    national = digits;
  } else {
    return fastVerdict.unknown;
  }
  if (!nationalPattern.test(national)) return fastVerdict.unknown;
  if (isMobileType(national)) return frenchPrefix + Number(national);
  if (isFixedLineType(national)) return fastVerdict.landline;
  return fastVerdict.unknown;
}

/** The same fast path as a NumberCheck, or undefined when libphonenumber must decide. */
export function fastFrenchMobile(raw: string): NumberCheck | undefined {
  const verdict = classifyFrenchNumber(raw);
  if (verdict > 0) return { valid: true, normalized: String(verdict), country: 'FR' };
  if (verdict === fastVerdict.landline) return { valid: false, reason: 'landline' };
  if (verdict === fastVerdict.malformed) return { valid: false, reason: 'malformed' };
  return undefined;
}

function isAllDigits(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
