import { describe, expect, it } from 'vitest';
import { allMySmsLength, countSms, segmentSms } from './sms-count';
import { GSM7_BASIC_CHARACTERS, GSM7_EXTENSION_CHARACTERS, characterFlags, charFlag, gsm7KindOfCode, isGsm7Text } from './gsm7-charset';

describe('GSM-7 table', () => {
  it('has 127 basic characters (plus the escape) and 10 extension characters', () => {
    expect([...GSM7_BASIC_CHARACTERS]).toHaveLength(128);
    expect([...GSM7_EXTENSION_CHARACTERS]).toHaveLength(10);
  });

  it('knows the French accents that are in GSM-7 and those that are not', () => {
    for (const c of 'éèùìòàÉÇÄÖÑÜäöñüÅåØøÆæß') expect(gsm7KindOfCode(c.charCodeAt(0)), c).toBe('basic');
    for (const c of '^{}\\[~]|€\f') expect(gsm7KindOfCode(c.charCodeAt(0)), c).toBe('extension');
    for (const c of 'çâêëîïôûœŒáíóúÀÈÊ’«»…\u00a0`\t°') expect(gsm7KindOfCode(c.charCodeAt(0)), c).toBe('outside');
    expect(isGsm7Text('Ça coûte 15€')).toBe(false);
    expect(isGsm7Text('Ça a été 15€ [ok]')).toBe(true);
  });

  it('marks no GSM-7 character as joining a grapheme (the GSM path never needs Intl.Segmenter)', () => {
    for (const c of GSM7_BASIC_CHARACTERS + GSM7_EXTENSION_CHARACTERS) {
      expect(characterFlags[c.charCodeAt(0)] & charFlag.mayJoinGrapheme, c).toBe(0);
    }
  });

  it('marks as standalone only code units that Intl.Segmenter never joins to a neighbour', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const offenders: string[] = [];
    for (let code = 0x20; code < 0xd800; code++) {
      if (characterFlags[code] & charFlag.mayJoinGrapheme) continue;
      const c = String.fromCharCode(code);
      if ([...segmenter.segment(`a${c}a`)].length !== 3) offenders.push(code.toString(16));
    }
    expect(offenders).toEqual([]);
  });
});

describe('countSms', () => {
  it('counts an empty message as 0 segments', () => {
    expect(countSms('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0, lineFeeds: 0 });
  });

  it('counts GSM-7 septets with extension characters as 2', () => {
    expect(countSms('Prix : 15€ [promo]')).toMatchObject({ encoding: 'GSM-7', units: 21, segments: 1 });
  });

  it('switches to UCS-2 for one character outside GSM-7 and counts UTF-16 code units', () => {
    expect(countSms('Merci Anaïs')).toMatchObject({ encoding: 'UCS-2', units: 11, segments: 1 });
    expect(countSms('Bravo 👍🏽')).toMatchObject({ encoding: 'UCS-2', units: 10, segments: 1 });
  });

  it.each([
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
    [459, 3],
    [460, 4],
  ])('GSM-7: %i septets → %i SMS', (septets, segments) => {
    expect(countSms('a'.repeat(septets)).segments).toBe(segments);
  });

  it.each([
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
    [201, 3],
    [202, 4],
  ])('UCS-2: %i units → %i SMS', (units, segments) => {
    expect(countSms('ç' + 'a'.repeat(units - 1)).segments).toBe(segments);
  });

  it('never splits an escape pair: € straddling septets 153/154 moves to the next part', () => {
    const message = 'a'.repeat(152) + '€' + 'b'.repeat(152);
    // 152 + 2 + 152 = 306 septets, yet the pair cannot sit at 153–154: 152 | 154 → 3 parts.
    expect(countSms(message)).toMatchObject({ units: 306, segments: 3 });
    expect(segmentSms(message).spans.map((p) => [p.start, p.end, p.units])).toEqual([
      [0, 152, 152],
      [152, 304, 153],
      [304, 305, 1],
    ]);
  });

  it('never splits a surrogate pair nor an emoji sequence', () => {
    const family = '👨‍👩‍👧‍👦'; // 11 code units, one grapheme
    const message = 'ô' + 'x'.repeat(60) + family + 'y'.repeat(10);
    const { spans: parts } = segmentSms(message);
    expect(parts.map((p) => p.end)).toEqual([61, message.length]);
    const flags = 'ô' + 'x'.repeat(65) + '🇫🇷' + 'y'.repeat(10);
    expect(segmentSms(flags).spans[0].end).toBe(66);
  });

  it('counts line feeds for the AllMySMS rule', () => {
    const count = countSms('Ligne 1\nLigne 2\nFin');
    expect(count.lineFeeds).toBe(2);
    expect(allMySmsLength(count)).toBe(count.units + 2);
    expect(allMySmsLength(countSms('a'.repeat(158) + '\n'))).toBe(160);
    expect(allMySmsLength(countSms('a'.repeat(159) + '\n'))).toBe(161);
  });

  it('segments cover the whole message one after another', () => {
    const message = 'Bonjour 😀 '.repeat(30);
    const { spans: parts, segments, units } = segmentSms(message);
    expect(parts).toHaveLength(segments);
    expect(parts[0].start).toBe(0);
    expect(parts.at(-1)?.end).toBe(message.length);
    for (let i = 1; i < parts.length; i++) expect(parts[i].start).toBe(parts[i - 1].end);
    expect(parts.reduce((n, p) => n + p.units, 0)).toBe(units);
  });

  it('cuts a grapheme longer than a whole part between code points rather than overflowing', () => {
    const zalgo = 'ç' + 'e' + '\u0301'.repeat(100);
    const { spans: parts, segments } = segmentSms(zalgo);
    expect(segments).toBe(2);
    expect(parts.map((p) => p.end)).toEqual([67, 102]);
    expect(parts.every((p) => p.units <= 67)).toBe(true);
  });
});
