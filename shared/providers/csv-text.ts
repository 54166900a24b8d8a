/** Small, fast CSV helpers shared by the provider file builders. */

const needsQuoting = /[;"\r\n]/;

/** A field for a semicolon CSV, quoted only when it must be (RFC 4180). */
export function csvField(value: string): string {
  return needsQuoting.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A field always between double quotes, inner quotes doubled. */
export function quotedCsvField(value: string): string {
  return `"${value.indexOf('"') === -1 ? value : value.replace(/"/g, '""')}"`;
}

/**
 * Bytes of a string once encoded in UTF-8, without allocating (the splitter
 * sizes a million lines). Lone surrogates count 3, like TextEncoder's U+FFFD.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export const utf8Bom = '\uFEFF';
