import type { NumberCheck } from './validate-number';
import { combineDigitAutomata, type DigitAutomaton } from './digit-automaton';
import {
  frenchPlan,
  kindIn,
  numberKind,
  resolveNational,
  type FrenchPlan,
  type NationalNumberReader,
  type NumberKind,
  type PlanRegion,
  type Resolved,
} from './french-numbering-plan';

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
 * The digits of the value being classified, as numbers 0–9 (`scanDigits`):
 * the automata and the calling-code split read them in place, so no digit
 * string is cut or concatenated for a spaced, dotted or "+CC" value.
 */
const digitBuffer = new Uint8Array(32);

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
  const count = scanDigits(value);
  if (count < 0) return fastVerdict.unknown;
  const digits = digitBuffer;

  // "+CC …": libphonenumber reads the calling code; valid → its verdict, invalid → malformed.
  if (value.charCodeAt(0) === 43 /* + */) {
    const codeLength = splitCallingCode(plan, 0, count);
    if (codeLength === 0) return fastVerdict.unknown;
    const callingCode = numberAt(0, codeLength);
    if (callingCode === franceCallingCode) {
      const french = frenchVerdict(plan, codeLength, count);
      return french === invalidInFrance ? fastVerdict.malformed : french;
    }
    const resolved = resolveDigits(plan, callingCode, codeLength, count);
    return resolved.kind === numberKind.invalid ? fastVerdict.malformed : verdictOf(plan, resolved, callingCode, codeLength, count);
  }

  if (digits[0] === 0) {
    if (count >= 2 && digits[1] === 0) {
      // "00CC …": 00 is France's international prefix.
      const codeLength = splitCallingCode(plan, 2, count);
      if (codeLength === 0) return fastVerdict.unknown;
      const callingCode = numberAt(2, 2 + codeLength);
      const resolved = resolveDigits(plan, callingCode, 2 + codeLength, count);
      if (resolved.kind !== numberKind.invalid) return verdictOf(plan, resolved, callingCode, 2 + codeLength, count);
    } else if (count === 10) {
      // 0 + national number: France first.
      const french = frenchVerdict(plan, 1, 10);
      if (french !== invalidInFrance) return french;
    }
    // Not French: a 10-digit value may be an overseas number dialled the French way;
    // a value starting with 0 is never read as international.
    return count === 10 ? overseasOrMalformed(plan, 1, 10) : fastVerdict.malformed;
  }

  if (count === 9) {
    const french = frenchVerdict(plan, 0, 9);
    if (french !== invalidInFrance) return french;
    // 6…/7…: a number that lost its leading 0, never a foreign one.
    if (digits[0] === 6 || digits[0] === 7) return overseasOrMalformed(plan, 0, 9);
    return fastVerdict.unknown;
  }

  if (count >= 2 && digits[0] === 3 && digits[1] === 3) {
    // 33 + national number: libphonenumber strips France's calling code; invalid stays invalid as +33….
    if (count !== 11 || digits[2] === 0) return fastVerdict.unknown;
    const french = frenchVerdict(plan, 2, 11);
    return french === invalidInFrance ? fastVerdict.malformed : french;
  }

  // Not a French national number (wrong length, no 0): read as international, kept only when it is a mobile.
  const codeLength = splitCallingCode(plan, 0, count);
  if (codeLength === 0) return fastVerdict.unknown;
  const callingCode = numberAt(0, codeLength);
  const resolved = resolveDigits(plan, callingCode, codeLength, count);
  return resolved.kind === numberKind.mobile ? verdictOf(plan, resolved, callingCode, codeLength, count) : fastVerdict.malformed;
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

/**
 * Calling codes by their value (they never start with 0, so a value names
 * one code): 1 for every code of the metadata, 2 for those of the French plan.
 */
const callingCodeClass = new Uint8Array(1000);
/** The French plan's regions by calling-code value. */
const regionsByCallingCode: (readonly PlanRegion[] | undefined)[] = new Array<readonly PlanRegion[] | undefined>(1000);
/** Each region's slot in `fastCountryCodes`. */
const slotOfRegion = new Map<PlanRegion, number>();
if (frenchPlan) {
  for (const code of frenchPlan.allCallingCodes) if (code.length <= 3 && code.charCodeAt(0) !== 48) callingCodeClass[Number(code)] = 1;
  for (const [code, regions] of frenchPlan.byCallingCode) {
    callingCodeClass[Number(code)] = 2;
    regionsByCallingCode[Number(code)] = regions;
  }
  frenchPlan.regions.forEach((region, slot) => slotOfRegion.set(region, slot));
}

/**
 * The digits of a value written as digits with single separators (space, dot,
 * dash) between them and an optional leading +, into `digitBuffer`; their
 * count, or -1 for any other value.
 */
function scanDigits(value: string): number {
  const buffer = digitBuffer;
  let count = 0;
  let afterDigit = false;
  for (let i = value.charCodeAt(0) === 43 /* + */ ? 1 : 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      buffer[count++] = code - 48;
      afterDigit = true;
    } else if (afterDigit && (code === 32 || code === 46 || code === 45)) {
      afterDigit = false;
    } else {
      return -1;
    }
  }
  return afterDigit ? count : -1;
}

/** The digits `from…to` as a number (at most 15 digits here: exact). */
function numberAt(from: number, to: number): number {
  let number = 0;
  for (let i = from; i < to; i++) number = number * 10 + digitBuffer[i];
  return number;
}

/** The digits `from…to` as text, for the few regions chosen by a leading-digits pattern. */
function textAt(from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += String.fromCharCode(48 + digitBuffer[i]);
  return text;
}

/** `runDigitAutomaton` over the digits `from…to`. */
function runOnDigits(automaton: DigitAutomaton, from: number, to: number): number {
  const { next } = automaton;
  let state = 0;
  for (let i = from; i < to; i++) {
    state = next[state * 10 + digitBuffer[i]];
    if (state < 0) return 0;
  }
  return automaton.label[state];
}

/**
 * The national number `digitBuffer[from…to)` for `resolveNational`, read in
 * place by the automata (one reader, moved to each number: no allocation).
 */
const digitsInBuffer = {
  from: 0,
  to: 0,
  kindIn(region: PlanRegion): NumberKind {
    return runOnDigits(region.kinds, this.from, this.to) as NumberKind;
  },
  // No region of the French plan has leading digits in today's metadata: text only should one get some.
  startsWithLeadingDigits(region: PlanRegion): boolean {
    return textAt(this.from, this.to).search(region.leadingDigits!) === 0;
  },
} satisfies NationalNumberReader & { from: number; to: number };

/** `resolveNational` for the national number `from…to` of a French-plan calling code (its value). */
function resolveDigits(plan: FrenchPlan, callingCode: number, from: number, to: number, fallback?: PlanRegion): Resolved {
  const regions = regionsByCallingCode[callingCode]!;
  if (regions.length === 1) return { kind: runOnDigits(regions[0].kinds, from, to) as NumberKind, region: regions[0] };
  digitsInBuffer.from = from;
  digitsInBuffer.to = to;
  return resolveNational(plan, regions[0].callingCode, digitsInBuffer, fallback);
}

/** The verdict for the national number `from…to` parsed as French; France alone on its calling code has no country to choose. */
function frenchVerdict(plan: FrenchPlan, from: number, to: number): number {
  if (!franceAlone) {
    const resolved = resolveDigits(plan, franceCallingCode, from, to, plan.france);
    return resolved.kind === numberKind.invalid ? invalidInFrance : verdictOf(plan, resolved, franceCallingCode, from, to);
  }
  const kind = runOnDigits(plan.france.kinds, from, to);
  if (kind === numberKind.mobile) return franceCallingCode * 10 ** (to - from) + numberAt(from, to);
  if (kind === numberKind.landline) return fastVerdict.landline;
  if (kind === numberKind.otherType) return fastVerdict.notMobile;
  return invalidInFrance;
}

function verdictOf(plan: FrenchPlan, resolved: Resolved, callingCode: number, from: number, to: number): number {
  if (resolved.kind === numberKind.landline) return fastVerdict.landline;
  if (resolved.kind === numberKind.otherType) return fastVerdict.notMobile;
  const slot = resolved.region === undefined ? plan.regions.length : slotOfRegion.get(resolved.region)!;
  // Calling code and national number side by side, without building their concatenation (exact: below 2^53).
  return slot * countrySlotFactor + callingCode * 10 ** (to - from) + numberAt(from, to);
}

/**
 * The reference rule's overseas step for a national number: the first
 * overseas region (in its order) whose national pattern takes the number and
 * under whose calling code the number resolves valid, or null. `takes(i)`
 * says whether overseas region i's national pattern takes it.
 */
function firstValidOverseas(plan: FrenchPlan, takes: (index: number) => boolean, number: NationalNumberReader): Resolved | null {
  const { overseas, overseasCallingCodeBits } = plan;
  let tried = 0;
  for (let i = 0; i < overseas.length; i++) {
    const region = overseas[i];
    const bit = overseasCallingCodeBits[i];
    if ((tried & bit) !== 0 || !takes(i)) continue;
    tried |= bit;
    const resolved = resolveNational(plan, region.callingCode, number, region);
    if (resolved.kind !== numberKind.invalid) return resolved;
  }
  return null;
}

/** Labels of `overseasVerdicts`: malformed, landline, not a mobile, then a mobile of region slot s as `firstMobileLabel + s`. */
const overseasLabel = { malformed: 0, landline: 1, notMobile: 2, firstMobileLabel: 3 } as const;

/**
 * `firstValidOverseas` for every national number at once, as one automaton
 * built from the same automata and the same function: its label is the
 * verdict, read in a single pass over the digits (instead of up to eight
 * national patterns and seven regions' types). null when a region of those
 * calling codes has leading digits (none has in today's metadata), which
 * are read as text: libphonenumber decides those numbers then.
 */
function compileOverseasVerdicts(plan: FrenchPlan): DigitAutomaton | null {
  const callingCodes = new Set(plan.overseas.map((region) => region.callingCode));
  const regions = plan.regions.filter((region) => callingCodes.has(region.callingCode));
  if (regions.some((region) => region.leadingDigits !== null)) return null;
  const kinds = [numberKind.mobile, numberKind.landline, numberKind.otherType] as const;
  const kindPart = (region: PlanRegion, kind: NumberKind): DigitAutomaton => ({ next: region.kinds.next, label: region.kinds.label.map((label) => (label === kind ? 1 : 0)) });
  const parts = [...plan.overseas.map((region) => region.nationalDigits), ...regions.flatMap((region) => kinds.map((kind) => kindPart(region, kind)))];
  const firstKindPart = plan.overseas.length;
  return combineDigitAutomata(parts, (accepted) => {
    const fromFlags: NationalNumberReader = {
      kindIn(region) {
        const part = firstKindPart + regions.indexOf(region) * kinds.length;
        return kinds.find((_, k) => accepted[part + k]) ?? numberKind.invalid;
      },
      startsWithLeadingDigits: () => false,
    };
    const resolved = firstValidOverseas(plan, (index) => accepted[index], fromFlags);
    if (resolved === null) return overseasLabel.malformed;
    if (resolved.kind === numberKind.landline) return overseasLabel.landline;
    if (resolved.kind === numberKind.otherType) return overseasLabel.notMobile;
    return overseasLabel.firstMobileLabel + slotOfRegion.get(resolved.region!)!;
  });
}

const overseasVerdicts = frenchPlan ? compileOverseasVerdicts(frenchPlan) : null;
/** Calling code of each region slot, as a number. */
const callingCodeOfSlot = frenchPlan ? frenchPlan.regions.map((region) => Number(region.callingCode)) : [];

/** The overseas regions in the reference rule's order: the first whose parse of 0 + national (`from…to`) is valid. */
function overseasOrMalformed(plan: FrenchPlan, from: number, to: number): number {
  const { overseas } = plan;
  if (digitBuffer[from] === 0) {
    // 0 + 0…: libphonenumber would read the 00 as an international prefix; leave such values to it.
    for (let i = 0; i < overseas.length; i++) if (runOnDigits(overseas[i].nationalDigits, from, to) === 1) return fastVerdict.unknown;
    return fastVerdict.malformed;
  }
  // No automaton (metadata with leading digits): libphonenumber decides, as for any form the fast path does not model.
  if (overseasVerdicts === null) return fastVerdict.unknown;
  const label = runOnDigits(overseasVerdicts, from, to);
  if (label === overseasLabel.malformed) return fastVerdict.malformed;
  if (label === overseasLabel.landline) return fastVerdict.landline;
  if (label === overseasLabel.notMobile) return fastVerdict.notMobile;
  const slot = label - overseasLabel.firstMobileLabel;
  return slot * countrySlotFactor + callingCodeOfSlot[slot] * 10 ** (to - from) + numberAt(from, to);
}

/**
 * Splits "CC national" (the digits from `start` to `count`) as libphonenumber
 * does (the shortest known calling code), when that code is one of the French
 * plan's and the national part is one the fast path can predict (no leading 0,
 * which libphonenumber may strip as a national prefix; a plausible length).
 * Returns the calling code's length, or 0 otherwise.
 */
function splitCallingCode(plan: FrenchPlan, start: number, count: number): number {
  let code = 0;
  for (let length = 1; length <= 3 && start + length <= count; length++) {
    code = code * 10 + digitBuffer[start + length - 1];
    // A code never starts with 0: "0…" matches none, as no metadata code is written so.
    if (code === 0) return 0;
    const known = callingCodeClass[code];
    if (known === 0) continue;
    if (known === 1) return 0;
    const nationalLength = count - start - length;
    if (nationalLength < 4 || nationalLength > 12 || digitBuffer[start + length] === 0) return 0;
    return length;
  }
  return 0;
}
