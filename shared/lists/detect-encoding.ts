import type { TextEncoding } from './list-types';
import { binaryFileError, utf16FileError } from './list-errors';

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

/**
 * Windows-1252 as WHATWG defines it. Node's TextDecoder('windows-1252') decodes
 * 0x80–0x9F as Latin-1 control characters (so € would come out as U+0080);
 * browsers decode them correctly. Remapping that range after decoding gives the
 * same text everywhere and costs one scan.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = new TextDecoder('windows-1252').decode(bytes);
  return text.replace(c1Controls, (control) => windows1252Upper[control.charCodeAt(0) - 0x80]);
}

const c1Controls = /[\u0080-\u009f]/g;
/** 0x80–0x9F; the five bytes Windows-1252 leaves undefined keep their control character, as WHATWG says. */
export const windows1252Upper: readonly string[] = [
  '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
  '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
];
