import { describe, expect, it } from 'vitest';
import { serializeCsv, countIncludedRows } from './serialize-csv';
import { findWindows1252Unencodable } from './windows-1252';

describe('serializeCsv', () => {
  it('writes a semicolon CSV with header and CRLF, quoting only when needed', () => {
    const text = serializeCsv(['Nom', 'Note;2', 'SMS'], [['A', 'x;y', '06'], ['B', 'dit "oui"', '07'], ['C', 'l1\nl2'], [' D ', '17 €', '08']]);
    expect(text).toBe('Nom;"Note;2";SMS\r\nA;"x;y";06\r\nB;"dit ""oui""";07\r\nC;"l1\nl2";\r\n D ;17 €;08\r\n');
  });

  it('keeps only the rows asked for', () => {
    const keep = (i: number) => i !== 1;
    expect(serializeCsv(['SMS'], [['1'], ['2'], ['3']], { includeRow: keep })).toBe('SMS\r\n1\r\n3\r\n');
    expect(countIncludedRows(3, keep)).toBe(2);
  });
});

describe('findWindows1252Unencodable', () => {
  it('accepts everything Windows-1252 holds', () => {
    expect(findWindows1252Unencodable('Civilité;Prix\r\nMme;17 € œ ’ « » Ÿ\r\n')).toBeNull();
  });

  it('counts and locates what it cannot hold', () => {
    expect(findWindows1252Unencodable('Nom\r\nA\r\nÉlodie 🌸 Nguyễn 🌸\r\n')).toEqual({ count: 3, examples: ['🌸', 'ễ'], firstLine: 3 });
  });
});
