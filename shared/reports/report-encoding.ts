/**
 * Text encoding of report files, detected as for lists: UTF-8 (with or without BOM)
 * when the bytes are valid UTF-8, else Windows-1252 (what Excel on a French Windows
 * writes). Pure: TextDecoder/TextEncoder exist in Node, the renderer and workers.
 *
 * Local to reports until shared/lists/detect-encoding.ts lands; the two should merge.
 */
export type ReportTextEncoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: ReportTextEncoding;
  hadBom: boolean;
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Decodes report bytes; the BOM, if any, is not part of the text. */
export function decodeReportBytes(bytes: Uint8Array): DecodedText {
  const hadBom = hasUtf8Bom(bytes);
  if (hadBom) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', hadBom };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', hadBom };
  } catch {
    // Not valid UTF-8: a legacy Windows file. windows-1252 maps every byte, it cannot fail.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', hadBom };
  }
}

/** Windows-1252 → Unicode for 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D map to themselves, as WHATWG does). */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Decodes Windows-1252 by hand: Node's TextDecoder('windows-1252') decodes it as
 * Latin-1 (0x80 → U+0080 instead of €), Chromium's does not; this gives the same
 * text everywhere. Maps to UTF-16 code units, then one native UTF-16 decode (Uint16Array is
 * little-endian on every platform Electron ships for).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    units[i] = byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] : byte;
  }
  return new TextDecoder('utf-16le').decode(units);
}

/** Unicode → Windows-1252 for the 0x80–0x9F block (the rest of 0x00–0xFF is Latin-1). */
const CP1252_HIGH: ReadonlyMap<number, number> = new Map(
  CP1252_80_9F.map((unicode, index) => [unicode, 0x80 + index] as [number, number]),
);

/** Characters Windows-1252 cannot hold become '?', as Excel does when saving. */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) {
      out[length++] = code;
    } else {
      // A surrogate pair is one character: one '?'.
      if (code >= 0xd800 && code <= 0xdbff) i++;
      out[length++] = CP1252_HIGH.get(code) ?? 0x3f;
    }
  }
  return out.subarray(0, length);
}

/** Encodes text for a file: UTF-8 (BOM optional) or Windows-1252. */
export function encodeReportText(text: string, encoding: ReportTextEncoding, options: { bom?: boolean } = {}): Uint8Array {
  if (encoding === 'windows-1252') return encodeWindows1252(text);
  const body = new TextEncoder().encode(text);
  if (!options.bom) return body;
  const withBom = new Uint8Array(body.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(body, 3);
  return withBom;
}
