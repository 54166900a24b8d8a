/**
 * Counts what `renderTemplate` would produce for a row without building the
 * string: the template's literal parts are measured once, each row only scans
 * its own values. Most messages are settled from the totals (one SMS, or no
 * character that makes the cut position matter); only long GSM-7 messages with
 * extension characters walk the pieces again, and only long UCS-2 messages
 * with emoji or combining marks fall back to rendering + countSms.
 * Same results as `countSms(renderTemplate(compiled, row) + appendedText)`.
 */
import { charFlag, characterFlags } from './gsm7-charset';
import { countSms, segmentCapacity, type SmsCount } from './sms-count';
import { renderTemplate, type CompiledTemplate } from './template';

interface PieceStats {
  length: number;
  septets: number;
  seen: number;
  lineFeeds: number;
}

export interface TemplateCounter {
  compiled: CompiledTemplate;
  literals: PieceStats[];
  fallbacks: PieceStats[];
  /** Stats of the literals and appended text together (constant per row). */
  fixed: PieceStats;
  appendedText: string;
}

function measure(text: string): PieceStats {
  let septets = 0;
  let seen = 0;
  let lineFeeds = 0;
  for (let i = 0; i < text.length; i++) {
    const flags = characterFlags[text.charCodeAt(i)];
    septets += flags & charFlag.septetsMask;
    seen |= flags;
    lineFeeds += flags >> 4;
  }
  return { length: text.length, septets, seen, lineFeeds };
}

/** `appendedText`: what the provider adds after every message (iSendPro's STOP), counted too. */
export function prepareTemplateCounter(compiled: CompiledTemplate, appendedText = ''): TemplateCounter {
  const literals = compiled.literals.map(measure);
  const fixed = measure(compiled.literals.join('') + appendedText);
  return { compiled, literals, fallbacks: compiled.slotFallbacks.map(measure), fixed, appendedText };
}

function isBlank(value: string): boolean {
  return value.length === 0 || (value.charCodeAt(0) <= 0x20 && value.trim().length === 0);
}

/** The count of one row's rendered message (plus the appended text). */
export function countTemplateRow(counter: TemplateCounter, row: readonly string[]): SmsCount {
  const { slotColumns } = counter.compiled;
  let length = counter.fixed.length;
  let septets = counter.fixed.septets;
  let seen = counter.fixed.seen;
  let lineFeeds = counter.fixed.lineFeeds;
  for (let slot = 0; slot < slotColumns.length; slot++) {
    const column = slotColumns[slot];
    const value = column >= 0 ? row[column] : undefined;
    if (value === undefined || isBlank(value)) {
      const fallback = counter.fallbacks[slot];
      length += fallback.length;
      septets += fallback.septets;
      seen |= fallback.seen;
      lineFeeds += fallback.lineFeeds;
      continue;
    }
    length += value.length;
    for (let i = 0; i < value.length; i++) {
      const flags = characterFlags[value.charCodeAt(i)];
      septets += flags & charFlag.septetsMask;
      seen |= flags;
      lineFeeds += flags >> 4;
    }
  }
  if (length === 0) return { encoding: 'GSM-7', units: 0, segments: 0, lineFeeds: 0 };

  if ((seen & charFlag.outsideGsm7) === 0) {
    const { single, multipart } = segmentCapacity['GSM-7'];
    let segments: number;
    if (septets <= single) segments = 1;
    else if ((seen & 2) === 0) segments = Math.ceil(septets / multipart);
    else segments = gsm7SegmentsOverPieces(counter, row);
    return { encoding: 'GSM-7', units: septets, segments, lineFeeds };
  }
  const { single, multipart } = segmentCapacity['UCS-2'];
  if (length <= single) return { encoding: 'UCS-2', units: length, segments: 1, lineFeeds };
  if ((seen & charFlag.mayJoinGrapheme) === 0) return { encoding: 'UCS-2', units: length, segments: Math.ceil(length / multipart), lineFeeds };
  // Emoji or combining marks in a long message: the cut positions need graphemes.
  return countSms(renderTemplate(counter.compiled, row) + counter.appendedText);
}

/** Greedy 153-septet packing over the pieces, as gsm7Segments does over the rendered text. */
function gsm7SegmentsOverPieces(counter: TemplateCounter, row: readonly string[]): number {
  const { literals, slotColumns, slotFallbacks } = counter.compiled;
  const capacity = segmentCapacity['GSM-7'].multipart;
  let segments = 1;
  let used = 0;
  const pack = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const cost = characterFlags[text.charCodeAt(i)] & charFlag.septetsMask;
      if (used + cost > capacity) {
        segments++;
        used = 0;
      }
      used += cost;
    }
  };
  pack(literals[0]);
  for (let slot = 0; slot < slotColumns.length; slot++) {
    const column = slotColumns[slot];
    const value = column >= 0 ? row[column] : undefined;
    pack(value === undefined || isBlank(value) ? slotFallbacks[slot] : value);
    pack(literals[slot + 1]);
  }
  pack(counter.appendedText);
  return segments;
}
