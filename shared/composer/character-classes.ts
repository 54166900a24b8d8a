/**
 * Per-character classification for highlighting in the message box: GSM-7
 * basic (1 septet), GSM-7 extension (2 septets) or outside GSM-7 (forces the
 * whole message to UCS-2), with the replacement suggestion when one exists.
 */
import { gsm7KindOfCode, type Gsm7CharacterKind } from './gsm7-charset';
import { listGsm7Replacements, type ReplacementSuggestion } from './gsm7-replacements';

export interface CharacterRun {
  /** UTF-16 index of the first character of the run. */
  start: number;
  end: number;
  kind: Gsm7CharacterKind;
}

/**
 * Consecutive characters of the same kind merged into runs (a long message
 * gives a handful of runs, not thousands of spans). Surrogate pairs are always
 * inside an "outside" run, never cut.
 */
export function classifyCharacters(text: string): CharacterRun[] {
  const runs: CharacterRun[] = [];
  for (let i = 0; i < text.length; i++) {
    const kind = gsm7KindOfCode(text.charCodeAt(i));
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, kind });
  }
  return runs;
}

export interface OutsideCharacter {
  /** The character (a code point, or a letter with its combining accents). */
  character: string;
  /** Positions (UTF-16 start index) in message order. */
  positions: number[];
  /** What a one-click replace would write, or null when nothing fits (emoji…). */
  replacement: string | null;
}

/**
 * The characters that force UCS-2, grouped (each listed once with every
 * position), for the "characters outside GSM-7" panel.
 */
export function outsideGsm7Characters(text: string): OutsideCharacter[] {
  const suggestionsByStart = new Map<number, ReplacementSuggestion>(listGsm7Replacements(text).map((s) => [s.start, s]));
  const byCharacter = new Map<string, OutsideCharacter>();
  for (let i = 0; i < text.length; ) {
    const suggestion = suggestionsByStart.get(i);
    const width = suggestion ? suggestion.end - i : (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    if (suggestion || gsm7KindOfCode(text.charCodeAt(i)) === 'outside') {
      const character = text.slice(i, i + width);
      const entry = byCharacter.get(character) ?? { character, positions: [], replacement: suggestion?.replacement ?? null };
      entry.positions.push(i);
      byCharacter.set(character, entry);
    }
    i += width;
  }
  return [...byCharacter.values()];
}
