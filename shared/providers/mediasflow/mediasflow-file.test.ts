import { describe, expect, it } from 'vitest';
import type { SendableTable } from '../sendable-table';
import { buildMediasflowFile, mediasflowCsvChunks, planMediasflowHeader } from './mediasflow-file';

const table: SendableTable = {
  columns: ['Civilité', 'Nom', 'Tel', 'Ville'],
  rows: [
    ['Mme', 'Dupont', '06 12 34 56 78', 'Paris'],
    ['M.', 'Martin; fils', '0698765432', 'Lyon "centre"'],
    ['M.', 'Invalide', '01 23 45 67 89', 'Nice'],
    ['Mme', 'Dupont bis', '+33 6 12 34 56 78', 'Paris'],
    ['Mme', 'Éloïse', '07.11.22.33.44', 'Lille\nNord'],
  ],
  mobileColumn: 'Tel',
  checks: [
    { status: 'valid', normalized: '33612345678' },
    { status: 'valid', normalized: '33698765432' },
    { status: 'invalid' },
    { status: 'duplicate', normalized: '33612345678' },
    { status: 'valid', normalized: '33711223344' },
  ],
};

describe('buildMediasflowFile', () => {
  it('writes the header and only the sendable rows, numbers in international digits', () => {
    const file = buildMediasflowFile(table);
    expect(file.text).toBe(
      'Civilité;Nom;MOBILE;Ville\r\n' +
        'Mme;Dupont;33612345678;Paris\r\n' +
        'M.;"Martin; fils";33698765432;"Lyon ""centre"""\r\n' +
        'Mme;Éloïse;33711223344;"Lille\nNord"\r\n',
    );
    expect(file.rowCount).toBe(3);
    expect(file.bytes).toBe(new TextEncoder().encode(file.text).length);
    expect(file.renames).toEqual([{ column: 2, from: 'Tel', to: 'MOBILE', why: 'mobile-column' }]);
  });

  it('has no BOM by default; writes one on request', () => {
    expect(buildMediasflowFile(table).text.charCodeAt(0)).not.toBe(0xfeff);
    const withBom = buildMediasflowFile(table, { bom: true, lineEnding: '\n' });
    expect(withBom.text.startsWith('\uFEFFCivilité;Nom;MOBILE;Ville\n')).toBe(true);
    expect(withBom.bytes).toBe(new TextEncoder().encode(withBom.text).length);
  });

  it('streams the same text in chunks', () => {
    const chunks = [...mediasflowCsvChunks(table, { chunkRows: 1 })];
    expect(chunks).toHaveLength(4);
    expect(chunks.join('')).toBe(buildMediasflowFile(table).text);
  });

  it('pads short rows and drops extra cells so every line has the header\u2019s width', () => {
    const ragged: SendableTable = {
      columns: ['GSM', 'Nom'],
      rows: [['0612345678'], ['0698765432', 'B', 'extra']],
      mobileColumn: 0,
      checks: [
        { status: 'valid', normalized: '33612345678' },
        { status: 'valid', normalized: '33698765432' },
      ],
    };
    expect(buildMediasflowFile(ragged).text).toBe('GSM;Nom\r\n33612345678;\r\n33698765432;B\r\n');
  });

  it('refuses a mobile column the table does not have', () => {
    expect(() => buildMediasflowFile({ ...table, mobileColumn: 'Portable' })).toThrow(RangeError);
  });
});

describe('planMediasflowHeader', () => {
  it('keeps an accepted header, in capitals', () => {
    expect(planMediasflowHeader(['Nom', 'PORTABLE'], 1)).toEqual({ header: ['Nom', 'PORTABLE'], mobileIndex: 1, renames: [] });
    expect(planMediasflowHeader([' gsm ', 'Nom'], 0).header).toEqual(['GSM', 'Nom']);
  });

  it('renames other columns with an accepted name so the provider cannot pick the wrong numbers', () => {
    expect(planMediasflowHeader(['Tel', 'GSM', 'Nom', 'mobile'], 0)).toEqual({
      header: ['MOBILE', 'COLONNE_2', 'Nom', 'COLONNE_4'],
      mobileIndex: 0,
      renames: [
        { column: 0, from: 'Tel', to: 'MOBILE', why: 'mobile-column' },
        { column: 1, from: 'GSM', to: 'COLONNE_2', why: 'mobile-name-clash' },
        { column: 3, from: 'mobile', to: 'COLONNE_4', why: 'mobile-name-clash' },
      ],
    });
    expect(planMediasflowHeader(['SMS', 'Mobile'], 0).header).toEqual(['SMS', 'COLONNE_2']);
  });

  it('avoids a clash with an existing COLONNE_n header', () => {
    expect(planMediasflowHeader(['Tel', 'COLONNE_3', 'GSM'], 0).header).toEqual(['MOBILE', 'COLONNE_3', 'COLONNE_3_2']);
  });
});
