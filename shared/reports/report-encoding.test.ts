import { describe, expect, it } from 'vitest';
import { decodeWindows1252, encodeWindows1252 } from '../lists/windows-1252';
import { decodeReportBytes, encodeReportText } from './report-encoding';

describe('report encodings', () => {
  const sample = 'Élodie;Noël;12,50 €;Œuvre – « bis »';

  it('detects UTF-8 with and without BOM, the BOM not being part of the text', () => {
    expect(decodeReportBytes(encodeReportText(sample, 'utf-8', { bom: true }))).toEqual({ text: sample, encoding: 'utf-8', hadBom: true });
    expect(decodeReportBytes(encodeReportText(sample, 'utf-8'))).toEqual({ text: sample, encoding: 'utf-8', hadBom: false });
  });

  it('falls back to Windows-1252 and decodes € (0x80), Œ (0x8C), – (0x96) correctly', () => {
    const bytes = encodeWindows1252(sample);
    expect(Array.from(bytes.slice(0, 2))).toEqual([0xc9, 0x6c]);
    expect(bytes.includes(0x80) && bytes.includes(0x8c) && bytes.includes(0x96)).toBe(true);
    expect(decodeReportBytes(bytes)).toEqual({ text: sample, encoding: 'windows-1252', hadBom: false });
  });

  it('round-trips every Windows-1252 byte and writes ? for characters it cannot hold', () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(encodeWindows1252(decodeWindows1252(all))).toEqual(all);
    expect(Array.from(encodeWindows1252('a😀b✓'))).toEqual([0x61, 0x3f, 0x62, 0x3f]);
  });
});
