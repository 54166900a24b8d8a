import type { NumberCheck } from './validate-number';
import { runDigitAutomaton } from './digit-automaton';
import { frenchPlan, kindIn, numberKind, resolveNational, type FrenchPlan, type PlanRegion, type Resolved } from './french-numbering-plan';

/**
 * Fast path for every form a French list holds: metropolitan and overseas
 * mobiles of the French numbering plan (Réunion, Mayotte, Guadeloupe,
 * Martinique, Guyane, Saint-Pierre-et-Miquelon, Saint-Barthélemy,
 * Saint-Martin), written 0612345678, 06 12 34 56 78, 06.12.34.56.78,
 * 06-12-34-56-78, +33 6…, 0033 6…, 33612345678, 612345678 (leading zero
 * dropped by a spreadsheet), 0692…, +262 692…, 00262…, 262692…; and their
 * landlines and other non-mobile numbers, rejected.
 *
 * It replays `checkMobileNumberWithLibphonenumber` step by step (French
 * parse, then the overseas regions dialled the French way, then the digits
 * read as international) with the region rules compiled from libphonenumber's
 * own metadata (french-numbering-plan.ts), for the inputs whose parse it can
 * predict exactly: digits with single spaces, dots or dashes, an optional
 * leading +, and a calling code of the French plan. Anything else returns
 * `unknown` and goes through libphonenumber itself. validate-number.test.ts
 * proves both agree on every French-plan prefix in every written form.
 */

/** Verdicts of `classifyFrenchNumber` that are not a valid mobile. */
export const fastVerdict = { unknown: 0, landline: -1, malformed: -2, notMobile: -3 } as const;

/**
 * A valid mobile comes back as one positive number: its international digits
 * plus the country's slot × 10^13 (French-plan numbers have at most 12 digits,
 * and slot × 10^13 + digits stays below 2^53, so it is exact in a double).
 * France is slot 0, so a metropolitan mobile is just 33612345678.
 */
const countrySlotFactor = 1e13;
const frenchPrefix = 33_000_000_000;

/** Country of each slot; the last one is 'ZZ' (libphonenumber found no region). */
export const fastCountryCodes: readonly string[] = frenchPlan ? [...frenchPlan.regions.map((region) => region.code), 'ZZ'] : ['FR'];

/** International digits of a positive verdict (33612345678). */
export function fastNumberOf(verdict: number): number {
  return verdict % countrySlotFactor;
}

/** ISO country of a positive verdict. */
export function fastCountryOf(verdict: number): string {
  return fastCountryCodes[Math.floor(verdict / countrySlotFactor)];
}

/** Slot of a positive verdict in `fastCountryCodes` (0 = FR). */
export function fastCountrySlotOf(verdict: number): number {
  return Math.floor(verdict / countrySlotFactor);
}

/**
 * The hot case, 0 + French mobile written as plain digits: the digits after
 * the 0 run through France's kind automaton in place (no substring cut for
 * the 0612345678 that make up most lists).
 */
function isZeroPrefixedFrenchMobile(france: PlanRegion, value: string): boolean {
  return kindIn(france, value, 1) === numberKind.mobile;
}

/**
 * The fast path without allocating a result: a valid mobile as a positive
 * number (see `fastNumberOf`, `fastCountryOf`), otherwise one of
 * `fastVerdict` (unknown → ask libphonenumber).
 */
export function classifyFrenchNumber(raw: string): number {
  const plan = frenchPlan;
  if (plan === null) return fastVerdict.unknown;
  let value = raw;
  if (value.length === 0 || value.length > 24) return fastVerdict.unknown;
  if (value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32) value = value.trim();
  if (value.length === 10 && value.charCodeAt(0) === 48 && isZeroPrefixedFrenchMobile(plan.france, value)) return frenchPrefix + Number(value);
  const digits = digitsOf(value);
  if (digits === null) return fastVerdict.unknown;

  // "+CC …": libphonenumber reads the calling code; valid → its verdict, invalid → malformed.
  if (value.charCodeAt(0) === 43 /* + */) {
    const split = splitCallingCode(plan, digits, 0);
    if (split === null) return fastVerdict.unknown;
    if (split.callingCode === plan.france.callingCode) {
      const french = frenchVerdict(plan, split.national);
      return french === invalidInFrance ? fastVerdict.malformed : french;
    }
    const resolved = resolveNational(plan, split.callingCode, split.national);
    return resolved.kind === numberKind.invalid ? fastVerdict.malformed : verdictOf(plan, resolved, split.callingCode, split.national);
  }

  if (digits.charCodeAt(0) === 48 /* 0 */) {
    if (digits.charCodeAt(1) === 48) {
      // "00CC …": 00 is France's international prefix.
      const split = splitCallingCode(plan, digits, 2);
      if (split === null) return fastVerdict.unknown;
      const resolved = resolveNational(plan, split.callingCode, split.national);
      if (resolved.kind !== numberKind.invalid) return verdictOf(plan, resolved, split.callingCode, split.national);
    } else if (digits.length === 10) {
      // 0 + national number: France first.
      const french = frenchVerdict(plan, digits.slice(1));
      if (french !== invalidInFrance) return french;
    }
    // Not French: a 10-digit value may be an overseas number dialled the French way;
    // a value starting with 0 is never read as international.
    return digits.length === 10 ? overseasOrMalformed(plan, digits.slice(1)) : fastVerdict.malformed;
  }

  if (digits.length === 9) {
    const french = frenchVerdict(plan, digits);
    if (french !== invalidInFrance) return french;
    const first = digits.charCodeAt(0);
    // 6…/7…: a number that lost its leading 0, never a foreign one.
    if (first === 54 || first === 55) return overseasOrMalformed(plan, digits);
    return fastVerdict.unknown;
  }

  if (digits.charCodeAt(0) === 51 && digits.charCodeAt(1) === 51 /* 33 */) {
    // 33 + national number: libphonenumber strips France's calling code; invalid stays invalid as +33….
    if (digits.length !== 11 || digits.charCodeAt(2) === 48) return fastVerdict.unknown;
    const french = frenchVerdict(plan, digits.slice(2));
    return french === invalidInFrance ? fastVerdict.malformed : french;
  }

  // Not a French national number (wrong length, no 0): read as international, kept only when it is a mobile.
  const split = splitCallingCode(plan, digits, 0);
  if (split === null) return fastVerdict.unknown;
  const resolved = resolveNational(plan, split.callingCode, split.national);
  return resolved.kind === numberKind.mobile ? verdictOf(plan, resolved, split.callingCode, split.national) : fastVerdict.malformed;
}

/** The same fast path as a NumberCheck, or undefined when libphonenumber must decide. */
export function fastFrenchMobile(raw: string): NumberCheck | undefined {
  const verdict = classifyFrenchNumber(raw);
  if (verdict > 0) return { valid: true, normalized: String(fastNumberOf(verdict)), country: fastCountryOf(verdict) };
  if (verdict === fastVerdict.landline) return { valid: false, reason: 'landline' };
  if (verdict === fastVerdict.notMobile) return { valid: false, reason: 'not-mobile' };
  if (verdict === fastVerdict.malformed) return { valid: false, reason: 'malformed' };
  return undefined;
}

/** `frenchVerdict`'s answer for a number France's plan does not know. */
const invalidInFrance = fastVerdict.unknown;
const franceCallingCode = frenchPlan ? Number(frenchPlan.france.callingCode) : 0;
const franceAlone = frenchPlan ? frenchPlan.byCallingCode.get(frenchPlan.france.callingCode)!.length === 1 : false;

/** The verdict for a national number parsed as French; France alone on its calling code has no country to choose. */
function frenchVerdict(plan: FrenchPlan, national: string): number {
  if (!franceAlone) {
    const resolved = resolveNational(plan, plan.france.callingCode, national, plan.france);
    return resolved.kind === numberKind.invalid ? invalidInFrance : verdictOf(plan, resolved, plan.france.callingCode, national);
  }
  const kind = kindIn(plan.france, national);
  if (kind === numberKind.mobile) return franceCallingCode * 10 ** national.length + Number(national);
  if (kind === numberKind.landline) return fastVerdict.landline;
  if (kind === numberKind.otherType) return fastVerdict.notMobile;
  return invalidInFrance;
}

function verdictOf(plan: FrenchPlan, resolved: Resolved, callingCode: string, national: string): number {
  if (resolved.kind === numberKind.landline) return fastVerdict.landline;
  if (resolved.kind === numberKind.otherType) return fastVerdict.notMobile;
  const slot = resolved.region === undefined ? plan.regions.length : plan.regions.indexOf(resolved.region);
  // Calling code and national number side by side, without building their concatenation (exact: below 2^53).
  return slot * countrySlotFactor + Number(callingCode) * 10 ** national.length + Number(national);
}

/** The overseas regions in the reference rule's order: the first whose parse of 0 + national is valid. */
function overseasOrMalformed(plan: FrenchPlan, national: string): number {
  if (national.charCodeAt(0) === 48) {
    // 0 + 0…: libphonenumber would read the 00 as an international prefix; leave such values to it.
    return plan.overseas.some((region) => runDigitAutomaton(region.nationalDigits, national) === 1) ? fastVerdict.unknown : fastVerdict.malformed;
  }
  const { overseas, overseasCallingCodeBits } = plan;
  let tried = 0;
  for (let i = 0; i < overseas.length; i++) {
    const region = overseas[i];
    const bit = overseasCallingCodeBits[i];
    if ((tried & bit) !== 0 || runDigitAutomaton(region.nationalDigits, national) !== 1) continue;
    tried |= bit;
    const resolved = resolveNational(plan, region.callingCode, national, region);
    if (resolved.kind !== numberKind.invalid) return verdictOf(plan, resolved, region.callingCode, national);
  }
  return fastVerdict.malformed;
}

/**
 * Splits "CC national" as libphonenumber does (the shortest known calling
 * code), when that code is one of the French plan's and the national part is
 * one the fast path can predict (no leading 0, which libphonenumber may strip
 * as a national prefix; a plausible length). Otherwise null.
 */
function splitCallingCode(plan: FrenchPlan, digits: string, start: number): { callingCode: string; national: string } | null {
  for (let length = 1; length <= 3; length++) {
    const callingCode = digits.slice(start, start + length);
    if (!plan.allCallingCodes.has(callingCode)) continue;
    if (!plan.byCallingCode.has(callingCode)) return null;
    const national = digits.slice(start + length);
    if (national.length < 4 || national.length > 12 || national.charCodeAt(0) === 48) return null;
    return { callingCode, national };
  }
  return null;
}

/**
 * The digits of a value written as digits with single separators (space, dot,
 * dash) between them and an optional leading +, else null. One scan, cutting
 * the runs of digits between separators (cheaper than a regular expression
 * test plus a replace).
 */
function digitsOf(value: string): string | null {
  const start = value.charCodeAt(0) === 43 /* + */ ? 1 : 0;
  let digits = '';
  let runStart = start;
  let afterDigit = false;
  for (let i = start; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      afterDigit = true;
    } else if (afterDigit && (code === 32 || code === 46 || code === 45)) {
      digits += value.slice(runStart, i);
      runStart = i + 1;
      afterDigit = false;
    } else {
      return null;
    }
  }
  if (!afterDigit) return null;
  return runStart === 0 ? value : digits + value.slice(runStart);
}
