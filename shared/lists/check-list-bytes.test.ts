import { describe, expect, it } from 'vitest';
import { checkListBytes } from './check-list-bytes';
import { rowArrays } from './list-rows';
import { readListFixture } from '../../test/fixtures/lists/read-list-fixture';

const check = (name: string, mobileColumn?: string) => checkListBytes(readListFixture(name), { fileName: name, mobileColumn });

describe('checkListBytes on the fixtures', () => {
  it('Excel Windows-1252: the figures of the provider example', () => {
    const result = check('excel-windows-1252.csv');
    expect(result).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      hasHeader: true,
      columns: ['Civilité', 'Prénom', 'Nom', 'Adresse', 'CP', 'Ville', 'Prix', 'SMS'],
      mobileColumn: 'SMS',
      mobileColumnCandidates: ['SMS'],
    });
    expect(result.summary).toEqual({
      rows: 11,
      valid: 10,
      invalid: 1,
      duplicates: 1,
      sendable: 9,
      countries: { FR: 8, BE: 1 },
      emptyColumns: ['Civilité', 'Prix'],
      longestValues: {
        Civilité: { length: 3, value: 'Mme' },
        Prénom: { length: 10, value: 'Jacqueline' },
        Nom: { length: 8, value: 'Gaillard' },
        Adresse: { length: 25, value: '12 Avenue des Antiquaires' },
        CP: { length: 5, value: '75017' },
        Ville: { length: 20, value: 'Boulogne-Billancourt' },
        Prix: { length: 6, value: '9,90 €' },
        SMS: { length: 18, value: '0033 6 98 76 54 32' },
      },
      invalidLines: [10],
      duplicateLines: [11],
    });
    expect(result.table.rows.row(0)).toEqual(['Mme', 'Jacqueline', 'Gaillard', '12 Avenue des Antiquaires', '75017', 'Paris', '17 €', '0624170068']);
    expect(result.table.rows.value(5, 2)).toBe('Rœux');
  });

  it('UTF-8 with BOM: first header is clean, emoji counted as one character', () => {
    const result = check('utf8-bom.csv');
    expect(result).toMatchObject({ encoding: 'utf-8', delimiter: ';', columns: ['Nom', 'Prénom', 'Portable'], mobileColumn: 'Portable' });
    expect(result.summary).toMatchObject({ rows: 3, valid: 3, sendable: 3, countries: { FR: 2, PL: 1 } });
    expect(result.summary.longestValues['Prénom']).toEqual({ length: 8, value: 'Élodie 🌸' });
  });

  it('tab-delimited TXT with ; and , inside values', () => {
    const result = check('tab-delimited.txt');
    expect(result).toMatchObject({ delimiter: '\t', mobileColumn: 'GSM', columns: ['Nom', 'Prénom', 'GSM', 'Commentaire'] });
    expect(result.summary).toMatchObject({ rows: 3, valid: 3, invalid: 0, emptyColumns: ['Commentaire'] });
    expect(result.table.rows.value(0, 3)).toBe('client fidèle; VIP');
  });

  it('quoted fields with ; and line breaks: 3 records over 6 lines', () => {
    const result = check('quoted-multiline.csv');
    expect(result.summary).toMatchObject({ rows: 3, valid: 3, sendable: 3 });
    expect(rowArrays(result.table.rows)).toEqual([
      ['Durand', '12 rue des Lilas; Bât. B', '0611111111', 'Dit "bonjour"'],
      ['Morel', 'Résidence Les Pins\r\nAppartement 4', '0622222222', 'ok'],
      ['Blanc', '3 impasse du Moulin', '0633333333', 'ligne 1\r\nligne 2'],
    ]);
  });

  it('comma-delimited with quoted decimal commas', () => {
    const result = check('comma-delimited.csv');
    expect(result).toMatchObject({ delimiter: ',', mobileColumn: 'Sms' });
    expect(result.table.rows.row(0)).toEqual(['Martin', '12,50', '0611111111']);
  });

  it('every kind of number: landline, malformed, empty, duplicates, international, dropped zero', () => {
    const result = check('mixed-numbers.csv');
    expect(result.mobileColumn).toBe(' Mobile ');
    expect(result.summary).toMatchObject({
      rows: 14,
      valid: 9,
      invalid: 5,
      duplicates: 4,
      sendable: 5,
      countries: { FR: 2, BE: 1, GB: 1, RE: 1 },
      emptyColumns: [' Mobile '],
      invalidLines: [2, 3, 4, 7, 12],
      duplicateLines: [5, 6, 10, 14],
    });
    expect([...result.checks.reason.slice(0, 12)]).toEqual([0, 3, 1, 2, 0, 0, 2, 0, 0, 0, 0, 4]);
    expect([...result.checks.normalized.slice(0, 2)]).toEqual([33612345678, 0]);
  });

  it('no mobile column: nothing checked, the user must choose', () => {
    const result = check('no-mobile-column.csv');
    expect(result).toMatchObject({ mobileColumn: null, mobileColumnCandidates: [] });
    expect(result.summary).toMatchObject({ rows: 2, valid: 0, invalid: 0, sendable: 0 });
    const chosen = check('no-mobile-column.csv', 'Téléphone');
    expect(chosen.mobileColumn).toBe('Téléphone');
    expect(chosen.summary).toMatchObject({ valid: 2, sendable: 2 });
  });

  it('two candidate columns: the user chooses one', () => {
    const result = check('two-candidates.csv');
    expect(result).toMatchObject({ mobileColumn: null, mobileColumnCandidates: ['SMS', 'Mobile'] });
    expect(check('two-candidates.csv', 'mobile').mobileColumn).toBe('Mobile');
  });

  it('no header: generated column names, no automatic mobile column', () => {
    const result = check('no-header.csv');
    expect(result).toMatchObject({ hasHeader: false, columns: ['Colonne 1', 'Colonne 2', 'Colonne 3'], mobileColumn: null });
    expect(result.summary.rows).toBe(3);
    expect(check('no-header.csv', 'Colonne 2').summary.sendable).toBe(3);
  });

  it('refuses an empty file, a header-only file and an unknown --mobile-column', () => {
    expect(() => checkListBytes(new Uint8Array(), { fileName: 'x.csv' })).toThrow(expect.objectContaining({ code: 'list-empty' }));
    expect(() => checkListBytes(new TextEncoder().encode('\r\n;;\r\n'), { fileName: 'x.csv' })).toThrow(
      expect.objectContaining({ code: 'list-empty' }),
    );
    expect(() => check('header-only.csv')).toThrow(expect.objectContaining({ code: 'list-empty' }));
    expect(() => check('two-candidates.csv', 'Fax')).toThrow(expect.objectContaining({ code: 'column-not-found' }));
  });

  it('names extra values beyond the header', () => {
    const result = checkListBytes(new TextEncoder().encode('Nom;SMS\nA;0611111111;extra\n'), { fileName: 'x.csv' });
    expect(result.columns).toEqual(['Nom', 'SMS', 'Colonne 3']);
  });
});
