/**
 * The French overseas territory of a report's number (issue 11 §12):
 * MediasFlow writes MF_COUNTRY empty (or FR) for Guadeloupe, Martinique,
 * Réunion…, which the breakdown then showed as "pays non indiqué". The
 * territory comes from the number rule itself (french-numbering-plan.ts,
 * compiled from libphonenumber's metadata: +590 690… is Guadeloupe, +590 690
 * 27… Saint-Martin, +262 639… Mayotte), never from a table of our own.
 */
import { checkMobileNumber, checkMobileNumberWithLibphonenumber } from '../lists/validate-number';
import { frenchPlan, frenchPlanRegions, kindIn, numberKind, resolveNational } from '../lists/french-numbering-plan';

const frenchPlanCountries: ReadonlySet<string> = new Set(['', 'FR', ...frenchPlanRegions]);

/** '' (not given), FR or an overseas region: a written country the number itself may correct (MediasFlow writes RE for every +262, Mayotte's too). */
export function isFrenchPlanCountry(written: string): boolean {
  return frenchPlanCountries.has(written);
}

/** Calling codes of the overseas regions (not mainland France's 33). */
const overseasCallingCodes: readonly string[] = frenchPlan
  ? [...new Set(frenchPlan.overseas.map((region) => region.callingCode))].filter((code) => code !== frenchPlan!.france.callingCode)
  : ['262', '508', '590', '594', '596'];

export interface TerritoryClaim {
  code: string;
  /**
   * True when only this region of the calling code knows the number
   * (Mayotte's 0639 within +262); false when regions share the range (GP, BL
   * and MF share 0690: libphonenumber names the first, Guadeloupe).
   */
  definite: boolean;
}

/** The overseas territory of international digits (590690123456 → GP), or null (mainland, abroad, unknown). */
export function overseasTerritoryClaim(internationalDigits: string): TerritoryClaim | null {
  const callingCode = overseasCallingCodes.find((code) => internationalDigits.startsWith(code));
  if (!callingCode) return null;
  const national = internationalDigits.slice(callingCode.length);
  if (frenchPlan) {
    const { region } = resolveNational(frenchPlan, callingCode, national);
    if (!region || region.code === frenchPlan.france.code) return null;
    // Definite when no other region of the calling code knows the number (Mayotte's 0639 is no Réunion number; 0690 is GP, BL and MF alike).
    const knowing = frenchPlan.byCallingCode.get(callingCode)!.filter((candidate) => kindIn(candidate, national) !== numberKind.invalid);
    return { code: region.code, definite: knowing.length <= 1 };
  }
  const check = checkMobileNumberWithLibphonenumber(`+${internationalDigits}`);
  return check.valid && check.country !== 'FR' ? { code: check.country, definite: false } : null;
}

/** ISO code of the overseas territory of international digits, or null. */
export function overseasTerritoryOf(internationalDigits: string): string | null {
  return overseasTerritoryClaim(internationalDigits)?.code ?? null;
}

/**
 * The country a report row is counted under: MF_COUNTRY as written, except
 * that an overseas number gets its territory when MediasFlow wrote nothing or
 * FR, or another region of the French plan that the number's own leading
 * digits contradict (RE written for a Mayotte 0639 number).
 */
export function reportRowCountry(written: string, claim: TerritoryClaim | null): string {
  if (!claim) return written;
  if (written === '' || written === 'FR') return claim.code;
  return claim.definite && isFrenchPlanCountry(written) ? claim.code : written;
}

/**
 * The same, reading a number as MediasFlow writes INT_MOBILE ("590690123456",
 * "+590 690 12 34 56", "00590…", or "33690123456" for a 0690… number of the
 * list) between `start` and `end` of `text`; quick to say no for a mainland
 * number (the common case: a few characters compared).
 */
export function overseasTerritoryAt(text: string, start: number, end: number): TerritoryClaim | null {
  let at = start;
  while (at < end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 43)) at++;
  if (text.startsWith('00', at)) at += 2;
  const first = text.charCodeAt(at);
  // Overseas calling codes start with 2 or 5.
  if (first === 50 || first === 53) return overseasTerritoryClaim(text.slice(at, end).replace(/\D/g, ''));
  // 33 then 69… or 639…: an overseas mobile dialled the French way (0690…, 0639…) written with mainland's code.
  // (Mainland 336…/337… numbers stop at these character tests: nothing is sliced for them.)
  if (first === 51 && text.startsWith('336', at) && (text.charCodeAt(at + 3) === 57 || text.startsWith('33639', at))) {
    return overseasClaimOfNational(text.slice(at + 2, end).replace(/\D/g, ''));
  }
  return null;
}

/** The list's own rule on a national number (0690…): its overseas territory, if it is one. */
function overseasClaimOfNational(national: string): TerritoryClaim | null {
  const check = checkMobileNumber(`0${national}`);
  return check.valid && check.country !== 'FR' ? overseasTerritoryClaim(check.normalized) : null;
}
