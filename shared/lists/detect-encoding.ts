import type { TextEncoding } from './list-types';
import { binaryFileError, utf16FileError } from './list-errors';
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
  refuseNonText(bytes);
  try {
    // TextDecoder drops the BOM by default (ignoreBOM: false).
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { encoding: 'windows-1252', text: decodeWindows1252(bytes) };
  }
}

/** Refuses UTF-16 (Excel's « Texte Unicode ») and binary files such as .xlsx before decoding. */
export function refuseNonText(bytes: Uint8Array): void {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw utf16FileError();
  }
  const end = Math.min(bytes.length, sniffLength);
  for (let i = 0; i < end; i++) {
    // No text list holds NUL bytes; zip (xlsx), pdf and images nearly always do early on.
    if (bytes[i] === 0) throw binaryFileError();
  }
}
