/**
 * Where to cut a file in two parts that can be read on their own (an import
 * on two threads): just after a line break that is outside quotes.
 */
import type { ListNewline } from './parse-list-bytes';

const quote = 0x22;
const carriageReturn = 0x0d;
const lineFeed = 0x0a;

/**
 * The first byte, at or after `near`, that follows a line break outside
 * quotes; null when none follows. A byte is inside quotes when an odd number
 * of quotes precede it: `""` inside a quoted field counts twice, so this is
 * exact for a well-formed file. papaparse reads stray quotes more leniently;
 * the reading of the part before then finds its last record unclosed, and the
 * caller reads the file whole instead.
 */
export function findRecordStart(bytes: Uint8Array, near: number, newline: ListNewline): number | null {
  const head = bytes.subarray(0, near);
  let quoted = false;
  for (let at = head.indexOf(quote); at !== -1; at = head.indexOf(quote, at + 1)) quoted = !quoted;
  const breakByte = newline === '\r' ? carriageReturn : lineFeed;
  let nextQuote = bytes.indexOf(quote, near);
  for (let at = bytes.indexOf(breakByte, near); at !== -1; at = bytes.indexOf(breakByte, at + 1)) {
    while (nextQuote !== -1 && nextQuote < at) {
      quoted = !quoted;
      nextQuote = bytes.indexOf(quote, nextQuote + 1);
    }
    const wholeBreak = newline !== '\r\n' || (at > 0 && bytes[at - 1] === carriageReturn);
    if (!quoted && wholeBreak) return at + 1;
  }
  return null;
}
