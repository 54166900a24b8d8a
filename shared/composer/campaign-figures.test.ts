import { describe, expect, it } from 'vitest';
import { addRecipientCount, emptyCampaignFigures, mergeCampaignFigures } from './campaign-figures';
import { accumulateCampaignRows } from './count-campaign';
import { compileTemplate } from './template';
import { countSms } from './sms-count';
import { ISENDPRO_APPENDED_STOP_PLACEHOLDER } from './sms-providers';

const columns = ['MOBILE', 'PRENOM', 'NOM', 'VILLE'];
const rows = [
  ['0611111111', 'Léa', 'Martin', 'Lyon'],
  ['0622222222', 'Anaïs', 'Roux', 'Nice'], // ï → UCS-2
  ['0633333333', 'Zoé', 'Dupont', 'Saint-Rémy-de-Provence-' + 'x'.repeat(80)], // GSM-7, over 160,
  ['0644444444', 'Tom', 'Nul', 'Metz'], // not sendable in this test
  ['0655555555', '', 'Petit', ''],
];
const sendable = [true, true, true, false, true];

describe('whole-list figures', () => {
  it('counts recipients, segments, distribution, encodings and UCS-2 switches', () => {
    const compiled = compileTemplate('Bonjour ${PRENOM} ${NOM}, rendez-vous à ${VILLE} le 12/06 à 10h. Répondez OUI pour confirmer.', columns, {
      defaultForHeader: { PRENOM: 'client', VILLE: 'Paris' },
    });
    const figures = accumulateCampaignRows(emptyCampaignFigures({ maxSegments: 1, templateEncoding: compiled.templateEncoding }), {
      compiled,
      rows,
      isSendable: (i) => sendable[i],
    });
    expect(figures.recipients).toBe(4);
    expect(figures.encodings).toEqual({ 'GSM-7': 3, 'UCS-2': 1 });
    expect(figures.switchedToUcs2).toBe(1);
    expect(figures.examples.switchedToUcs2).toEqual([1]);
    expect(figures.segments).toEqual({ min: 1, max: 2, total: 6 });
    expect(figures.distribution).toEqual({ 1: 2, 2: 2 });
    expect(figures.overAccountLimit).toBe(2);
    expect(figures.examples.overAccountLimit).toEqual([1, 2]);
  });

  it('checks AllMySMS 160 with line feeds counted double', () => {
    const figures = emptyCampaignFigures({ maxSegments: 3, templateEncoding: 'GSM-7' });
    addRecipientCount(figures, countSms('a'.repeat(158) + '\n'), 0); // 159 + 1 = 160: fits
    addRecipientCount(figures, countSms('a'.repeat(156) + '\n\n\n'), 1); // 159 + 3 = 162: does not
    expect(figures.allMySms160Failures).toBe(1);
    expect(figures.examples.allMySms160Failures).toEqual([1]);
    expect(figures.segments.total).toBe(2);
  });

  it('counts the text iSendPro appends', () => {
    const compiled = compileTemplate('x'.repeat(141), columns);
    const input = { compiled, rows: [rows[0]], isSendable: () => true };
    const plain = accumulateCampaignRows(emptyCampaignFigures({ maxSegments: 1, templateEncoding: 'GSM-7' }), input);
    const withStop = accumulateCampaignRows(emptyCampaignFigures({ maxSegments: 1, templateEncoding: 'GSM-7' }), {
      ...input,
      compiled: compileTemplate('x'.repeat(142), columns),
      appendedText: ISENDPRO_APPENDED_STOP_PLACEHOLDER,
    });
    expect(plain.segments.total).toBe(1);
    expect(withStop.segments.total).toBe(2);
  });

  it('merges consecutive chunks into the same figures as one pass', () => {
    const compiled = compileTemplate('Bonjour ${PRENOM} ${NOM} ${VILLE}', columns);
    const input = { compiled, rows, isSendable: () => true };
    const options = { maxSegments: 1, templateEncoding: compiled.templateEncoding };
    const whole = accumulateCampaignRows(emptyCampaignFigures(options), input);
    const first = accumulateCampaignRows(emptyCampaignFigures(options), input, 0, 2);
    const second = accumulateCampaignRows(emptyCampaignFigures(options), input, 2, rows.length);
    expect(mergeCampaignFigures(first, second)).toEqual(whole);
    expect(mergeCampaignFigures(emptyCampaignFigures(options), whole)).toEqual(whole);
  });

  it('reports an empty list as zeros', () => {
    expect(emptyCampaignFigures({ maxSegments: 1, templateEncoding: 'GSM-7' })).toMatchObject({
      recipients: 0,
      segments: { min: 0, max: 0, total: 0 },
      encodings: { 'GSM-7': 0, 'UCS-2': 0 },
    });
  });
});
