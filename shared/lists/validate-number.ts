import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import type { InvalidReason } from './list-types';
import { fastFrenchMobile } from './fast-french-mobile';
import { frenchPlanRegions } from './french-numbering-plan';
import metadata from 'libphonenumber-js/metadata.max.json';

function nationalNumberPattern(region: CountryCode): string {
  return (metadata as unknown as { countries: Record<string, [string, string, string]> }).countries[region][2];
}

export type NumberCheck =
  | { valid: true; /** International digits without +, e.g. 33612345678. */ normalized: string; country: string }
  | { valid: false; reason: InvalidReason };

const empty: NumberCheck = { valid: false, reason: 'empty' };
const malformed: NumberCheck = { valid: false, reason: 'malformed' };
const landline: NumberCheck = { valid: false, reason: 'landline' };
const notMobile: NumberCheck = { valid: false, reason: 'not-mobile' };

/**
 * A region can only give a valid number when the national number matches its
 * general pattern (libphonenumber checks that first), so testing the pattern
 * before parsing skips the regions that cannot match at no change of verdict.
 */
const frenchPlanPatterns = frenchPlanRegions.map((region) => ({
  region,
  pattern: new RegExp(`^(?:${nationalNumberPattern(region)})$`),
}));

/**
 * Validates one value of the mobile column: the fast path for the common
 * French formats, libphonenumber for everything else. Both give the same
 * answer (proved by validate-number.test.ts).
 */
export function checkMobileNumber(raw: string): NumberCheck {
  return fastFrenchMobile(raw) ?? checkMobileNumberWithLibphonenumber(raw);
}

/** Alias used where only the verdict matters (header detection). */
export const quickNumberCheck = checkMobileNumber;

/**
 * The reference rule, entirely libphonenumber-js with its max metadata:
 * default country France (leading 00 is the international prefix there, so
 * 0032… is Belgian), a mobile is type MOBILE or FIXED_LINE_OR_MOBILE.
 * A French mobile whose leading zero a spreadsheet dropped (612345678) parses
 * as a French national number. Digits starting with a country code but no +
 * (32470123456) are read as international only when they are not a valid
 * French number and are a valid mobile that way.
 */
export function checkMobileNumberWithLibphonenumber(raw: string): NumberCheck {
  const value = raw.trim();
  if (value === '') return empty;
  const french = parsePhoneNumberFromString(value, 'FR');
  if (french?.isValid()) return classify(french);

  const digits = digitsOnly(value);
  // 0 + 9 digits, or 9 digits starting 6/7 (leading zero dropped): maybe a number
  // of an overseas department dialled the French way.
  const droppedZero = digits !== null && digits.length === 9 && (digits[0] === '6' || digits[0] === '7');
  const overseasNational = droppedZero ? digits : digits?.length === 10 && digits[0] === '0' ? digits.slice(1) : null;
  if (overseasNational !== null) {
    for (const { region, pattern } of frenchPlanPatterns) {
      if (!pattern.test(overseasNational)) continue;
      const overseas = parsePhoneNumberFromString(`0${overseasNational}`, region);
      if (overseas?.isValid()) return classify(overseas);
    }
  }
  // A 9-digit 6…/7… value is a French number missing its 0, never a foreign one
  // (690123456 must not become a Tokelau number).
  if (digits !== null && !digits.startsWith('0') && !droppedZero) {
    const international = parsePhoneNumberFromString(`+${digits}`);
    if (international?.isValid()) {
      const check = classify(international);
      if (check.valid) return check;
    }
  }
  return malformed;
}

function classify(phone: PhoneNumber): NumberCheck {
  const type = phone.getType();
  if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') {
    // Non-geographic numbers have no region: ZZ is the CLDR "unknown region".
    return { valid: true, normalized: phone.number.slice(1), country: phone.country ?? 'ZZ' };
  }
  return type === 'FIXED_LINE' ? landline : notMobile;
}

/** The digits of a value written only with digits and common separators, else null. */
function digitsOnly(value: string): string | null {
  if (!/^\d[\d\s.\-/]*$/.test(value)) return null;
  return value.replace(/\D/g, '');
}
