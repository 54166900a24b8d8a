import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createFieldSpans, readCsvRecord, scanCsvRecords, spanText } from './csv-record-scanner';

/** Every field of every record, through the scanner. */
function scanAll(text: string, columns: number): string[][] {
  const slots = new Int32Array(columns).map((_, index) => index);
  const spans = createFieldSpans(columns);
  const records: string[][] = [];
  scanCsvRecords(text, 0, slots, spans, (_start, _end, fieldCount) => {
    records.push(Array.from({ length: Math.min(fieldCount, columns) }, (_, slot) => spanText(text, spans, slot)));
  });
  return records;
}

function seeded(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
}

const PIECES = ['abc', 'Élodie', '12,50 €', ';', '"', '""', '\n', '\r\n', ' ', '', '=1+2', 'x"y', 'fin;'];

function randomCsv(random: () => number, rows: number, columns: number, eol: string): { text: string; expected: string[][] } {
  const expected: string[][] = [];
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    const values: string[] = Array.from({ length: columns }, () => {
      let value = '';
      const parts = Math.floor(random() * 4);
      for (let part = 0; part < parts; part++) value += PIECES[Math.floor(random() * PIECES.length)];
      return value;
    });
    if (values.join('') === '') values[0] = 'x';
    expected.push(values);
    lines.push(values.map((value) => (/[;"\r\n]/.test(value) || random() < 0.1 ? `"${value.replaceAll('"', '""')}"` : value)).join(';'));
    if (random() < 0.05) lines.push('');
  }
  return { text: lines.join(eol) + (random() < 0.5 ? eol : ''), expected };
}

describe('semicolon CSV scanner', () => {
  it('agrees with papaparse on random quoted content (CRLF and LF files)', () => {
    const random = seeded(42);
    for (let round = 0; round < 40; round++) {
      const eol = round % 2 === 0 ? '\r\n' : '\n';
      const { text, expected } = randomCsv(random, 30, 6, eol);
      const papa = Papa.parse<string[]>(text, { delimiter: ';', newline: eol, skipEmptyLines: true }).data;
      expect(papa).toEqual(expected);
      expect(scanAll(text, 6)).toEqual(expected);
    }
  });

  it('gives each record its character range without the line break', () => {
    const text = 'a;b\r\n"x\r\ny";z\r\n\r\nlast;1';
    const ranges: string[] = [];
    scanCsvRecords(text, 0, new Int32Array([0, 1]), createFieldSpans(2), (start, end) => ranges.push(text.slice(start, end)));
    expect(ranges).toEqual(['a;b', '"x\r\ny";z', 'last;1']);
  });

  it('skips unwanted columns and leaves missing ones empty', () => {
    const text = 'a;b;c\nd\n';
    const spans = createFieldSpans(1);
    const seen: Array<[string, number]> = [];
    scanCsvRecords(text, 0, new Int32Array([-1, -1, 0]), spans, (_s, _e, count) => seen.push([spanText(text, spans, 0), count]));
    expect(seen).toEqual([
      ['c', 3],
      ['', 1],
    ]);
  });

  it('reads one record with readCsvRecord, also inside a range', () => {
    expect(readCsvRecord('"A;1";"b ""c""";\r\nnext', 0)).toEqual({ fields: ['A;1', 'b "c"', ''], next: 18 });
    expect(readCsvRecord('x;y;z', 2, 3).fields).toEqual(['y']);
  });
});
