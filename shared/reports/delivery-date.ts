/**
 * DELIVERYDATE, the report column MediasFlow writes as a Paris wall clock
 * 'dd/MM/yyyy HH:mm:ss' without offset. Paris time itself is
 * shared/scheduling/paris-time.ts (one implementation); this module only
 * reads and writes the column's format.
 */
import { parisWallFieldsToMs, toParisParts } from '../scheduling/paris-time';

const pad2 = (value: number): string => (value < 10 ? `0${value}` : String(value));

/** 'dd/MM/yyyy HH:mm:ss' in Paris time, the DELIVERYDATE format. */
export function formatParisDeliveryDate(instantMs: number): string {
  const w = toParisParts(instantMs);
  return `${pad2(w.day)}/${pad2(w.month)}/${w.year} ${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}`;
}

/**
 * Reads a DELIVERYDATE-like 'dd/MM/yyyy HH:mm:ss' (seconds optional) straight from the
 * characters of `text` between start and end, without allocating. Surrounding spaces
 * are ignored. Returns the instant, NaN when the text is empty or unreadable.
 */
export function readParisDeliveryDate(text: string, start: number, end: number): number {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  const length = end - start;
  if (length !== 19 && length !== 16) return NaN;
  const day = digits2(text, start);
  const month = digits2(text, start + 3);
  const century = digits2(text, start + 6);
  const yearInCentury = digits2(text, start + 8);
  const hour = digits2(text, start + 11);
  const minute = digits2(text, start + 14);
  const second = length === 19 ? digits2(text, start + 17) : 0;
  if (
    text.charCodeAt(start + 2) !== 47 ||
    text.charCodeAt(start + 5) !== 47 ||
    text.charCodeAt(start + 13) !== 58 ||
    (length === 19 && text.charCodeAt(start + 16) !== 58) ||
    !(day >= 0 && month >= 0 && century >= 0 && yearInCentury >= 0 && hour >= 0 && minute >= 0 && second >= 0)
  ) {
    return NaN;
  }
  return parisWallFieldsToMs(century * 100 + yearInCentury, month, day, hour, minute, second);
}

/** Two ASCII digits at `at` as a number, or -1. */
function digits2(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}
