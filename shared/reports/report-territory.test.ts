import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { checkMobileNumberWithLibphonenumber } from '../lists/validate-number';
import { overseasTerritoryAt, overseasTerritoryOf } from './report-territory';
import { generateReport } from './generate-report';
import { parseAndSummarizeReport } from './parse-and-summarize-report';
import { encodeReportText } from './report-encoding';

/*
 * One number per territory (libphonenumber's own examples), each checked
 * against the reference rule. Saint-Barthélemy and Saint-Martin share
 * Guadeloupe's mobile ranges (0690, 0691: the metadata gives the three the
 * same mobile pattern, and libphonenumber reports GP), so only their fixed
 * lines tell them apart; MediasFlow's own MF_COUNTRY, when it names them, is kept.
 */
const mobiles: [string, string, string][] = [
  ['Guadeloupe', 'GP', '590690001234'],
  ['Martinique', 'MQ', '596696201234'],
  ['La Réunion', 'RE', '262692123456'],
  ['Mayotte', 'YT', '262639012345'],
  ['Guyane', 'GF', '594694201234'],
  ['Saint-Pierre-et-Miquelon', 'PM', '508551234'],
];
const fixedLines: [string, string, string][] = [
  ['Saint-Barthélemy', 'BL', '590590271234'],
  ['Saint-Martin', 'MF', '590590001234'],
];

describe('overseasTerritoryOf', () => {
  it.each(mobiles)('%s (%s) from its mobile prefix, as the number rule says', (_name, code, digits) => {
    expect(checkMobileNumberWithLibphonenumber(`+${digits}`)).toMatchObject({ valid: true, country: code });
    expect(overseasTerritoryOf(digits)).toBe(code);
  });

  it.each(fixedLines)('%s (%s) from its own prefix, as libphonenumber parses it', (_name, code, digits) => {
    expect(parsePhoneNumberFromString(`+${digits}`)?.country).toBe(code);
    expect(overseasTerritoryOf(digits)).toBe(code);
  });

  it('gives a mobile of the shared 0690 range the country the rule gives (Guadeloupe)', () => {
    expect(overseasTerritoryOf('590690271234')).toBe(checkMobileNumberWithLibphonenumber('+590690271234').valid ? 'GP' : null);
  });

  it('says nothing for mainland France, abroad or an unknown prefix', () => {
    expect(overseasTerritoryOf('33612345678')).toBeNull();
    expect(overseasTerritoryOf('32470123456')).toBeNull();
    expect(overseasTerritoryOf('')).toBeNull();
  });
});

describe('overseasTerritoryAt', () => {
  it('reads INT_MOBILE as written (+, 00, spaces)', () => {
    const text = 'x;+590 690 12 34 56;0059669612345 6;33612345678';
    expect(overseasTerritoryAt(text, 2, 19)?.code).toBe('GP');
    expect(overseasTerritoryAt(text, 20, 37)?.code).toBe('MQ');
    expect(overseasTerritoryAt(text, 38, text.length)).toBeNull();
  });

  it('reads an overseas mobile of the list written with mainland’s 33 (0690… → 33690…) as the list’s rule does', () => {
    for (const [digits, code] of [['33690001234', 'GP'], ['33696201234', 'MQ'], ['33692123456', 'RE'], ['33639012345', 'YT'], ['33694201234', 'GF']] as const) {
      expect(overseasTerritoryAt(digits, 0, digits.length)?.code).toBe(code);
    }
    expect(overseasTerritoryAt('33612345678', 0, 11)).toBeNull();
    expect(overseasTerritoryAt('33799999999', 0, 11)).toBeNull();
  });
});

describe('the report country breakdown', () => {
  it('shows overseas numbers under their territory, not « pays non indiqué »', () => {
    const numbers = ['+590690001234', '+596696201234', '+594694201234', '+508551234', '+262639012345', '+33612345678'];
    const generated = generateReport({ channel: 'sms', dropName: '1-X-Outre-mer_20241126100000.csv', campaignId: '1', generatedAt: '2024-11-27T10:00:00Z', originalColumns: ['MOBILE'], rows: numbers.map((number) => [number]), codes: [21] });
    // Like MediasFlow for these, the generator leaves MF_COUNTRY empty for +590/+596/+594/+508 and writes RE for every +262 (Mayotte's too).
    const { summary, parsed } = parseAndSummarizeReport(encodeReportText(generated.content, 'utf-8'), generated.fileName);
    expect(summary.countries).toEqual({ GP: 1, MQ: 1, GF: 1, PM: 1, YT: 1, FR: 1 });
    expect([...parsed.countryIds].map((id) => parsed.countries[id])).toEqual(['GP', 'MQ', 'GF', 'PM', 'YT', 'FR']);
  });

  it('turns a FR written for an overseas number into its territory', () => {
    const text = ['INT_MOBILE;STATUS_CODE;MF_COUNTRY', '590690001234;21;FR', '262639012345;21;', '33612345678;21;FR', '262692123456;21;RE', '32470123456;21;BE', '590690001234;21;BL'].join('\r\n');
    const { summary } = parseAndSummarizeReport(new TextEncoder().encode(text), 'x.csv', { channel: 'sms' });
    // BL written by MediasFlow for a number of the range Guadeloupe shares is kept: the rule cannot tell them apart.
    expect(summary.countries).toEqual({ GP: 1, YT: 1, FR: 1, RE: 1, BE: 1, BL: 1 });
  });
});
