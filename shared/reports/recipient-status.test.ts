import { describe, expect, it } from 'vitest';
import { ISENDPRO_NOTIFICATION_CODES } from '../providers/isendpro/isendpro-codes';
import { recipientStatus, reportCodeSystemOf } from './recipient-status';
import { REPORT_CATEGORIES, categoryOfCode, statusCodeInfo } from './status-codes';
import frReports from '../i18n/fr/reports.json';
import enReports from '../i18n/en/reports.json';

describe('recipientStatus: one rule for MediasFlow and iSendPro codes', () => {
  it('reads MediasFlow codes from the guide’s table, per channel', () => {
    expect(recipientStatus('mediasflow', 'sms', '21')).toMatchObject({ code: 21, category: categoryOfCode('sms', 21), label: statusCodeInfo('sms', 21)!.label, known: true, labelKey: 'codes.sms.21' });
    expect(recipientStatus('mediasflow', 'sms', ' 999 ')).toMatchObject({ code: 999, category: 'other', known: false });
    expect(recipientStatus('mediasflow', 'vms', '')).toMatchObject({ code: null, category: 'other', known: false });
  });

  it('reads iSendPro’s annex codes into the same categories, in plain French: 0 sent without confirmation, 11 blacklist, 21 not attributed', () => {
    expect(recipientStatus('isendpro', 'sms', '0')).toMatchObject({ category: 'sentUnconfirmed', label: 'Votre message a bien été envoyé', known: true, labelKey: 'codes.isendpro.0' });
    expect(recipientStatus('isendpro', 'sms', '11')).toMatchObject({ category: 'blacklisted', known: true });
    expect(recipientStatus('isendpro', 'sms', '11').label).toMatch(/liste noire/);
    // Code 11 is something else for MediasFlow: the system decides.
    expect(recipientStatus('mediasflow', 'sms', '11').category).toBe(categoryOfCode('sms', 11));
    expect(recipientStatus('isendpro', 'sms', '21')).toMatchObject({ category: 'notSent', known: true });
    expect(recipientStatus('isendpro', 'sms', '4242')).toMatchObject({ category: 'other', known: false });
    for (const entry of ISENDPRO_NOTIFICATION_CODES) expect(REPORT_CATEGORIES).toContain(recipientStatus('isendpro', 'sms', String(entry.code)).category);
  });

  it('an iSendPro recipient without a notification yet is « en cours »', () => {
    expect(recipientStatus('isendpro', 'sms', '')).toMatchObject({ code: null, category: 'inProgress', known: true, labelKey: 'codes.isendpro.pending' });
  });

  it('the catalogues name every iSendPro code; the French one with the annex’s words', () => {
    const fr = frReports.codes.isendpro as Record<string, string>;
    const en = enReports.codes.isendpro as Record<string, string>;
    for (const entry of ISENDPRO_NOTIFICATION_CODES) {
      expect(fr[String(entry.code)]).toBe(entry.label);
      expect(en[String(entry.code)]).toBeTruthy();
    }
    expect(fr.pending).toBe(recipientStatus('isendpro', 'sms', '').label);
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('knows whose codes a campaign holds from its provider', () => {
    expect(reportCodeSystemOf('isendpro-mail')).toBe('isendpro');
    expect(reportCodeSystemOf('mediasflow-sftp')).toBe('mediasflow');
    expect(reportCodeSystemOf('mediasflow-rest')).toBe('mediasflow');
  });
});
