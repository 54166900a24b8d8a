/**
 * IDCAMPAGNE, the campaign name in a MediasFlow file name. The guide accepts
 * letters (accents too), digits and spaces, and refuses every special
 * character — '-' and '_' included, which also separate the name's fields.
 * "Letters" is read as letters of the Latin script (é, ç, œ…): the guide only
 * speaks of accents, and other scripts would be a gamble on the provider's
 * file system. The name shows on MediasFlow's platform and on invoices.
 */

/** Keeps the whole file name under the 255-byte limit of common file systems. */
export const maxCampaignNameLength = 100;

const allowedCharacter = /^(?:(?=\p{Script=Latin})\p{L}|[0-9 ])$/u;

export type CampaignNameProblem = 'empty' | 'invalid-characters' | 'extra-spaces' | 'too-long';

export interface CampaignNameCheck {
  ok: boolean;
  problems: CampaignNameProblem[];
  /** Each refused character once, in order of appearance. */
  invalidCharacters: string[];
  /** What cleanCampaignName proposes (may be '' when nothing usable is left). */
  suggestion: string;
}

export function isAllowedCampaignNameCharacter(character: string): boolean {
  return allowedCharacter.test(character);
}

/**
 * The name the composer offers when the user typed something the provider
 * refuses: every refused character becomes a space (so "Soldes-Hiver/2024"
 * reads "Soldes Hiver 2024"), spaces are collapsed and trimmed, then cut to
 * the maximum length.
 */
export function cleanCampaignName(input: string, maxLength = maxCampaignNameLength): string {
  let cleaned = '';
  for (const character of input.normalize('NFC')) cleaned += isAllowedCampaignNameCharacter(character) ? character : ' ';
  cleaned = cleaned.replace(/ {2,}/g, ' ').trim();
  const codePoints = Array.from(cleaned);
  return codePoints.length > maxLength ? codePoints.slice(0, maxLength).join('').trim() : cleaned;
}

export function validateCampaignName(input: string, maxLength = maxCampaignNameLength): CampaignNameCheck {
  const problems: CampaignNameProblem[] = [];
  const invalidCharacters: string[] = [];
  const normalized = input.normalize('NFC');
  for (const character of normalized) {
    if (!isAllowedCampaignNameCharacter(character) && !invalidCharacters.includes(character)) invalidCharacters.push(character);
  }
  if (normalized.trim() === '') problems.push('empty');
  if (invalidCharacters.length > 0) problems.push('invalid-characters');
  if (normalized !== normalized.trim() || / {2}/.test(normalized)) problems.push('extra-spaces');
  if (Array.from(normalized).length > maxLength) problems.push('too-long');
  return { ok: problems.length === 0, problems, invalidCharacters, suggestion: cleanCampaignName(input, maxLength) };
}

/**
 * The provider-safe name written in the file name (IDCAMPAGNE; AllMySMS
 * cleans it further): the user's own override when they gave one, else the
 * campaign's name — both cleaned. The campaign keeps the name the user typed.
 */
export function fileCampaignName(campaignName: string, override = '', maxLength = maxCampaignNameLength): string {
  return cleanCampaignName(override.trim() || campaignName, maxLength);
}
