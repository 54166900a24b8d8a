import { describe, expect, it } from 'vitest';
import frReports from '../../i18n/fr/reports.json';
import enReports from '../../i18n/en/reports.json';
import { ISENDPRO_NOTIFICATION_CODES } from './isendpro-codes';

describe('iSendPro annex codes in the catalogues', () => {
  it('every code of the annex has a French and an English text, and nothing else is there', () => {
    const codes = ISENDPRO_NOTIFICATION_CODES.map((entry) => String(entry.code)).sort();
    expect(Object.keys(frReports.isendproCodes).sort()).toEqual(codes);
    expect(Object.keys(enReports.isendproCodes).sort()).toEqual(codes);
    for (const text of [...Object.values(frReports.isendproCodes), ...Object.values(enReports.isendproCodes)]) expect(text.trim()).not.toBe('');
  });
});
