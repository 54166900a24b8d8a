import { describe, expect, it } from 'vitest';
import {
  applyAllGsm7Replacements,
  applyGsm7ReplacementAt,
  gsm7ReplacementFor,
  listGsm7Replacements,
} from './gsm7-replacements';
import { GSM7_BASIC_CHARACTERS, GSM7_EXTENSION_CHARACTERS, isGsm7Text } from './gsm7-charset';
import { countSms } from './sms-count';
import { classifyCharacters, outsideGsm7Characters } from './character-classes';

describe('GSM-7 replacements', () => {
  it.each([
    ['‘', "'"],
    ['’', "'"],
    ['‚', "'"],
    ['‛', "'"],
    ['“', '"'],
    ['”', '"'],
    ['„', '"'],
    ['«', '"'],
    ['»', '"'],
    ['\u00a0', ' '],
    ['\u2009', ' '],
    ['\u202f', ' '],
    ['\u2007', ' '],
    ['–', '-'],
    ['—', '-'],
    ['‒', '-'],
    ['−', '-'],
    ['…', '...'],
    ['œ', 'oe'],
    ['Œ', 'OE'],
    ['â', 'a'],
    ['ê', 'e'],
    ['ë', 'e'],
    ['î', 'i'],
    ['ï', 'i'],
    ['ô', 'o'],
    ['û', 'u'],
    ['ç', 'c'],
    ['á', 'a'],
    ['í', 'i'],
    ['ó', 'o'],
    ['ú', 'u'],
    ['À', 'A'],
    ['È', 'E'],
    ['Ê', 'E'],
    ['Ù', 'U'],
    ['ÿ', 'y'],
  ])('%j → %j', (character, replacement) => {
    expect(gsm7ReplacementFor(character)?.replacement).toBe(replacement);
  });

  it('never replaces a character that is already GSM-7 (é è ù ì ò à É Ç Ä Ö Ñ Ü ä ö ñ ü Å å Ø ø Æ æ ß € [ …)', () => {
    for (const character of GSM7_BASIC_CHARACTERS + GSM7_EXTENSION_CHARACTERS) {
      expect(gsm7ReplacementFor(character), JSON.stringify(character)).toBeNull();
    }
    const french = 'Été à Cannes : déjà 15€, où là ? Æsa, Øre, Straße, [x] {y} ~ ^ | \\';
    expect(listGsm7Replacements(french)).toEqual([]);
    expect(applyAllGsm7Replacements(french)).toEqual({ text: french, replaced: 0, remaining: [] });
  });

  it('every replacement is GSM-7 text', () => {
    for (let code = 0xa0; code < 0x3000; code++) {
      const rule = gsm7ReplacementFor(String.fromCharCode(code));
      if (rule) expect(isGsm7Text(rule.replacement), code.toString(16)).toBe(true);
    }
  });

  it('has no suggestion for emoji or other scripts', () => {
    expect(gsm7ReplacementFor('😀')).toBeNull();
    expect(gsm7ReplacementFor('한')).toBeNull();
  });

  it('lists suggestions with their position and applies one at a time', () => {
    const text = 'L’été « chez nous »';
    const suggestions = listGsm7Replacements(text);
    expect(suggestions.map((s) => [s.start, s.original, s.replacement, s.reason])).toEqual([
      [1, '’', "'", 'quote'],
      [6, '«', '"', 'quote'],
      [18, '»', '"', 'quote'],
    ]);
    expect(applyGsm7ReplacementAt(text, 1)).toBe("L'été « chez nous »");
    expect(applyGsm7ReplacementAt(text, 2)).toBe(text); // é is GSM-7: nothing to do
  });

  it('replaces everything at once and reports what is left', () => {
    const text = 'L’offre « été » – 15€ pour Françoise, sœur d’Anaïs… 😀';
    const result = applyAllGsm7Replacements(text);
    expect(result.text).toBe('L\'offre " été " - 15€ pour Francoise, soeur d\'Anais... 😀');
    expect(result.replaced).toBe(9);
    expect(result.remaining).toEqual(['😀']);
  });

  it('recomposes decomposed accents (pasted from macOS) when the composed letter is GSM-7', () => {
    const decomposed = 'e\u0301te\u0301 a\u0300 Noe\u0308l'; // été à Noël, NFD
    expect(countSms(decomposed).encoding).toBe('UCS-2');
    const result = applyAllGsm7Replacements(decomposed);
    expect(result.text).toBe('été à Noel');
    expect(countSms(result.text).encoding).toBe('GSM-7');
  });

  it('turns a typical French message from UCS-2 / 2 SMS into GSM-7 / 1 SMS', () => {
    const text = 'Bonjour, l’offre de Noël est à 15€ jusqu’au 24 décembre. Profitez‑en vite… Réservez dès maintenant !';
    expect(countSms(text)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    const fixed = applyAllGsm7Replacements(text).text;
    expect(countSms(fixed)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });
});

describe('character classification', () => {
  it('merges runs of basic, extension and outside characters', () => {
    expect(classifyCharacters('a€b😀')).toEqual([
      { start: 0, end: 1, kind: 'basic' },
      { start: 1, end: 2, kind: 'extension' },
      { start: 2, end: 3, kind: 'basic' },
      { start: 3, end: 5, kind: 'outside' },
    ]);
    expect(classifyCharacters('')).toEqual([]);
  });

  it('groups outside characters with their positions and replacement', () => {
    expect(outsideGsm7Characters('ça ’ ça 😀')).toEqual([
      { character: 'ç', positions: [0, 5], replacement: 'c' },
      { character: '’', positions: [3], replacement: "'" },
      { character: '😀', positions: [8], replacement: null },
    ]);
  });
});
