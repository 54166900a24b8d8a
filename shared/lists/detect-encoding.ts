import type { TextEncoding } from './list-types';
import { binaryFileError } from './list-errors';
import { decodeWindows1252 } from './windows-1252';

/**
 * Strict UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise
 * Windows-1252, what Excel writes on a French Windows (€ is 0x80). A Windows-1252
 * file with accents is almost never valid UTF-8 by accident, so the strict check
 * is a reliable detector.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  return decodeListBytes(bytes).encoding;
}

export interface DecodedText {
  encoding: TextEncoding;
  text: string;
}

const sniffLength = 8192;

/** Detects and decodes in one pass (the strict UTF-8 decode is the validity check). */
export function decodeListBytes(bytes: Uint8Array): DecodedText {
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16) return utf16;
  refuseNonText(bytes);
  try {
    // TextDecoder drops the BOM by default (ignoreBOM: false).
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { encoding: 'windows-1252', text: decodeWindows1252(bytes) };
  }
}

/**
 * Excel's « Texte Unicode » export: UTF-16 LE with a BOM, tab-separated, the
 * one Excel format that keeps every character. The BOM is the only reliable
 * sign of UTF-16, so without one the file falls to the binary check below.
 */
export function decodeUtf16WithBom(bytes: Uint8Array): DecodedText | null {
  const label = utf16BomLabel(bytes);
  if (!label) return null;
  // Not fatal: a lone surrogate becomes U+FFFD, which the checks then show in its cell.
  return { encoding: 'utf-16', text: new TextDecoder(label).decode(bytes) };
}

/** Whether the bytes start with a UTF-16 BOM (such a file is decoded whole, never read in parts). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return utf16BomLabel(bytes) !== null;
}

function utf16BomLabel(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  return bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
}

/** Refuses binary files such as .xlsx (read beforehand by the list service) before decoding. */
export function refuseNonText(bytes: Uint8Array): void {
  const end = Math.min(bytes.length, sniffLength);
  for (let i = 0; i < end; i++) {
    // No text list holds NUL bytes; zip (xlsx), pdf and images nearly always do early on.
    if (bytes[i] === 0) throw binaryFileError();
  }
}
