/**
 * Windows-1252, what Excel writes on a French Windows (€ is 0x80): the one
 * table and codec every part of Dropdesk uses (list import, report files,
 * list export, the demo box). ASCII, Latin-1 from U+00A0 and the 27
 * characters it places in 0x80–0x9F (€, ’, œ, …).
 */

/** 0x80–0x9F; the five bytes Windows-1252 leaves undefined keep their control character, as WHATWG says. */
export const windows1252Upper: readonly string[] = [
  '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
  '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
];

/** Byte → UTF-16 code unit, the whole table. */
const codeUnitOfByte = new Uint16Array(256);
for (let byte = 0; byte < 256; byte++) codeUnitOfByte[byte] = byte >= 0x80 && byte <= 0x9f ? windows1252Upper[byte - 0x80].charCodeAt(0) : byte;

/**
 * Windows-1252 as WHATWG defines it, in one TextDecoder call. Node's
 * TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control
 * characters (so € would come out as U+0080); browsers decode them
 * correctly. Bytes without any of 0x80–0x9F read the same either way (and
 * stay a one-byte string); otherwise every byte goes through the table into
 * UTF-16, which one decode turns into the text (a regular-expression remap
 * after decoding cost a callback per €, on nearly every row of a price list).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let upper = -1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte >= 0x80 && byte <= 0x9f) {
      upper = i;
      break;
    }
  }
  if (upper < 0) return new TextDecoder('windows-1252').decode(bytes);
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < upper; i++) units[i] = bytes[i];
  for (let i = upper; i < bytes.length; i++) units[i] = codeUnitOfByte[bytes[i]];
  return new TextDecoder('utf-16le').decode(units);
}

/** Unicode → byte for the 0x80–0x9F block (the rest of 0x00–0xFF is Latin-1). */
const upperByCode: ReadonlyMap<number, number> = new Map(windows1252Upper.map((character, index) => [character.charCodeAt(0), 0x80 + index] as [number, number]));

/**
 * Text → Windows-1252 bytes. A character it cannot hold becomes '?', as Excel
 * does when saving (a surrogate pair is one character: one '?'); callers that
 * must not lose data check findWindows1252Unencodable first.
 */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) {
      out[length++] = code;
    } else {
      if (code >= 0xd800 && code <= 0xdbff) i++;
      out[length++] = upperByCode.get(code) ?? 0x3f;
    }
  }
  return out.subarray(0, length);
}

/** The printable characters of 0x80–0x9F (the table without its five undefined bytes). */
const extraCharacters = windows1252Upper.filter((character) => character.charCodeAt(0) > 0x9f).join('');
const unencodable = new RegExp(`[^\\u0000-\\u007f\\u00a0-\\u00ff${extraCharacters}]`, 'gu');

export interface UnencodableReport {
  count: number;
  /** The first few offending characters, distinct, for the error message. */
  examples: string[];
  /** 1-based line of the first one in the text (line 1 is the header). */
  firstLine: number;
}

/** What an export in Windows-1252 refuses rather than silently writing "?" instead of the user's data. */
export function findWindows1252Unencodable(text: string): UnencodableReport | null {
  unencodable.lastIndex = 0;
  let count = 0;
  const examples: string[] = [];
  let firstIndex = -1;
  for (const match of text.matchAll(unencodable)) {
    count++;
    if (firstIndex < 0) firstIndex = match.index ?? 0;
    if (examples.length < 5 && !examples.includes(match[0])) examples.push(match[0]);
  }
  if (count === 0) return null;
  let firstLine = 1;
  for (let i = 0; i < firstIndex; i++) if (text.charCodeAt(i) === 10) firstLine++;
  return { count, examples, firstLine };
}
