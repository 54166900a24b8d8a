import { describe, expect, it } from 'vitest';
import type { SendableTable } from '../sendable-table';
import { allmysmsLine, buildAllmysmsParts, encodeAllmysmsMessage } from './allmysms-file';

const table: SendableTable = {
  columns: ['Prénom', 'Mobile'],
  rows: [
    ['Anaïs', '0612345678'],
    ['Bob', '01 23'],
    ['Chloé "Clo"', '0698765432'],
    ['Dan', '0612345678'],
  ],
  mobileColumn: 1,
  checks: [{ status: 'valid', normalized: '33612345678' }, { status: 'invalid' }, { status: 'valid', normalized: '33698765432' }, { status: 'duplicate', normalized: '33612345678' }],
};
const render = (row: readonly string[]) => `Bonjour ${row[0]},\r\nà bientôt`;

describe('allmysms lines', () => {
  it('quotes every field, doubles inner quotes and writes line breaks as \\n', () => {
    expect(allmysmsLine('33612345678', 'Bonjour "toi"\nligne 2', 'Garage')).toBe('"33612345678";"Bonjour ""toi""\\nligne 2";"Garage"');
    expect(allmysmsLine('33612345678', 'Salut')).toBe('"33612345678";"Salut"');
    expect(encodeAllmysmsMessage('a\r\nb\rc\nd')).toBe('a\\nb\\nc\\nd');
  });
});

describe('buildAllmysmsParts', () => {
  it('writes the sendable rows, no header, the message rendered per recipient', () => {
    const { parts, rowCount, oversizedRows } = buildAllmysmsParts({ table, render, sender: 'Garage' });
    expect(rowCount).toBe(2);
    expect(oversizedRows).toEqual([]);
    expect(parts).toHaveLength(1);
    expect(parts[0].text).toBe('"33612345678";"Bonjour Anaïs,\\nà bientôt";"Garage"\r\n"33698765432";"Bonjour Chloé ""Clo"",\\nà bientôt";"Garage"\r\n');
    expect(parts[0]).toMatchObject({ index: 1, rowCount: 2, firstRow: 0, lastRow: 2 });
    expect(parts[0].bytes).toBe(new TextEncoder().encode(parts[0].text).length);
  });

  it('splits into parts under the limit, in order, without losing a row', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`Client${i}`, `06${String(i).padStart(8, '0')}`]);
    const big: SendableTable = {
      columns: ['Nom', 'Tel'],
      rows,
      mobileColumn: 1,
      checks: rows.map((_, i) => ({ status: 'valid' as const, normalized: `336${String(i).padStart(8, '0')}` })),
    };
    const maxBytes = 300;
    const { parts, rowCount } = buildAllmysmsParts({ table: big, render: (row) => `Promo pour ${row[0]} é` }, { maxBytes });
    expect(rowCount).toBe(50);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.bytes).toBeLessThanOrEqual(maxBytes);
      expect(part.bytes).toBe(new TextEncoder().encode(part.text).length);
    }
    expect(parts.map((part) => part.index)).toEqual(parts.map((_, i) => i + 1));
    const numbers = parts.flatMap((part) => part.text.trim().split('\r\n').map((line) => line.split(';')[0]));
    expect(numbers).toEqual(rows.map((_, i) => `"336${String(i).padStart(8, '0')}"`));
    // Parts are filled: the next line would not have fit in the previous part.
    for (let i = 0; i + 1 < parts.length; i++) {
      const firstLineOfNext = parts[i + 1].text.split('\r\n')[0];
      expect(parts[i].bytes + new TextEncoder().encode(firstLineOfNext).length + 2).toBeGreaterThan(maxBytes);
    }
  });

  it('reports a row too big for any part instead of writing it', () => {
    const { parts, oversizedRows } = buildAllmysmsParts({ table, render: (row) => (row[0] === 'Anaïs' ? 'x'.repeat(500) : 'ok') }, { maxBytes: 100 });
    expect(oversizedRows).toEqual([0]);
    expect(parts).toHaveLength(1);
    expect(parts[0].rowCount).toBe(1);
  });

  it('gives no part for a list without sendable rows', () => {
    expect(buildAllmysmsParts({ table: { ...table, checks: table.checks.map(() => ({ status: 'invalid' as const })) }, render }).parts).toEqual([]);
  });
});
