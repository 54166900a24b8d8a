import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252, encodeWindows1252, findWindows1252Unencodable, windows1252Upper } from './windows-1252';

describe('Windows-1252 (the one codec)', () => {
  const everyByte = Uint8Array.from({ length: 256 }, (_, index) => index);

  it('decodes 0x80–0x9F as WHATWG does (€, œ, ’), not as C1 controls', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x9c, 0x92, 0xe9]))).toBe('€œ’é');
    expect([...decodeWindows1252(everyByte.subarray(0x80, 0xa0))]).toEqual(windows1252Upper);
  });

  it('agrees with iconv-lite on every character it can hold, both ways', () => {
    const text = decodeWindows1252(everyByte).replace(/[\u0081\u008d\u008f\u0090\u009d]/g, '');
    expect(findWindows1252Unencodable(text)).toBeNull();
    expect(Buffer.from(encodeWindows1252(text))).toEqual(iconv.encode(text, 'windows-1252'));
    expect(decodeWindows1252(encodeWindows1252(text))).toBe(iconv.decode(Buffer.from(encodeWindows1252(text)), 'windows-1252'));
  });

  it('decodes the same with or without bytes of 0x80–0x9F, wherever the first one sits', () => {
    const latin = Buffer.from('Hélène;Zoé;Noël\r\n', 'latin1');
    expect(decodeWindows1252(latin)).toBe('Hélène;Zoé;Noël\r\n');
    const mixed = Buffer.concat([latin, Buffer.from([0x31, 0x32, 0x2c, 0x35, 0x20, 0x80, 0x0d, 0x0a]), latin, Buffer.from([0x9c, 0x81])]);
    expect(decodeWindows1252(mixed)).toBe(iconv.decode(mixed, 'windows-1252').replace('\ufffd', '\u0081'));
    expect(decodeWindows1252(new Uint8Array())).toBe('');
  });

  it('reports what it cannot hold, with the first line', () => {
    expect(findWindows1252Unencodable('a;b\nc;✓;😀\n✓')).toEqual({ count: 3, examples: ['✓', '😀'], firstLine: 2 });
  });
});
