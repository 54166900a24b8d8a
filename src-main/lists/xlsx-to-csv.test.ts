import { describe, expect, it } from 'vitest';
import { formatNumber, isXlsxFile, readFirstSheetRows, xlsxToCsvBytes } from './xlsx-to-csv';
import { readListFixture } from '../../test/fixtures/lists/read-list-fixture';

describe('xlsx to CSV at the edge of the list engine', () => {
  const workbook = readListFixture('excel-accents.xlsx');

  it('reads the first sheet as Excel shows it: accents, text and number phones, blank row dropped', async () => {
    expect(await readFirstSheetRows('excel-accents.xlsx', workbook)).toEqual([
      ['Prénom', 'Nom', 'SMS', 'Portable bureau', 'Montant', 'Inscrit le'],
      ['Éloïse', 'Lefèvre', '0612345678', '0612345678', '12,5', '01/12/2026'],
      ['Zoé', "N'Guyen; fils", '0698765432', '0698765432', '3', '12/01/2026'],
      ['François', 'Cœur', '0690123456', '690123456', '0,25', ''],
    ]);
  });

  it('writes every field quoted so a semicolon in a cell stays in its cell', async () => {
    const text = new TextDecoder().decode(await xlsxToCsvBytes('excel-accents.xlsx', workbook));
    expect(text.split('\r\n')[2]).toBe('"Zoé";"N\'Guyen; fils";"0698765432";"0698765432";"3";"12/01/2026"');
  });

  it('recognises a workbook by its name and its zip signature only', () => {
    expect(isXlsxFile('liste.XLSX', workbook)).toBe(true);
    expect(isXlsxFile('liste.csv', workbook)).toBe(false);
    expect(isXlsxFile('liste.xlsx', new TextEncoder().encode('SMS\r\n'))).toBe(false);
  });

  it('refuses a damaged workbook with a plain message', async () => {
    const damaged = workbook.slice(0, 200);
    await expect(readFirstSheetRows('abîmé.xlsx', damaged)).rejects.toMatchObject({ code: 'list-xlsx-unreadable' });
  });

  it('formats numbers as French Excel shows them', () => {
    expect(formatNumber(612345678, '0000000000')).toBe('0612345678');
    expect(formatNumber(612345678, undefined)).toBe('612345678');
    expect(formatNumber(33612345678, 'General')).toBe('33612345678');
    expect(formatNumber(1.5, undefined)).toBe('1,5');
    expect(formatNumber(2, '0.00')).toBe('2,00');
  });
});
