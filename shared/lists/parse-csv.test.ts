import { describe, expect, it } from 'vitest';
import { parseCsvRecords, parseSavedCsv } from './parse-csv';
import { serializeCsv } from './serialize-csv';

describe('parseCsvRecords', () => {
  it('keeps quoted delimiters, quotes and line breaks in one field, one record per logical row', () => {
    const text = 'Nom;Adresse;SMS\r\n"Durand";"1 rue X; Bât. B";06\r\nMorel;"ligne 1\r\nligne 2";07\r\n';
    expect(parseCsvRecords(text, ';')).toEqual([
      ['Nom', 'Adresse', 'SMS'],
      ['Durand', '1 rue X; Bât. B', '06'],
      ['Morel', 'ligne 1\r\nligne 2', '07'],
    ]);
  });

  it('refuses a quote that is never closed', () => {
    expect(() => parseCsvRecords('Nom;SMS\nA;0611111111\n"B;0622222222\nC;0633333333\n', ';')).toThrow(
      expect.objectContaining({ code: 'list-unclosed-quote', params: { record: 3 } }),
    );
  });

  it('skips blank lines and all-empty records, keeps spaces inside values', () => {
    const text = 'Nom;SMS\n\n;\n  ; \n A ;0611111111 \n';
    expect(parseCsvRecords(text, ';')).toEqual([
      ['Nom', 'SMS'],
      [' A ', '0611111111 '],
    ]);
  });
});

describe('parseSavedCsv', () => {
  it('round-trips our own serialisation exactly, empty rows and awkward values included', () => {
    const columns = ['Nom', 'Note', 'SMS'];
    const rows = [
      ['A', 'x;y', '06'],
      ['', '', ''],
      [' B ', 'dit "oui"\r\nsuite', '07'],
      ['C', '"', ''],
    ];
    expect(parseSavedCsv(serializeCsv(columns, rows), ';')).toEqual([columns, ...rows]);
  });

  it('keeps an empty row of a one-column list', () => {
    expect(parseSavedCsv(serializeCsv(['SMS'], [['06'], [''], ['07']]), ';')).toEqual([['SMS'], ['06'], [''], ['07']]);
  });
});
