/**
 * How many SMS a message costs: encoding (GSM-7 or UCS-2), units (septets or
 * UTF-16 code units) and segments (160/70 for one SMS, 153/67 per part beyond).
 * A segment never cuts a GSM-7 escape pair, a surrogate pair or a grapheme
 * cluster. Pure and allocation-light: it runs once per recipient on lists of
 * a million rows.
 */
import { charFlag, characterFlags } from './gsm7-charset';
import { clusterStartAtOrBefore, graphemeClusters } from './grapheme-boundaries';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** Units per segment, by encoding (3GPP TS 23.040: a 6-octet concatenation header in each part). */
export const segmentCapacity = {
  'GSM-7': { single: 160, multipart: 153 },
  'UCS-2': { single: 70, multipart: 67 },
} as const;

/**
 * The "of" in the live counter "142/160 · 1 SMS · GSM-7": what the current
 * number of SMS can hold (160 or 70 for one, then 153 or 67 per SMS).
 */
export function counterCapacity(count: Pick<SmsCount, 'encoding' | 'segments'>): number {
  const capacity = segmentCapacity[count.encoding];
  return count.segments <= 1 ? capacity.single : count.segments * capacity.multipart;
}

export interface SmsCount {
  encoding: SmsEncoding;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  units: number;
  /** Billed SMS; 0 for an empty message. */
  segments: number;
  /** Number of '\n' in the message (AllMySMS counts each one twice). */
  lineFeeds: number;
}

export interface SmsSegment {
  /** UTF-16 index of the first character of the segment in the message. */
  start: number;
  /** UTF-16 index just after the segment. */
  end: number;
  /** Units this segment uses (septets or code units). */
  units: number;
}

export interface SmsSegmentation extends SmsCount {
  /** Segment spans, one after another, covering the whole message. */
  spans: SmsSegment[];
}

/** Counts one message. The common path is one table read per character. */
export function countSms(text: string): SmsCount {
  const length = text.length;
  let septets = 0;
  let seen = 0;
  let lineFeeds = 0;
  for (let i = 0; i < length; i++) {
    const flags = characterFlags[text.charCodeAt(i)];
    septets += flags & charFlag.septetsMask;
    seen |= flags;
    lineFeeds += flags >> 4;
  }
  if (length === 0) return { encoding: 'GSM-7', units: 0, segments: 0, lineFeeds: 0 };

  if ((seen & charFlag.outsideGsm7) === 0) {
    let segments: number;
    if (septets <= segmentCapacity['GSM-7'].single) segments = 1;
    else if ((seen & 2) === 0) segments = Math.ceil(septets / segmentCapacity['GSM-7'].multipart);
    else segments = gsm7Segments(text, null);
    return { encoding: 'GSM-7', units: septets, segments, lineFeeds };
  }

  let segments: number;
  if (length <= segmentCapacity['UCS-2'].single) segments = 1;
  else if ((seen & charFlag.mayJoinGrapheme) === 0) segments = Math.ceil(length / segmentCapacity['UCS-2'].multipart);
  else segments = ucs2Segments(text, true, null);
  return { encoding: 'UCS-2', units: length, segments, lineFeeds };
}

/** Counts one message and returns where each segment starts and ends (for drawing them). */
export function segmentSms(text: string): SmsSegmentation {
  const count = countSms(text);
  const spans: SmsSegment[] = [];
  if (count.segments === 1) spans.push({ start: 0, end: text.length, units: count.units });
  else if (count.segments > 1) {
    if (count.encoding === 'GSM-7') gsm7Segments(text, spans);
    else ucs2Segments(text, needsGraphemes(text), spans);
  }
  return { ...count, spans };
}

/** Greedy packing of 153-septet parts, never cutting an escape pair (each character is atomic). */
function gsm7Segments(text: string, parts: SmsSegment[] | null): number {
  const capacity = segmentCapacity['GSM-7'].multipart;
  let segments = 1;
  let used = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const cost = characterFlags[text.charCodeAt(i)] & charFlag.septetsMask;
    if (used + cost > capacity) {
      parts?.push({ start, end: i, units: used });
      segments++;
      start = i;
      used = 0;
    }
    used += cost;
  }
  parts?.push({ start, end: text.length, units: used });
  return segments;
}

/**
 * Greedy packing of 67-unit parts. Without any joining character every code
 * unit is its own grapheme (fast path); otherwise each cut is moved back to
 * the start of the grapheme cluster it would fall into.
 */
function ucs2Segments(text: string, mayJoin: boolean, parts: SmsSegment[] | null): number {
  const capacity = segmentCapacity['UCS-2'].multipart;
  const clusters = mayJoin ? graphemeClusters(text) : null;
  let segments = 1;
  let start = 0;
  while (text.length - start > capacity) {
    let cut = start + capacity;
    if (clusters) cut = clusterStartAtOrBefore(clusters, cut, capacity);
    // Only reachable inside an over-long cluster: cut between code points.
    if (isLowSurrogate(text.charCodeAt(cut)) && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
    parts?.push({ start, end: cut, units: cut - start });
    segments++;
    start = cut;
  }
  parts?.push({ start, end: text.length, units: text.length - start });
  return segments;
}

function needsGraphemes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (characterFlags[text.charCodeAt(i)] & charFlag.mayJoinGrapheme) return true;
  }
  return false;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * AllMySMS's length rule: 160 characters at most, each '\n' counting twice.
 * Measured in the message's own units (septets: '€' and the other extension
 * characters count 2, as they do on the air) so the check can only be
 * stricter than the provider's, never looser.
 */
export function allMySmsLength(count: SmsCount): number {
  return count.units + count.lineFeeds;
}

export const ALLMYSMS_MAX_LENGTH = 160;
