import { describe, expect, it } from 'vitest';
import { allmysmsLine } from '@shared/providers/allmysms/allmysms-file';
import { allmysmsNumber, checkAllmysmsDrop, splitQuotedLine } from './allmysms-checks';

const utf8 = (text: string) => new TextEncoder().encode(text);
const goodName = 'Soldes2025DD1ABC_20250314103000_HQ.csv';
const verdictOf = (text: string, credits = 1000, name = goodName) => checkAllmysmsDrop(name, utf8(text), credits);

describe('AllMySMS demo checks (API §4.2–4.3)', () => {
  it('accepts the file Dropdesk writes and counts recipients and credits', () => {
    const text = [
      allmysmsLine('33612345678', 'Bonjour Zoé,\nvos soldes commencent. STOP au 36180', 'Boutique'),
      allmysmsLine('33798765432', 'Bonjour Loïc ; à bientôt "chez nous". STOP au 36180', 'Boutique'),
      allmysmsLine('32470123456', 'x'.repeat(200)),
    ].join('\r\n');
    const verdict = verdictOf(`${text}\r\n`);
    expect(verdict).toMatchObject({ accepted: true, recipients: 3, credits: 4, skipped: [] });
  });

  it('Incorrect_FileName for any name outside Name_YYYYMMDDHHMMSS_HQ(_MULT).csv', () => {
    const line = allmysmsLine('33612345678', 'Bonjour');
    for (const name of ['Soldes_2025_20250314103000_HQ.csv', 'Soldes_20250314103000.csv', 'Soldes_20250314103000_LQ.csv', 'Soldes.txt', 'Soldes_20251314103000_HQ.csv']) {
      expect(verdictOf(line, 1000, name)).toMatchObject({ accepted: false, reason: 'Incorrect_FileName' });
    }
    expect(verdictOf(line, 1000, 'Soldes_20250314103000_HQ_MULT.csv').accepted).toBe(true);
  });

  it('Empty_File when nothing is sendable: empty, unquoted, landlines, not UTF-8', () => {
    expect(verdictOf('')).toMatchObject({ accepted: false, reason: 'Empty_File' });
    expect(verdictOf('33612345678;Bonjour\r\n')).toMatchObject({ accepted: false, reason: 'Empty_File', skipped: [{ line: 1, why: 'not-quoted' }] });
    expect(verdictOf('"0145454545";"Bonjour"\r\n')).toMatchObject({ accepted: false, reason: 'Empty_File', skipped: [{ line: 1, why: 'number' }] });
    expect(checkAllmysmsDrop(goodName, Uint8Array.from([0x22, 0x33, 0x36, 0x22, 0x3b, 0x22, 0xe9, 0x22]), 10)).toMatchObject({ reason: 'Empty_File' });
  });

  it('skips bad lines but sends the rest; duplicates count once', () => {
    const text = ['"33612345678";"Un"', '33612345679;"unquoted"', '"33612345678";"Deux"', '"33612345670"'].join('\n');
    expect(verdictOf(text)).toMatchObject({ accepted: true, recipients: 1, skipped: [{ line: 2 }, { line: 4, why: 'field-count' }] });
  });

  it('No_valid_TPOA for a sender that breaks the rules, or without "STOP au 36180" towards France', () => {
    expect(verdictOf(allmysmsLine('33612345678', 'Promo STOP au 36180', '1Boutique'))).toMatchObject({ reason: 'No_valid_TPOA' });
    expect(verdictOf(allmysmsLine('33612345678', 'Promo STOP au 36180', 'Boutiqué'))).toMatchObject({ reason: 'No_valid_TPOA' });
    expect(verdictOf(allmysmsLine('33612345678', 'Promo STOP au 36180', 'Ma Boutique Paris'))).toMatchObject({ reason: 'No_valid_TPOA' });
    expect(verdictOf(allmysmsLine('33612345678', 'Promo sans mention', 'Boutique'))).toMatchObject({ reason: 'No_valid_TPOA' });
    expect(verdictOf(allmysmsLine('33612345678', 'Promo\nSTOP au 36180', 'Boutique')).accepted).toBe(true);
    // Abroad the mention is not required.
    expect(verdictOf(allmysmsLine('32470123456', 'Promo', 'Boutique')).accepted).toBe(true);
  });

  it('Not_enough_credits when the messages cost more than what is left', () => {
    const text = [allmysmsLine('33612345678', 'Un'), allmysmsLine('33612345679', 'Deux')].join('\r\n');
    expect(verdictOf(text, 1)).toMatchObject({ accepted: false, reason: 'Not_enough_credits', credits: 2 });
    expect(verdictOf(text, 2).accepted).toBe(true);
  });

  it('reads quoted fields with doubled quotes and semicolons, and the number formats of the spec', () => {
    expect(splitQuotedLine('"336";"a ""b"" ; c" ;"S"')).toEqual(['336', 'a "b" ; c', 'S']);
    expect(splitQuotedLine('"336";a')).toBeNull();
    expect(allmysmsNumber('0612345678')).toEqual({ digits: '33612345678', france: true });
    expect(allmysmsNumber('+336 12345678')).toEqual({ digits: '33612345678', france: true });
    expect(allmysmsNumber('33712345678')).toEqual({ digits: '33712345678', france: true });
    expect(allmysmsNumber('+447700900123')).toEqual({ digits: '447700900123', france: false });
    expect(allmysmsNumber('0145454545')).toBeNull();
    expect(allmysmsNumber('12')).toBeNull();
  });
});
