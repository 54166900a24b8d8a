import { describe, expect, it } from 'vitest';
import { readReportFixture, SMS_UTF8_FIXTURE, VMS_CP1252_FIXTURE } from '../../test/fixtures/reports/load-report-fixture';
import { codeKeyAt, parseReportBytes, parseReportText, readReportRow, ReportFormatError } from './parse-report';
import { summarizeReport } from './summarize-report';

describe('parse a hand-written SMS report (UTF-8 with BOM)', () => {
  const parsed = parseReportBytes(readReportFixture(SMS_UTF8_FIXTURE));

  it('detects SMS, UTF-8, and keeps the list columns after the report columns', () => {
    expect(parsed.channel).toBe('sms');
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.header.columns[0]).toBe('REF_LIST');
    expect(parsed.header.missingColumns).toEqual([]);
    expect(parsed.header.originalColumnIndices.map((index) => parsed.header.columns[index])).toEqual(['MOBILE', 'NOM', 'PRENOM', 'MONTANT', 'NOTE']);
  });

  it('reads 18 rows, a quoted line break staying inside its row', () => {
    expect(parsed.rowCount).toBe(18);
    expect(parsed.shortRows).toBe(0);
    const row17 = readReportRow(parsed, 16);
    expect(row17[22]).toBe('Ligne 1\r\nLigne 2');
    expect(readReportRow(parsed, 1)[22]).toBe('Client; fidèle');
    expect(readReportRow(parsed, 2)[22]).toBe('Dit "bonjour"');
    expect(readReportRow(parsed, 0).slice(18)).toEqual(['06 12 34 56 01', 'Lefèvre', 'Élodie', '12,50 €', '']);
    expect(readReportRow(parsed, 14)[parsed.header.indexOf.STATUS_TEXT]).toBe('Statut mystère');
  });

  it('keeps an unknown code as written', () => {
    expect(codeKeyAt(parsed, 14)).toBe('999');
    expect(parsed.unknownCodeTexts).toEqual({ '999': 'Statut mystère' });
  });

  it('gives the exact figures', () => {
    const summary = summarizeReport(parsed);
    expect(summary.recipients).toBe(18);
    expect(summary.categories).toEqual({ delivered: 5, inProgress: 2, sentUnconfirmed: 2, undelivered: 2, notSent: 3, blacklisted: 3, other: 1 });
    expect(summary.stop).toBe(1);
    expect([summary.clicks, summary.uniqueClickers, summary.previews, summary.uniquePreviewers, summary.replies]).toEqual([6, 2, 3, 2, 2]);
    expect(summary.byCode).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1, 9: 1, 10: 1, 14: 1, 15: 1, 16: 1, 17: 1, 18: 1, 21: 3, 24: 1, 25: 1, 31: 1, 999: 1 });
    expect(Object.keys(summary.byCode)).toEqual(['1', '2', '3', '4', '9', '10', '14', '15', '16', '17', '18', '21', '24', '25', '31', '999']);
    expect(summary.codes[0]).toEqual({ code: '21', count: 3, category: 'delivered', label: 'Délivré', known: true });
    expect(summary.codes.find((entry) => entry.code === '999')).toEqual({ code: '999', count: 1, category: 'other', label: 'Statut mystère', known: false });
    expect(summary.codes.find((entry) => entry.code === '17')?.label).toBe('Délivré + STOP demandé');
    expect(summary.countries).toEqual({ FR: 15, '': 1, BE: 1, CH: 1 });
    expect(summary.deliveredRate).toBeCloseTo(5 / 18, 12);
    expect(summary.deliveredRateOfSent).toBeCloseTo(5 / 12, 12);
    expect([summary.mfAllowFalse, summary.mfValidFalse]).toEqual([1, 1]);
    expect(summary.firstDeliveryAt).toBe('2022-10-15T08:31:05.000Z');
    expect(summary.lastDeliveryAt).toBe('2022-10-16T07:15:00.000Z');
    expect(summary.unreadableDates).toBe(0);
  });

  it('buckets deliveries per Paris hour, empty hours included', () => {
    const { timeline } = summarizeReport(parsed);
    expect(timeline.bucket).toBe('hour');
    expect(timeline.points).toHaveLength(24);
    expect(timeline.points[0]).toEqual({ start: '2022-10-15T08:00:00.000Z', label: '2022-10-15 10:00', delivered: 5, total: 5 });
    expect(timeline.points[2]).toEqual({ start: '2022-10-15T10:00:00.000Z', label: '2022-10-15 12:00', delivered: 0, total: 1 });
    expect(timeline.points[23]).toEqual({ start: '2022-10-16T07:00:00.000Z', label: '2022-10-16 09:00', delivered: 0, total: 1 });
    expect(timeline.points.reduce((sum, point) => sum + point.total, 0)).toBe(7);
  });
});

describe('parse a hand-written VMS report (Windows-1252, .CSV, archive folder)', () => {
  const parsed = parseReportBytes(readReportFixture(VMS_CP1252_FIXTURE));
  const summary = summarizeReport(parsed);

  it('detects VMS and Windows-1252 and decodes é, €, Œ', () => {
    expect(parsed.channel).toBe('vms');
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.header.columns.slice(9)).toEqual(['PORTABLE', 'Nom', 'Société', 'Solde']);
    expect(readReportRow(parsed, 0).slice(11)).toEqual(['Café Noël & Fils', '1 250,00 €']);
    expect(readReportRow(parsed, 3)[11]).toBe('Œuvres Béranger');
    expect(readReportRow(parsed, 2)[12]).toBe('—');
  });

  it('gives the exact figures, 116 counted as blacklisted and 555 as other', () => {
    expect(summary.recipients).toBe(14);
    expect(summary.categories).toEqual({ delivered: 3, inProgress: 2, sentUnconfirmed: 0, undelivered: 2, notSent: 2, blacklisted: 4, other: 1 });
    expect(summary.byCode).toEqual({ 1: 1, 2: 1, 8: 1, 9: 1, 14: 1, 15: 1, 18: 1, 21: 3, 116: 1, 117: 2, 555: 1 });
    expect(summary.codes.find((entry) => entry.code === '555')).toMatchObject({ known: false, label: 'Code maison', category: 'other' });
    expect(summary.codes.find((entry) => entry.code === '117')).toMatchObject({ known: true, label: 'Non délivré', category: 'undelivered' });
    expect([summary.stop, summary.clicks, summary.previews, summary.replies]).toEqual([0, 0, 0, 0]);
    expect(summary.countries).toEqual({ FR: 13, '': 1 });
    expect(summary.mfValidFalse).toBe(1);
    expect(summary.deliveredRate).toBeCloseTo(3 / 14, 12);
    expect(summary.timeline.points.map(({ label, delivered, total }) => [label, delivered, total])).toEqual([
      ['2024-11-26 11:00', 2, 3],
      ['2024-11-26 12:00', 0, 1],
      ['2024-11-26 13:00', 1, 1],
    ]);
  });
});

describe('report layouts', () => {
  it('finds report columns by name when list columns come first or in between (case and spaces ignored)', () => {
    const text = [
      'MOBILE;ref_list; Id_Line ;NOM;INT_MOBILE;STATUS_CODE;Status_Text;DELIVERYDATE;VILLE;MF_ALLOW;MF_VALID;MF_COUNTRY',
      '0612345678;l.csv;1;Dupont;33612345678;21;Délivré;01/07/2024 10:00:00;Nîmes;True;True;FR',
      '0612345679;l.csv;2;Durand;33612345679;117;Non délivré;01/07/2024 11:00:00;Évry;True;True;FR',
    ].join('\n');
    const parsed = parseReportText(text);
    expect(parsed.channel).toBe('vms');
    expect(parsed.header.originalColumnIndices.map((index) => parsed.header.columns[index])).toEqual(['MOBILE', 'NOM', 'VILLE']);
    expect(summarizeReport(parsed).categories).toMatchObject({ delivered: 1, undelivered: 1 });
    expect(summarizeReport(parsed).firstDeliveryAt).toBe('2024-07-01T08:00:00.000Z');
  });

  it('lets the drop\'s known channel override detection', () => {
    const text = 'INT_MOBILE;STATUS_CODE\n33612345678;117\n';
    expect(summarizeReport(parseReportText(text, { channel: 'sms' })).categories.other).toBe(1);
    expect(summarizeReport(parseReportText(text)).categories.undelivered).toBe(1);
  });

  it('treats a list column named REPLY as the list\'s in a VMS report', () => {
    const parsed = parseReportText('INT_MOBILE;STATUS_CODE;REPLY\n33612345678;21;oui\n', { channel: 'vms' });
    expect(summarizeReport(parsed).replies).toBe(0);
    expect(parsed.header.originalColumnIndices).toEqual([2]);
  });

  it('reads textual, empty and oversized codes as unknown, short rows and bad dates without failing', () => {
    const parsed = parseReportText('INT_MOBILE;STATUS_CODE;STATUS_TEXT;DELIVERYDATE\n1;ABC;Bizarre;hier\n2;;;\n3;99999999999;Énorme\n4\n');
    const summary = summarizeReport(parsed);
    expect(summary.byCode).toEqual({ '': 2, '99999999999': 1, ABC: 1 });
    expect(summary.categories.other).toBe(4);
    expect(parsed.unreadableDates).toBe(1);
    expect(parsed.shortRows).toBe(2);
  });

  it('refuses a file without the report columns, and an empty file, with a clear error', () => {
    expect(() => parseReportText('MOBILE;NOM\n0612345678;Dupont\n')).toThrow(ReportFormatError);
    try {
      parseReportText('MOBILE;NOM\n0612345678;Dupont\n');
    } catch (error) {
      expect(error).toMatchObject({ code: 'missing-columns', messageKey: 'errors.missingColumns', details: { columns: ['INT_MOBILE', 'STATUS_CODE'] } });
    }
    expect(() => parseReportText('\r\n')).toThrow(/vide/);
  });

  it('handles a header-only report', () => {
    const summary = summarizeReport(parseReportText('INT_MOBILE;STATUS_CODE\r\n'));
    expect(summary.recipients).toBe(0);
    expect(summary.deliveredRate).toBe(0);
    expect(summary.timeline.points).toEqual([]);
  });
});
