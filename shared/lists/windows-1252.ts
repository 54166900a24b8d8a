/**
 * What Windows-1252 can hold: ASCII, Latin-1 from U+00A0 and the 27 characters
 * it places in 0x80–0x9F (€, ’, œ, …). An export in Windows-1252 refuses any
 * other character rather than silently writing "?" instead of the user's data.
 */
const extraCharacters = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const unencodable = new RegExp(`[^\\u0000-\\u007f\\u00a0-\\u00ff${extraCharacters}]`, 'gu');

export interface UnencodableReport {
  count: number;
  /** The first few offending characters, distinct, for the error message. */
  examples: string[];
  /** 1-based line of the first one in the text (line 1 is the header). */
  firstLine: number;
}

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
