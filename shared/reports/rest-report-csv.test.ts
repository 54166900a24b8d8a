import { describe, expect, it } from 'vitest';
import { parseReportText } from './parse-report';
import { restReportRowsToCsv } from './rest-report-csv';

describe('restReportRowsToCsv', () => {
  it('writes the SFTP report columns the parser reads, DELIVERYDATE in Paris time', () => {
    const csv = restReportRowsToCsv([
      { INT_MOBILE: '+33612340000', STATUS_CODE: 16, STATUS_TEXT: 'Délivré', DELIVERYDATE: '2026-12-01T10:00:00Z' },
      { INT_MOBILE: '+33612340001', STATUS_CODE: 17, STATUS_TEXT: 'STOP', REPLY: 'stop; merci' },
    ]);
    expect(csv.split('\r\n')[0]).toBe('REF_LIST;ID_LINE;INT_MOBILE;STATUS_CODE;STATUS_TEXT;DELIVERYDATE;REPLY');
    expect(csv).toContain('01/12/2026 11:00:00');
    expect(csv).toContain('"stop; merci"');
    const parsed = parseReportText(csv, { channel: 'sms' });
    expect(parsed.rowCount).toBe(2);
  });

  it('refuses an answer that is not an array', () => {
    expect(() => restReportRowsToCsv({ error: 'x' })).toThrow(/illisible/);
  });
});
