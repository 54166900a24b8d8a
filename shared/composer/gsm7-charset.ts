/**
 * The GSM 03.38 / 3GPP TS 23.038 default alphabet, as one lookup table indexed
 * by UTF-16 code unit so the counter does a single array read per character
 * (no regex, no Map, no allocation).
 */

/** The basic table in septet order (0x00…0x7F); 0x1B is the escape to the extension table. */
export const GSM7_BASIC_CHARACTERS =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/**
 * Extension table characters: each costs two septets (escape + code). Form
 * feed is in the table too (0x1B 0x0A), kept for completeness.
 */
export const GSM7_EXTENSION_CHARACTERS = '\f^{}\\[~]|€';

/** Flags stored per UTF-16 code unit in {@link characterFlags}. */
export const charFlag = {
  /** Low two bits: septets this character costs in GSM-7 (1 basic, 2 extension, 0 outside). */
  septetsMask: 0b0011,
  /** The character is not in GSM-7: the message must go out in UCS-2. */
  outsideGsm7: 0b0100,
  /**
   * The code unit may belong to a multi-unit grapheme cluster (surrogates,
   * combining marks, joiners, variation selectors, Hangul jamo, Indic and other
   * complex scripts). When a message has none, every code unit is a grapheme
   * on its own and the counter never needs Intl.Segmenter.
   */
  mayJoinGrapheme: 0b1000,
  lineFeed: 0b1_0000,
} as const;

/**
 * Ranges of code units that always form a grapheme cluster on their own
 * (UAX #29 classes Any/Control, never Extend, SpacingMark, Prepend, ZWJ,
 * Regional_Indicator or Hangul). Deliberately conservative: anything not
 * listed is treated as "may join" and sent to the grapheme segmenter.
 */
const standaloneGraphemeRanges: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x02ff], // Latin, Latin-1, Latin Extended-A/B, IPA, spacing modifiers
  [0x0370, 0x0482], // Greek and Coptic, Cyrillic letters
  [0x048a, 0x0590], // Cyrillic supplement, Armenian
  [0x1e00, 0x1fff], // Latin Extended Additional, Greek Extended
  [0x2000, 0x200b], // spaces, zero-width space (Control)
  [0x200e, 0x205f], // marks, punctuation, quotes, dashes, narrow no-break space
  [0x2070, 0x20cf], // super/subscripts, currency symbols
  [0x2100, 0x2bff], // letterlike, arrows, maths, box drawing, misc symbols
  [0x2e00, 0x2e7f], // supplemental punctuation
];

function buildCharacterFlags(): Uint8Array {
  const flags = new Uint8Array(0x10000).fill(charFlag.outsideGsm7 | charFlag.mayJoinGrapheme);
  for (const [first, last] of standaloneGraphemeRanges) {
    for (let code = first; code <= last; code++) flags[code] &= ~charFlag.mayJoinGrapheme;
  }
  for (const character of GSM7_BASIC_CHARACTERS) {
    const code = character.charCodeAt(0);
    if (code === 0x1b) continue; // the escape itself is not a character a user can type
    flags[code] = (flags[code] & charFlag.mayJoinGrapheme) | 1;
  }
  for (const character of GSM7_EXTENSION_CHARACTERS) {
    const code = character.charCodeAt(0);
    flags[code] = (flags[code] & charFlag.mayJoinGrapheme) | 2;
  }
  flags[0x0a] |= charFlag.lineFeed;
  return flags;
}

/** One byte per UTF-16 code unit; see {@link charFlag}. Built once (64 KiB). */
export const characterFlags: Uint8Array = buildCharacterFlags();

export type Gsm7CharacterKind = 'basic' | 'extension' | 'outside';

/** Kind of one UTF-16 code unit (a lone surrogate is "outside"). */
export function gsm7KindOfCode(code: number): Gsm7CharacterKind {
  const septets = characterFlags[code] & charFlag.septetsMask;
  return septets === 1 ? 'basic' : septets === 2 ? 'extension' : 'outside';
}

/** True when every character of `text` is in the GSM-7 basic or extension table. */
export function isGsm7Text(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (characterFlags[text.charCodeAt(i)] & charFlag.outsideGsm7) return false;
  }
  return true;
}
