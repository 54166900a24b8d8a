import { describe, expect, it } from 'vitest';
import { decodeListBytes, detectEncoding } from './detect-encoding';
import { readListFixture } from '../../test/fixtures/lists/read-list-fixture';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('detectEncoding / decodeListBytes', () => {
  it('reads an Excel Windows-1252 file with € (0x80), œ (0x9C) and accents', () => {
    const { encoding, text } = decodeListBytes(readListFixture('excel-windows-1252.csv'));
    expect(encoding).toBe('windows-1252');
    expect(text.startsWith('Civilité;Prénom;')).toBe(true);
    expect(text).toContain('17 €');
    expect(text).toContain('Rœux');
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const { encoding, text } = decodeListBytes(readListFixture('utf8-bom.csv'));
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('Nom;Prénom;Portable')).toBe(true);
    expect(text).toContain('Élodie 🌸');
  });

  it('reads UTF-8 without BOM and plain ASCII as UTF-8', () => {
    expect(detectEncoding(readListFixture('tab-delimited.txt'))).toBe('utf-8');
    expect(detectEncoding(new TextEncoder().encode('Nom;SMS\r\n'))).toBe('utf-8');
  });

  it('treats invalid UTF-8 (a lone 0xE9) as Windows-1252', () => {
    expect(decodeListBytes(bytes(0x43, 0x61, 0x66, 0xe9))).toEqual({ encoding: 'windows-1252', text: 'Café' });
    expect(decodeListBytes(bytes(0x80, 0x9c, 0x92)).text).toBe('€œ’');
  });

  it('reads UTF-16 with a BOM (Excel « Texte Unicode »), LE and BE, without the BOM', () => {
    expect(decodeListBytes(bytes(0xff, 0xfe, 0x4e, 0x00, 0xe9, 0x00, 0x09, 0x00))).toEqual({ encoding: 'utf-16', text: 'Né\t' });
    expect(decodeListBytes(bytes(0xfe, 0xff, 0x00, 0x4e, 0x00, 0xe9))).toEqual({ encoding: 'utf-16', text: 'Né' });
  });

  it('refuses binary files with a clear code', () => {
    expect(() => decodeListBytes(bytes(0x4e, 0x00, 0xe9, 0x00))).toThrow(expect.objectContaining({ code: 'list-not-text' }));
    expect(() => decodeListBytes(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00))).toThrow(
      expect.objectContaining({ code: 'list-not-text' }),
    );
  });
});
