import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeListBytes } from './detect-encoding';
import { detectDelimiter } from './detect-delimiter';
import { parseCsvRecords } from './parse-csv';
import { parseListBytesColumnar } from './parse-list-bytes';
import { columnarRows } from './columnar-table';
import { readListFixture } from '../../test/fixtures/lists/read-list-fixture';

const fixtureNames = [
  'comma-delimited.csv', 'excel-windows-1252.csv', 'header-only.csv', 'mixed-numbers.csv', 'no-header.csv',
  'no-mobile-column.csv', 'quoted-multiline.csv', 'tab-delimited.txt', 'two-candidates.csv', 'utf8-bom.csv',
];

/** What the whole-text path gives: every non-blank record. */
function wholeText(bytes: Uint8Array) {
  const { encoding, text } = decodeListBytes(bytes);
  const delimiter = detectDelimiter(text);
  return { encoding, delimiter, records: parseCsvRecords(text, delimiter) };
}

function chunked(bytes: Uint8Array, chunkBytes: number) {
  const parsed = parseListBytesColumnar(bytes, () => true, chunkBytes);
  return { encoding: parsed.encoding, delimiter: parsed.delimiter, records: columnarRows(parsed.table) };
}

const tricky = [
  'Nom;SMS;Note\r\n"Dupont; Jean";0612345678;"deux\r\nlignes"\r\n;;\r\n\r\nMartin;0712345678;"avec ""guillemets"""\r\n',
  'a,b\n1,2\n"x\ny\nz",3\n\n4\n5,6,7,8\n',
  'SMS\tNom\r0612345678\tÉlodie\r0698765432\t"Zoé\r(bis)"\r',
  '\uFEFFPrénom;SMS\n€uro;0612345678\nœuvre;+33 6 12 34 56 78',
];

describe('parseListBytes', () => {
  it('gives the records of the whole-text parse for every fixture and chunk size', () => {
    for (const name of fixtureNames) {
      const bytes = readListFixture(name);
      let expected;
      try {
        expected = wholeText(bytes);
      } catch (error) {
        expect(() => chunked(bytes, 7), name).toThrow((error as Error).message);
        continue;
      }
      for (const size of [1, 3, 7, 64, 1 << 20]) expect(chunked(bytes, size), `${name} / ${size}`).toEqual(expected);
    }
  });

  it('keeps quoted line breaks, quotes and blank-row removal across chunk boundaries, in UTF-8 and Windows-1252', () => {
    for (const text of tricky) {
      for (const bytes of [new TextEncoder().encode(text), new Uint8Array(iconv.encode(text.replace('\uFEFF', ''), 'windows-1252'))]) {
        const expected = wholeText(bytes);
        for (let size = 1; size <= bytes.length + 1; size++) expect(chunked(bytes, size), `${JSON.stringify(text)} / ${size}`).toEqual(expected);
      }
    }
  });

  it('refuses a quote never closed with the same record number', () => {
    const bytes = new TextEncoder().encode('Nom;SMS\nA;0612345678\n\nB;"0612\nC;0712345678\n');
    expect(() => wholeText(bytes)).toThrow();
    let message = '';
    try {
      wholeText(bytes);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const size of [1, 5, 100]) expect(() => chunked(bytes, size)).toThrow(message);
  });

  it('keeps rows shorter or longer than the header as written', () => {
    const parsed = parseListBytesColumnar(new TextEncoder().encode('a;b;c\n1\n1;2;3;4\n'), () => false);
    expect(parsed.firstRecord).toEqual(['a', 'b', 'c']);
    expect(columnarRows(parsed.table)).toEqual([['1'], ['1', '2', '3', '4']]);
  });
});
