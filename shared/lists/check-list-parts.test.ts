/**
 * A file checked in two parts (the first from byte 0, the later one from
 * `findRecordStart`) gives the figures and rows of the check of the whole
 * file, or refuses: never a different answer. Walked over every cut of real
 * fixtures, of tricky texts (quoted line breaks, doubled quotes, stray
 * quotes, blank rows, rows wider than the header) and of random ones.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { checkFirstListPart, checkLaterListPart, checkListBytes, type CheckListOptions } from './check-list-bytes';
import { ColumnarBuilder, columnarRows } from './columnar-table';
import { findRecordStart } from './find-record-start';
import { readListDialect } from './parse-list-bytes';
import { readListFixture } from '../../test/fixtures/lists/read-list-fixture';

type Answer = { figures: unknown; rows: string[][] } | { error: string };

function whole(bytes: Uint8Array, options: CheckListOptions): Answer {
  try {
    const { columnar, table: _table, ...figures } = checkListBytes(bytes, options);
    return { figures, rows: columnarRows(columnar) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The two-part check cut at the first record start from `near`; null when there is none. */
function encodingOf(bytes: Uint8Array): 'utf-8' | 'windows-1252' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

function inTwoParts(bytes: Uint8Array, options: CheckListOptions, near: number, chunkBytes?: number): Answer | null {
  const encoding = encodingOf(bytes);
  let start: number | null;
  try {
    start = findRecordStart(bytes, near, readListDialect(bytes, encoding, chunkBytes).newline);
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (start === null) return null;
  const cut = start;
  const builders: ColumnarBuilder[] = [];
  const sink = () => {
    const builder = new ColumnarBuilder();
    builders.push(builder);
    return { add: (records: readonly (readonly string[])[], count: number) => builder.add(records, 0, count) };
  };
  try {
    const first = checkFirstListPart(bytes, options, { encoding, chunkBytes, part: { from: 0, end: () => cut, endsAfter: near } }, sink);
    const firstRows = builders[0];
    const later = checkLaterListPart(bytes, options, { encoding, chunkBytes, part: { from: cut, end: () => bytes.length, endsAfter: cut } }, sink);
    const laterRows = builders[1];
    const { ...figures } = first.finish(later);
    return { figures, rows: [...columnarRows(firstRows.finish()), ...columnarRows(laterRows.finish())] };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Every cut: the same answer or a refusal; a file the whole check refuses is refused in parts too. Returns how many cuts answered. */
function expectEveryCut(bytes: Uint8Array, label: string, chunkBytes?: number): number {
  const options = { fileName: 'liste.csv' };
  const expected = whole(bytes, options);
  let answered = 0;
  for (let near = 1; near < bytes.length; near++) {
    const actual = inTwoParts(bytes, options, near, chunkBytes);
    if (actual === null || 'error' in actual) continue;
    expect('error' in expected, `${label}: the whole check refuses (${'error' in expected ? expected.error : ''}), the cut at ${near} answered`).toBe(false);
    expect(actual, `${label}, cut near ${near}`).toEqual(expected);
    answered++;
  }
  return answered;
}

const encodings = (text: string) => [new TextEncoder().encode(text), new Uint8Array(iconv.encode(text.replace('\uFEFF', ''), 'windows-1252'))];

describe('a list checked in two parts', () => {
  it('gives the whole check for every cut of the fixtures', () => {
    for (const name of ['excel-windows-1252.csv', 'quoted-multiline.csv', 'mixed-numbers.csv', 'utf8-bom.csv', 'no-header.csv', 'comma-delimited.csv', 'tab-delimited.txt', 'no-mobile-column.csv']) {
      const answered = expectEveryCut(readListFixture(name), name);
      expect(answered, `${name}: cuts that answered`).toBeGreaterThan(0);
    }
  });

  it('gives the whole check for every cut of tricky texts, in UTF-8 and Windows-1252, chunk by chunk', () => {
    const tricky = [
      'Nom;SMS;Note\r\n"Dupont; Jean";0612345678;"deux\r\nlignes"\r\n;;\r\n\r\nMartin;0712345678;"avec ""guillemets"""\r\n',
      'a,b\n1,2\n"x\ny\nz",3\n\n4\n5,6,7,8\n',
      'SMS\tNom\r0612345678\tÉlodie\r0698765432\t"Zoé\r(bis)"\r',
      '\uFEFFPrénom;SMS\n€uro;0612345678\nœuvre;+33 6 12 34 56 78\n0690 12 34 56;x;y;z\n+262 692 12 34 56\n0612345678\n',
      'SMS;Nom\r\n0612345678;a\nb\r\n0712345678;"c\r\nd"\r\n0612345678;e\r\n',
    ];
    for (const text of tricky) {
      for (const bytes of encodings(text)) {
        for (const chunkBytes of [undefined, 5]) expect(expectEveryCut(bytes, JSON.stringify(text), chunkBytes)).toBeGreaterThan(0);
      }
    }
  });

  it('refuses rather than differs where stray quotes mislead the cut', () => {
    const misleading = [
      'Nom;SMS\nA;x"y\nB;"multi\nligne";0612345678\nC;0712345678\nD;0612345679\n',
      'Nom;SMS\nA"";0612345678\n"B\n;";0712345678\nC;0612345679\n',
      'Nom;SMS\nA;"x"y\nz";0612345678\nB;0712345678\n',
    ];
    for (const text of misleading) for (const bytes of encodings(text)) expectEveryCut(bytes, JSON.stringify(text));
  });

  it('never differs from the whole check on random texts of quotes, delimiters and line breaks', () => {
    const alphabet = ['0612345678', ';', ';', ',', '"', '"', '\n', '\n', '\r\n', '\r', ' ', 'é', 'a', 'SMS', '""'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let t = 0; t < 300; t++) {
      let text = 'SMS;Nom\n';
      const length = 4 + Math.floor(random() * 18);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expectEveryCut(new TextEncoder().encode(text), JSON.stringify(text));
    }
  });
});
