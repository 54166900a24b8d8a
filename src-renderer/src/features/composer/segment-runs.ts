/**
 * Cuts each SMS of a message into runs for drawing, from the engine's
 * character classes and placeholders: plain GSM-7 text, extension characters
 * (they cost two), characters outside GSM-7 (one run per code point, so each
 * can be clicked and replaced) and `${FIELD}` markers.
 */
import { classifyCharacters } from '@shared/composer/character-classes';
import type { SmsSegment } from '@shared/composer/sms-count';
import { findPlaceholders } from '@shared/composer/template';

export type RunKind = 'text' | 'extension' | 'outside' | 'field';

export interface TextRun {
  kind: RunKind;
  text: string;
  /** UTF-16 offset of the run in the whole message. */
  start: number;
}

/** Runs of the whole message, split at every boundary the drawing needs. */
function messageRuns(text: string, withFields: boolean): TextRun[] {
  const fields = withFields ? findPlaceholders(text) : [];
  const classes = classifyCharacters(text);
  const runs: TextRun[] = [];
  let field = 0;
  let run = 0;
  for (let index = 0; index < text.length; ) {
    while (field < fields.length && fields[field].end <= index) field++;
    const placeholder = fields[field];
    if (placeholder && placeholder.start <= index) {
      runs.push({ kind: 'field', text: text.slice(index, placeholder.end), start: index });
      index = placeholder.end;
      continue;
    }
    while (classes[run].end <= index) run++;
    const { kind, end } = classes[run];
    if (kind === 'basic') {
      const stop = Math.min(end, placeholder ? placeholder.start : end);
      runs.push({ kind: 'text', text: text.slice(index, stop), start: index });
      index = stop;
    } else {
      // One run per character: each can be replaced (outside) or explained (extension) on its own.
      const width = kind === 'outside' && (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
      runs.push({ kind, text: text.slice(index, index + width), start: index });
      index += width;
    }
  }
  return runs;
}

/** The runs of each SMS; a run crossing a boundary is drawn in both parts. */
export function segmentRuns(text: string, parts: readonly SmsSegment[], options: { fields?: boolean } = {}): TextRun[][] {
  const runs = messageRuns(text, options.fields ?? true);
  let first = 0;
  return parts.map((part) => {
    const partRuns: TextRun[] = [];
    while (first < runs.length && runs[first].start + runs[first].text.length <= part.start) first++;
    for (let i = first; i < runs.length && runs[i].start < part.end; i++) {
      const run = runs[i];
      const from = Math.max(run.start, part.start);
      const to = Math.min(run.start + run.text.length, part.end);
      partRuns.push(from === run.start && to === run.start + run.text.length ? run : { ...run, text: text.slice(from, to), start: from });
    }
    return partRuns;
  });
}
