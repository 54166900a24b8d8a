import { describe, expect, it } from 'vitest';
import { removeOptedOutRecipients, splitCsvFields, splitCsvRecords } from './drop-file-recipients';
import { buildMediasflowFile } from './mediasflow/mediasflow-file';
import { buildAllmysmsParts } from './allmysms/allmysms-file';
import type { SendableTable } from './sendable-table';

const table: SendableTable = {
  columns: ['Prénom', 'Portable', 'Note'],
  rows: [
    ['Élodie', '06 12 34 56 78', 'ligne 1\r\nligne 2'],
    ['Zoé', '07 81 23 45 67', 'a;"b"'],
    ['Luc', '06 98 76 54 32', ''],
  ],
  mobileColumn: 1,
  checks: [
    { status: 'valid', normalized: '33612345678' },
    { status: 'valid', normalized: '33781234567' },
    { status: 'valid', normalized: '33698765432' },
  ],
};

describe('drop file recipients', () => {
  it('splits records on line breaks outside quotes only', () => {
    expect(splitCsvRecords('a;"b\r\nc"\r\nd;e')).toEqual(['a;"b\r\nc"\r\n', 'd;e']);
    expect(splitCsvFields('"x;y";"a""b";z\r\n')).toEqual(['x;y', 'a"b', 'z']);
  });

  it('leaves opted-out numbers out of a MediasFlow file, the rest byte for byte', () => {
    const file = buildMediasflowFile(table, { bom: true });
    const filtered = removeOptedOutRecipients('mediasflow', file.text, new Set(['33781234567', '33600000000']));
    const expected = buildMediasflowFile({ ...table, checks: [table.checks[0], { status: 'invalid' }, table.checks[2]] }, { bom: true });
    expect(filtered).toEqual({ text: expected.text, removed: 1, kept: 2 });
    expect(filtered.text).toContain('"ligne 1\r\nligne 2"');
  });

  it('leaves opted-out numbers out of an AllMySMS file', () => {
    const built = buildAllmysmsParts({ table, render: (row) => `Bonjour ${row[0]}\nSTOP au 36180`, sender: 'Boutique' });
    const filtered = removeOptedOutRecipients('allmysms', built.parts[0].text, new Set(['33612345678', '33698765432']));
    expect(filtered.removed).toBe(2);
    expect(filtered.kept).toBe(1);
    expect(filtered.text).toBe('"33781234567";"Bonjour Zoé\\nSTOP au 36180";"Boutique"\r\n');
  });

  it('returns the same text when nobody is left out', () => {
    const file = buildMediasflowFile(table);
    expect(removeOptedOutRecipients('mediasflow', file.text, new Set())).toEqual({ text: file.text, removed: 0, kept: 3 });
  });
});
