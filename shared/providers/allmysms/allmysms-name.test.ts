import { describe, expect, it } from 'vitest';
import { allmysmsTemporaryName, buildAllmysmsName, checkAllmysmsSender, cleanAllmysmsCampaignName, parseAllmysmsName } from './allmysms-name';
import { appendStopMention, checkStopMention } from '../../composer/stop-mention';

describe('cleanAllmysmsCampaignName', () => {
  it('keeps letters and digits, drops accents, capitalises words', () => {
    expect(cleanAllmysmsCampaignName("Soldes d'hiver 2024 !")).toBe('SoldesDHiver2024');
    expect(cleanAllmysmsCampaignName('Fête de l’Œuvre — été')).toBe('FeteDeLOEuvreEte');
    expect(cleanAllmysmsCampaignName('🎉🎉')).toBe('');
    expect(cleanAllmysmsCampaignName('a'.repeat(60))).toHaveLength(40);
  });
});

describe('buildAllmysmsName', () => {
  it('writes Name_YYYYMMDDHHMMSS_HQ.csv with the send date in Paris time', () => {
    expect(buildAllmysmsName({ campaignName: 'Envoi FTP', idDelivery: 'DDK1', sendAt: new Date('2013-07-16T10:00:00Z') })).toEqual({
      ok: true,
      name: 'EnvoiFTPDDK1_20130716120000_HQ.csv',
    });
  });

  it('names the parts of a split drop distinctly, letters and digits only', () => {
    const names = [1, 2, 3].map((index) => {
      const result = buildAllmysmsName({ campaignName: 'Promo', idDelivery: `DDK${index}`, sendAt: new Date('2024-01-08T07:00:00Z'), part: { index, count: 3 } });
      return result.ok ? result.name : '';
    });
    expect(names).toEqual(['PromoP1DDK1_20240108080000_HQ.csv', 'PromoP2DDK2_20240108080000_HQ.csv', 'PromoP3DDK3_20240108080000_HQ.csv']);
    for (const name of names) expect(name.split('_')[0]).toMatch(/^[A-Za-z0-9]+$/);
  });

  it('falls back to a generic name and refuses bad ids or parts', () => {
    expect(buildAllmysmsName({ campaignName: '!!!', idDelivery: 'DD1', sendAt: new Date('2024-01-08T07:00:00Z') })).toMatchObject({ name: 'CampagneDD1_20240108080000_HQ.csv' });
    expect(buildAllmysmsName({ campaignName: 'a', idDelivery: 'DD_1', sendAt: new Date() })).toEqual({ ok: false, problems: ['delivery-id'] });
    expect(buildAllmysmsName({ campaignName: 'a', idDelivery: 'DD1', sendAt: new Date(), part: { index: 4, count: 3 } })).toEqual({ ok: false, problems: ['part'] });
  });

  it('round-trips through the parser, .tmp included', () => {
    const result = buildAllmysmsName({ campaignName: 'Promo', idDelivery: 'DD1', sendAt: new Date('2024-01-08T07:00:00Z') });
    if (!result.ok) throw new Error('build');
    expect(parseAllmysmsName(result.name)).toEqual({
      name: 'PromoDD1',
      sendDate: { text: '20240108080000', digits: '20240108080000', at: new Date('2024-01-08T07:00:00Z') },
      multiple: false,
      extension: '.csv',
    });
    expect(allmysmsTemporaryName(result.name)).toBe('PromoDD1_20240108080000_HQ.tmp');
    expect(parseAllmysmsName('PromoDD1_20240108080000_HQ.tmp')?.extension).toBe('.tmp');
    expect(parseAllmysmsName('CampagneFtp_20130716120000_HQ_MULT.csv')?.multiple).toBe(true);
    expect(parseAllmysmsName('Campagne Ftp_20130716120000_HQ.csv')).toBeNull();
    expect(parseAllmysmsName('CampagneFtp_20131316120000_HQ.csv')).toBeNull();
  });
});

describe('checkAllmysmsSender', () => {
  it('applies the spec\u2019s rules', () => {
    expect(checkAllmysmsSender('Dropdesk')).toEqual([]);
    expect(checkAllmysmsSender('Mon Garage')).toEqual([]);
    expect(checkAllmysmsSender('1Garage')).toEqual(['must-start-with-letter']);
    expect(checkAllmysmsSender('Été')).toEqual(['must-start-with-letter', 'invalid-characters']);
    expect(checkAllmysmsSender('AB')).toEqual(['too-short']);
    expect(checkAllmysmsSender('ABCDEFGHIJKL')).toEqual(['too-long']);
  });

  it('requires the STOP mention at the end when a message is given', () => {
    expect(checkAllmysmsSender('Garage', 'Bonjour, -20% ce week-end. STOP au 36180')).toEqual([]);
    expect(checkAllmysmsSender('Garage', 'Bonjour\nSTOP au 36180')).toEqual([]);
    expect(checkAllmysmsSender('Garage', 'Bonjour')).toEqual(['missing-stop-mention']);
    expect(checkAllmysmsSender('Garage', 'xSTOP au 36180')).toEqual(['missing-stop-mention']);
  });

  it('asks for the account\u2019s own mention when its connection sets one', () => {
    const account = { stopMention: 'STOP au 36184' };
    expect(checkAllmysmsSender('Garage', 'Bonjour STOP au 36184', account)).toEqual([]);
    expect(checkAllmysmsSender('Garage', 'Bonjour STOP au 36180', account)).toEqual(['missing-stop-mention']);
    expect(checkAllmysmsSender('Garage', appendStopMention('allmysms', 'Bonjour stop au 36184', account), account)).toEqual([]);
  });

  it('uses the composer\u2019s strict rule: "Promo stop au 36180" is refused by both, and the one-click fix passes both', () => {
    const composer = { provider: 'allmysms' as const, kind: 'marketing' as const, sender: 'Garage' };
    const nearMisses = ['Promo stop au 36180', 'Promo STOP au 36180 ', 'Promo\nStop Au  36180'];
    for (const message of nearMisses) {
      expect(checkAllmysmsSender('Garage', message)).toEqual(['missing-stop-mention']);
      expect(checkStopMention(message, composer).map((issue) => issue.code)).toEqual(['allmysms-stop-required-for-sender']);
      const fixed = appendStopMention('allmysms', message);
      expect(checkAllmysmsSender('Garage', fixed)).toEqual([]);
      expect(checkStopMention(fixed, composer)).toEqual([]);
    }
    expect(appendStopMention('allmysms', 'Promo stop au 36180')).toBe('Promo STOP au 36180');
    expect(appendStopMention('allmysms', 'Promo\nStop Au  36180')).toBe('Promo\nSTOP au 36180');
  });
});
