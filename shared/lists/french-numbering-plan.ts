/**
 * The French numbering plan as libphonenumber-js's max metadata describes it,
 * compiled once at start time into the few tests the number fast path needs.
 * Nothing here is typed by hand: every pattern, length and calling code is
 * read from `libphonenumber-js/metadata.max.json`, so a metadata update moves
 * the fast path with it (validate-number.test.ts proves both agree).
 *
 * It mirrors libphonenumber-js's own steps (helpers/getNumberType.js,
 * getCountryByNationalNumber.js, isValid.js) for a national significant
 * number whose calling code is known:
 * - valid only when it matches the region's national pattern and one type;
 * - MOBILE or FIXED_LINE_OR_MOBILE when the mobile type matches (or the
 *   mobile type is absent/empty and the fixed-line type matches), FIXED_LINE
 *   when only the fixed-line type matches, another type otherwise;
 * - among regions sharing a calling code (RE/YT, GP/BL/MF), the country is the
 *   first whose leading digits match or, without leading digits, whose types
 *   know the number.
 */
import metadata from 'libphonenumber-js/metadata.max.json';
import { combineDigitAutomata, compileDigitPattern, runDigitAutomaton, type DigitAutomaton } from './digit-automaton';

/**
 * Regions that share the French national numbering plan: from mainland France
 * their numbers are dialled with the same leading 0 (0692… is a Réunion
 * mobile), so a French list legitimately holds them in national form.
 * Order matters: it is the order the reference rule tries them in.
 */
export const frenchPlanRegions = ['RE', 'YT', 'GP', 'MQ', 'GF', 'PM', 'BL', 'MF'] as const;

/** What a national number is, as `classify` in validate-number.ts words it. */
export const numberKind = { invalid: 0, mobile: 1, landline: 2, otherType: 3 } as const;
export type NumberKind = (typeof numberKind)[keyof typeof numberKind];

export interface PlanRegion {
  code: string;
  callingCode: string;
  national: RegExp;
  leadingDigits: RegExp | null;
  /** National pattern and mobile type (or fixed line when metadata folds mobile into it), lengths included. */
  mobile: RegExp | null;
  /** National pattern and any type at all: what "valid" means. */
  anyType: RegExp | null;
  /** National pattern and the fixed-line type. */
  fixedLine: RegExp | null;
  /**
   * The same tests as one digit automaton compiled from the same metadata:
   * its label is the `NumberKind` of a national number (what `mobile`,
   * `anyType` and `fixedLine` give together), in one pass over the digits.
   */
  kinds: DigitAutomaton;
  /** The national pattern alone as a digit automaton (label 1: matches). */
  nationalDigits: DigitAutomaton;
}

/** Layout of a country in libphonenumber-js metadata v4: [0] calling code, [2] national pattern, [3] possible lengths, [10] leading digits, [11] types. */
type CountryTuple = [string, string, string, number[], ...unknown[]];
type TypeTuple = [string, number[]?] | 0 | undefined;

interface MetadataJson {
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, CountryTuple>;
}

const json = metadata as unknown as MetadataJson;

/** Type slots in metadata v4 (metadata.js getType): 0 FIXED_LINE, 1 MOBILE, 2–9 the others. */
const fixedLineSlot = 0;
const mobileSlot = 1;
const otherSlots = [2, 3, 4, 5, 6, 7, 8, 9];

function lengthLookahead(lengths: readonly number[]): string {
  return `(?=(?:${[...new Set(lengths)].map((length) => `\\d{${length}}`).join('|')})$)`;
}

/** One type as a source fragment (length lookahead + pattern), or null when the type is absent. */
function typeSource(type: TypeTuple, regionLengths: readonly number[]): string | null {
  if (!type || !type[0]) return null;
  return `${lengthLookahead(type[1] ?? regionLengths)}(?:${type[0]})`;
}

/** One type as a digit automaton (its lengths and its pattern together), or null when the type is absent. */
function typeAutomaton(type: TypeTuple, regionLengths: readonly number[]): DigitAutomaton | null {
  if (!type || !type[0]) return null;
  const lengths = compileDigitPattern([...new Set(type[1] ?? regionLengths)].map((length) => `\\d{${length}}`).join('|'));
  return combineDigitAutomata([lengths, compileDigitPattern(type[0])], (accepted) => (accepted[0] && accepted[1] ? 1 : 0), (states) => states[0] >= 0 && states[1] >= 0);
}

/** `kindIn`'s answer as one automaton: national pattern first, then mobile, any type, fixed line. */
function kindAutomaton(national: DigitAutomaton, mobile: DigitAutomaton | null, fixed: DigitAutomaton | null, others: (DigitAutomaton | null)[]): DigitAutomaton {
  const parts = [national];
  const mobileAt = mobile ? parts.push(mobile) - 1 : -1;
  const fixedAt = fixed ? parts.push(fixed) - 1 : -1;
  for (const other of others) if (other) parts.push(other);
  return combineDigitAutomata(
    parts,
    (accepted) => {
      if (!accepted[0]) return numberKind.invalid;
      if (mobileAt >= 0 && accepted[mobileAt]) return numberKind.mobile;
      if (!accepted.some((yes, i) => i > 0 && yes)) return numberKind.invalid;
      return fixedAt >= 0 && accepted[fixedAt] ? numberKind.landline : numberKind.otherType;
    },
    (states) => states[0] >= 0 && states.some((state, i) => i > 0 && state >= 0),
  );
}

function compileRegion(code: string): PlanRegion {
  const tuple = json.countries[code];
  if (!tuple) throw new Error(`libphonenumber metadata: no region ${code}`);
  const [callingCode, , nationalPattern, lengths] = tuple;
  const types = tuple[11] as TypeTuple[] | undefined;
  // Without type patterns libphonenumber validates by the national pattern alone; the fast path does not model that.
  if (!Array.isArray(types) || types.length === 0) throw new Error(`libphonenumber metadata: region ${code} has no types`);
  const leading = tuple[10];
  const fixedSource = typeSource(types[fixedLineSlot], lengths);
  const mobileType = types[mobileSlot];
  // getNumberType: an absent or empty mobile pattern means "same as fixed line" (FIXED_LINE_OR_MOBILE).
  const mobileSource = mobileType && mobileType[0] ? typeSource(mobileType, lengths) : fixedSource;
  const others = otherSlots.map((slot) => typeSource(types[slot], lengths));
  const fixedDigits = typeAutomaton(types[fixedLineSlot], lengths);
  const mobileDigits = mobileType && mobileType[0] ? typeAutomaton(mobileType, lengths) : fixedDigits;
  const nationalDigits = compileDigitPattern(nationalPattern);
  const kinds = kindAutomaton(nationalDigits, mobileDigits, fixedDigits, otherSlots.map((slot) => typeAutomaton(types[slot], lengths)));
  const national = `(?=(?:${nationalPattern})$)`;
  const anchored = (sources: (string | null)[]) => {
    const present = sources.filter((source): source is string => source !== null);
    return present.length === 0 ? null : new RegExp(`^${national}(?:${present.join('|')})$`);
  };
  return {
    code,
    callingCode,
    national: new RegExp(`^(?:${nationalPattern})$`),
    leadingDigits: typeof leading === 'string' && leading !== '' ? new RegExp(leading) : null,
    mobile: anchored([mobileSource]),
    anyType: anchored([fixedSource, mobileSource, ...others]),
    fixedLine: anchored([fixedSource]),
    kinds,
    nationalDigits,
  };
}

/**
 * What `classify(getNumberType(…))` gives for a national number in this
 * region. Mobile first (the common case, one test); a number no type knows is
 * invalid; of the rest, fixed-line numbers are landlines.
 */
export function kindIn(region: PlanRegion, national: string, start = 0): NumberKind {
  return runDigitAutomaton(region.kinds, national, start) as NumberKind;
}

/** The same answer from the regular expressions (the automaton's cross-check in the tests). */
export function kindByPatterns(region: PlanRegion, national: string): NumberKind {
  if (region.mobile?.test(national)) return numberKind.mobile;
  if (!region.anyType?.test(national)) return numberKind.invalid;
  return region.fixedLine?.test(national) ? numberKind.landline : numberKind.otherType;
}

export interface Resolved {
  kind: NumberKind;
  /** The country libphonenumber reports; undefined → 'ZZ'. */
  region: PlanRegion | undefined;
}

export interface FrenchPlan {
  france: PlanRegion;
  /** The eight overseas regions, in the reference rule's order. */
  overseas: readonly PlanRegion[];
  /** Every region of a French-plan calling code, by calling code, in metadata order. */
  byCallingCode: ReadonlyMap<string, readonly PlanRegion[]>;
  /** Every calling code of the metadata (to split "+CC…" as libphonenumber does: shortest known prefix first). */
  allCallingCodes: ReadonlySet<string>;
  /** Countries in a fixed order: index 0 is FR. */
  regions: readonly PlanRegion[];
  /**
   * Per overseas region, a bit of its calling code when the number's claim
   * does not depend on the region it is parsed for (no region of that code
   * has leading digits), else 0: a code already tried need not be tried again.
   */
  overseasCallingCodeBits: readonly number[];
}

function compilePlan(): FrenchPlan {
  const france = compileRegion('FR');
  const overseas = frenchPlanRegions.map(compileRegion);
  const byCallingCode = new Map<string, PlanRegion[]>();
  const regions: PlanRegion[] = [france];
  for (const callingCode of new Set([france, ...overseas].map((region) => region.callingCode))) {
    const codes = json.country_calling_codes[callingCode] ?? [];
    const compiled = codes.map((code) => regions.find((region) => region.code === code) ?? compileRegion(code));
    for (const region of compiled) if (!regions.includes(region)) regions.push(region);
    byCallingCode.set(callingCode, compiled);
  }
  // The overseas list must point at the same objects as the calling-code table.
  const same = (code: string) => regions.find((region) => region.code === code)!;
  const callingCodes = [...byCallingCode.keys()];
  const ignoresFallback = (callingCode: string) => byCallingCode.get(callingCode)!.every((region) => region.leadingDigits === null);
  return {
    france,
    overseas: overseas.map((region) => same(region.code)),
    overseasCallingCodeBits: overseas.map((region) => (ignoresFallback(region.callingCode) ? 1 << callingCodes.indexOf(region.callingCode) : 0)),
    byCallingCode,
    allCallingCodes: new Set(Object.keys(json.country_calling_codes)),
    regions,
  };
}

/** null when the metadata does not have the expected shape: then the fast path is off and libphonenumber decides everything. */
export const frenchPlan: FrenchPlan | null = (() => {
  try {
    return compilePlan();
  } catch {
    return null;
  }
})();

/** How `resolveNational` reads one national number: as text, or as digits held elsewhere (the fast path's buffer). */
export interface NationalNumberReader {
  /** `kindIn` of the number in `region`. */
  kindIn(region: PlanRegion): NumberKind;
  /** Whether the number starts with `region`'s leading digits (the region has some). */
  startsWithLeadingDigits(region: PlanRegion): boolean;
}

/** The reader of a national number written as digits. */
export function textNationalNumber(national: string): NationalNumberReader {
  return {
    kindIn: (region) => kindIn(region, national),
    startsWithLeadingDigits: (region) => national.search(region.leadingDigits!) === 0,
  };
}

/**
 * A national number of a known French-plan calling code, as libphonenumber
 * parses it: the claiming region (or `fallback`, the region the number was
 * parsed for, when none claims it), and its kind there.
 */
export function resolveNational(plan: FrenchPlan, callingCode: string, national: string | NationalNumberReader, fallback?: PlanRegion): Resolved {
  const number = typeof national === 'string' ? textNationalNumber(national) : national;
  const regions = plan.byCallingCode.get(callingCode)!;
  if (regions.length === 1) return { kind: number.kindIn(regions[0]), region: regions[0] };
  // getCountryByNationalNumber: the first region whose leading digits match or, without leading digits, whose types know the number.
  for (const region of regions) {
    if (region.leadingDigits) {
      if (number.startsWithLeadingDigits(region)) return { kind: number.kindIn(region), region };
    } else {
      const kind = number.kindIn(region);
      if (kind !== numberKind.invalid) return { kind, region };
    }
  }
  // No region claims it: the country stays the one parsed for (if any); isValid then uses its plan, or the calling code's main region.
  const region = fallback && fallback.callingCode === callingCode ? fallback : undefined;
  const planRegion = region ?? regions[0];
  // A region without leading digits was just tried above and knew no type of the number.
  if (planRegion.leadingDigits === null) return { kind: numberKind.invalid, region };
  return { kind: number.kindIn(planRegion), region };
}
