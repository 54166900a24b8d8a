import { describe, expect, it } from 'vitest';
import { readReportFixture, SMS_UTF8_FIXTURE } from '../../test/fixtures/reports/load-report-fixture';
import { csvLine, neutraliseSpreadsheetFormula } from './csv-export';
import { parseReportBytes, parseReportText } from './parse-report';
import { exportReportRowsCsv, filterReportRows, readReportRows } from './report-drill-down';

const parsed = parseReportBytes(readReportFixture(SMS_UTF8_FIXTURE));
const rowsOf = (indices: Uint32Array) => Array.from(indices, (row) => row + 1);

describe('drill-down filters', () => {
  it('filters by category, by code, and both', () => {
    expect(rowsOf(filterReportRows(parsed, { category: 'delivered' }))).toEqual([1, 2, 3, 4, 17]);
    expect(rowsOf(filterReportRows(parsed, { category: 'blacklisted' }))).toEqual([12, 13, 14]);
    expect(rowsOf(filterReportRows(parsed, { code: '21' }))).toEqual([1, 2, 17]);
    expect(rowsOf(filterReportRows(parsed, { code: '999' }))).toEqual([15]);
    expect(rowsOf(filterReportRows(parsed, { category: 'other' }))).toEqual([15]);
    expect(rowsOf(filterReportRows(parsed, { category: 'notSent', code: '21' }))).toEqual([]);
    expect(filterReportRows(parsed).length).toBe(18);
  });

  it('searches every column case-insensitively, accents kept', () => {
    expect(rowsOf(filterReportRows(parsed, { search: 'ÉLODIE' }))).toEqual([1, 15, 18]);
    expect(rowsOf(filterReportRows(parsed, { search: 'lefèvre', category: 'delivered' }))).toEqual([1]);
    expect(rowsOf(filterReportRows(parsed, { search: '33612345601' }))).toEqual([1, 18]);
    expect(rowsOf(filterReportRows(parsed, { search: 'ligne 2' }))).toEqual([17]);
    expect(rowsOf(filterReportRows(parsed, { search: 'introuvable' }))).toEqual([]);
    // The header is not a row.
    expect(rowsOf(filterReportRows(parsed, { search: 'REF_LIST' }))).toEqual([]);
  });

  it('finds textual codes', () => {
    const textual = parseReportText('INT_MOBILE;STATUS_CODE\n1;ABC\n2;21\n3;\n');
    expect(rowsOf(filterReportRows(textual, { code: 'ABC' }))).toEqual([1]);
    expect(rowsOf(filterReportRows(textual, { code: '' }))).toEqual([3]);
  });

  it('reads a page of rows', () => {
    const delivered = filterReportRows(parsed, { category: 'delivered' });
    expect(readReportRows(parsed, delivered, 1, 2).map((row) => row[3])).toEqual(['21', '16']);
  });
});

describe('CSV export of a filtered view', () => {
  it('writes a BOM, the full header and the rows, quoted, with formulas neutralised and phone numbers intact', () => {
    const csv = exportReportRowsCsv(parsed, filterReportRows(parsed, { category: 'delivered' }));
    expect(csv.startsWith('\uFEFFREF_LIST;ID_LINE;INT_MOBILE;STATUS_CODE;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0].split(';').slice(-5)).toEqual(['MOBILE', 'NOM', 'PRENOM', 'MONTANT', 'NOTE']);
    expect(lines[4].endsWith(";'=1+2")).toBe(true);
    expect(lines[2].endsWith(';"Client; fidèle"')).toBe(true);
    expect(lines[3].endsWith(';"Dit ""bonjour"""')).toBe(true);
    expect(csv).toContain('"Ligne 1\r\nLigne 2"\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    // 1 header + 5 rows, one of which spans two physical lines.
    expect(lines.filter((line) => line !== '')).toHaveLength(7);
  });

  it('neutralises cells a spreadsheet would run, keeps plain numbers', () => {
    expect(neutraliseSpreadsheetFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutraliseSpreadsheetFormula('@SOMME(A1:A2)')).toBe("'@SOMME(A1:A2)");
    expect(neutraliseSpreadsheetFormula('+1+cmd|calc')).toBe("'+1+cmd|calc");
    expect(neutraliseSpreadsheetFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseSpreadsheetFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseSpreadsheetFormula('\r=1')).toBe("'\r=1");
    expect(neutraliseSpreadsheetFormula('+33612345678')).toBe('+33612345678');
    expect(neutraliseSpreadsheetFormula('+33 6 12 34 56 78')).toBe('+33 6 12 34 56 78');
    expect(neutraliseSpreadsheetFormula('-12,50')).toBe('-12,50');
    expect(neutraliseSpreadsheetFormula('Dupont')).toBe('Dupont');
    expect(neutraliseSpreadsheetFormula('')).toBe('');
    expect(csvLine(['=1;2', '+33612345678', 'a"b'])).toBe('"\'=1;2";+33612345678;"a""b"');
  });
});
