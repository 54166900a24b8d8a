/**
 * Replacement suggestions that keep a message in GSM-7 (what MediasFlow's
 * autoREPLACETOGSM7 does on its side: "ç,â,ê,ë → c,a,e,e"), so staff can see
 * and accept each change before sending. Only characters outside GSM-7 are
 * ever replaced: é è ù ì ò à É Ç Ä Ö Ñ Ü ä ö ñ ü Å å Ø ø Æ æ ß stay as they are.
 */
import { charFlag, characterFlags, isGsm7Text } from './gsm7-charset';

export type ReplacementReason = 'quote' | 'space' | 'dash' | 'ellipsis' | 'ligature' | 'accent' | 'invisible' | 'symbol';

export interface ReplacementRule {
  replacement: string;
  reason: ReplacementReason;
}

function rules(characters: string, replacement: string, reason: ReplacementReason): Array<[string, ReplacementRule]> {
  return [...characters].map((character) => [character, { replacement, reason }]);
}

/** Explicit rules first; accented letters not listed fall back to "strip the accent" (NFD). */
const explicitRules = new Map<string, ReplacementRule>([
  ...rules('‘’‚‛′‹›´`', "'", 'quote'),
  ...rules('“”„‟″«»', '"', 'quote'),
  ...rules('\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t', ' ', 'space'),
  ...rules('\u2028\u2029', '\n', 'space'),
  ...rules('\u200b\u200c\u200d\u2060\ufeff\u00ad', '', 'invisible'),
  ...rules('‐‑‒–—―−', '-', 'dash'),
  ['…', { replacement: '...', reason: 'ellipsis' }],
  ['œ', { replacement: 'oe', reason: 'ligature' }],
  ['Œ', { replacement: 'OE', reason: 'ligature' }],
  ['ĳ', { replacement: 'ij', reason: 'ligature' }],
  ['Ĳ', { replacement: 'IJ', reason: 'ligature' }],
  ['ﬁ', { replacement: 'fi', reason: 'ligature' }],
  ['ﬂ', { replacement: 'fl', reason: 'ligature' }],
  // GSM-7 only has the capital Ç; MediasFlow replaces ç with c.
  ['ç', { replacement: 'c', reason: 'accent' }],
  ['ð', { replacement: 'd', reason: 'accent' }],
  ['Ð', { replacement: 'D', reason: 'accent' }],
  ['đ', { replacement: 'd', reason: 'accent' }],
  ['Đ', { replacement: 'D', reason: 'accent' }],
  ['ł', { replacement: 'l', reason: 'accent' }],
  ['Ł', { replacement: 'L', reason: 'accent' }],
  ['þ', { replacement: 'th', reason: 'accent' }],
  ['Þ', { replacement: 'TH', reason: 'accent' }],
  ['•', { replacement: '-', reason: 'symbol' }],
  ['·', { replacement: '.', reason: 'symbol' }],
  ['™', { replacement: 'TM', reason: 'symbol' }],
  ['©', { replacement: '(c)', reason: 'symbol' }],
  ['®', { replacement: '(R)', reason: 'symbol' }],
  ['×', { replacement: 'x', reason: 'symbol' }],
  ['÷', { replacement: '/', reason: 'symbol' }],
  ['¼', { replacement: '1/4', reason: 'symbol' }],
  ['½', { replacement: '1/2', reason: 'symbol' }],
  ['¾', { replacement: '3/4', reason: 'symbol' }],
  ['¹', { replacement: '1', reason: 'symbol' }],
  ['²', { replacement: '2', reason: 'symbol' }],
  ['³', { replacement: '3', reason: 'symbol' }],
]);

const combiningMarks = /[\u0300-\u036f]/g;
const cache = new Map<string, ReplacementRule | null>();

/**
 * The GSM-7 replacement for one character (a code point), or null when it is
 * already GSM-7 or has no sensible replacement (emoji, other scripts…).
 */
export function gsm7ReplacementFor(character: string): ReplacementRule | null {
  if (isGsm7Text(character)) return null;
  const cached = cache.get(character);
  if (cached !== undefined) return cached;
  let rule = explicitRules.get(character) ?? null;
  if (!rule) {
    // â ê ë î ï ô û á í ó ú À È Ê Ì Ò Ù ã õ ÿ š ž ą ę… : drop the accent when the bare letter is GSM-7.
    const bare = character.normalize('NFD').replace(combiningMarks, '');
    if (bare !== character && bare.length > 0 && isGsm7Text(bare)) rule = { replacement: bare, reason: 'accent' };
  }
  cache.set(character, rule);
  return rule;
}

export interface ReplacementSuggestion extends ReplacementRule {
  /** UTF-16 index of the first replaced code unit in the message. */
  start: number;
  end: number;
  original: string;
}

interface Scan {
  suggestions: ReplacementSuggestion[];
  /** Distinct characters outside GSM-7 with no replacement (emoji, other scripts…). */
  unreplaceable: string[];
}

function isCombiningMark(code: number): boolean {
  return code >= 0x0300 && code <= 0x036f;
}

/**
 * Walks the message once. A letter followed by combining accents (text pasted
 * from macOS is often decomposed: "e" + U+0301) is one suggestion: recompose
 * it when the composed letter is GSM-7 ("é"), else drop the accents ("ê" → "e").
 */
function scan(text: string): Scan {
  const suggestions: ReplacementSuggestion[] = [];
  const unreplaceable = new Set<string>();
  for (let i = 0; i < text.length; ) {
    const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    let end = i + width;
    while (end < text.length && isCombiningMark(text.charCodeAt(end))) end++;
    const original = text.slice(i, end);
    if (end > i + width) {
      const composed = original.normalize('NFC');
      const base = text.slice(i, i + width);
      // Keep a base that is already GSM-7 ("é" + extra accent → "é"), else strip every accent.
      const bare = isGsm7Text(base) ? base : original.normalize('NFD').replace(combiningMarks, '');
      const replacement = isGsm7Text(composed) ? composed : bare && isGsm7Text(bare) ? bare : null;
      if (replacement !== null) suggestions.push({ start: i, end, original, replacement, reason: 'accent' });
      else unreplaceable.add(original);
    } else if (characterFlags[text.charCodeAt(i)] & charFlag.outsideGsm7) {
      const rule = gsm7ReplacementFor(original);
      if (rule) suggestions.push({ start: i, end, original, ...rule });
      else unreplaceable.add(original);
    }
    i = end;
  }
  return { suggestions, unreplaceable: [...unreplaceable] };
}

/** Every character outside GSM-7 that has a replacement, in message order, never overlapping. */
export function listGsm7Replacements(text: string): ReplacementSuggestion[] {
  return scan(text).suggestions;
}

/** Applies the suggestion that starts at `start`; the text is unchanged when there is none. */
export function applyGsm7ReplacementAt(text: string, start: number): string {
  const suggestion = scan(text).suggestions.find((s) => s.start === start);
  return suggestion ? text.slice(0, suggestion.start) + suggestion.replacement + text.slice(suggestion.end) : text;
}

export interface ReplaceAllResult {
  text: string;
  /** Suggestions applied. */
  replaced: number;
  /** Distinct characters still outside GSM-7 (no replacement exists: emoji, other scripts…). */
  remaining: string[];
}

/** Applies every suggestion at once ("replace all"). */
export function applyAllGsm7Replacements(text: string): ReplaceAllResult {
  const { suggestions, unreplaceable } = scan(text);
  let result = '';
  let copiedUpTo = 0;
  for (const suggestion of suggestions) {
    result += text.slice(copiedUpTo, suggestion.start) + suggestion.replacement;
    copiedUpTo = suggestion.end;
  }
  return { text: result + text.slice(copiedUpTo), replaced: suggestions.length, remaining: unreplaceable };
}
