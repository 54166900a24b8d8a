/**
 * Text encoding of report files, detected as for lists: UTF-8 (with or without BOM)
 * when the bytes are valid UTF-8, else Windows-1252 (what Excel on a French Windows
 * writes). Pure: TextDecoder/TextEncoder exist in Node, the renderer and workers.
 * The Windows-1252 codec is the list engine's (shared/lists/windows-1252.ts).
 */
import { decodeWindows1252, encodeWindows1252 } from '../lists/windows-1252';

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
