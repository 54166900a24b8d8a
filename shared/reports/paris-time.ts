/**
 * Europe/Paris wall clock ↔ instant, DST-correct, with Intl only (no date library).
 *
 * MediasFlow writes every date (DELIVERYDATE, the report file name's stamp) as a
 * Paris wall clock without offset. Converting needs the offset in force at that
 * wall time; Intl gives the offset at an instant, so we solve for it. Offsets are
 * cached per UTC hour because Paris only changes offset on an hour boundary and a
 * report holds at most a few hundred distinct hours: the 1,000,000-row parse calls
 * Intl a handful of times, not a million.
 */

import { parisOffsetMs } from '../scheduling/paris-time';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const offsetByWallHour = new Map<number, number>();

/** Offset of Paris from UTC, in ms, at the given instant (the scheduling module's, cached per hour). */
export const parisOffsetAt = parisOffsetMs;

/**
 * Instant (epoch ms) of a Paris wall-clock time. Month is 1-based.
 * Ambiguous times (the autumn hour that happens twice) take the earlier instant;
 * times that do not exist (the spring gap) are moved forward by the gap, like
 * Temporal's "compatible" disambiguation. Returns NaN for impossible fields.
 */
export function parisWallClockToInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return NaN;
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(wallAsUtc) || new Date(wallAsUtc).getUTCDate() !== day) return NaN;
  const wallHourKey = Math.floor(wallAsUtc / HOUR_MS);
  let offset = offsetByWallHour.get(wallHourKey);
  if (offset === undefined) {
    offset = resolveOffsetForWallHour(wallHourKey * HOUR_MS);
    offsetByWallHour.set(wallHourKey, offset);
  }
  return wallAsUtc - offset;
}

/** Offset to subtract from a wall hour (expressed as if UTC) to get the instant. */
function resolveOffsetForWallHour(wallHourAsUtc: number): number {
  const before = parisOffsetAt(wallHourAsUtc - DAY_MS);
  const after = parisOffsetAt(wallHourAsUtc + DAY_MS);
  const candidates = before === after ? [before] : [before, after];
  const valid = candidates.filter((offset) => parisOffsetAt(wallHourAsUtc - offset) === offset);
  // Earliest instant = largest offset when two offsets fit (autumn overlap).
  if (valid.length > 0) return Math.max(...valid);
  // Spring gap: use the offset in force before the change, which lands after the gap.
  return before;
}

export interface ParisWallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function instantToParisWallClock(instantMs: number): ParisWallClock {
  const wall = new Date(instantMs + parisOffsetAt(instantMs));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

const pad2 = (value: number): string => (value < 10 ? `0${value}` : String(value));

/** 'dd/MM/yyyy HH:mm:ss' in Paris time, the DELIVERYDATE format. */
export function formatParisDeliveryDate(instantMs: number): string {
  const w = instantToParisWallClock(instantMs);
  return `${pad2(w.day)}/${pad2(w.month)}/${w.year} ${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}`;
}

/** 'YYYYMMDDHHMMSS' in Paris time, the report file name's stamp. */
export function formatParisCompactStamp(instantMs: number): string {
  const w = instantToParisWallClock(instantMs);
  return `${w.year}${pad2(w.month)}${pad2(w.day)}${pad2(w.hour)}${pad2(w.minute)}${pad2(w.second)}`;
}

/** 'yyyy-MM-dd HH:mm' (or 'yyyy-MM-dd' when dayOnly) in Paris time, for chart labels. */
export function formatParisLabel(instantMs: number, dayOnly = false): string {
  const w = instantToParisWallClock(instantMs);
  const date = `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;
  return dayOnly ? date : `${date} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** Instant of a 'YYYYMMDDHHMMSS' Paris stamp, NaN when malformed. */
export function parseParisCompactStamp(stamp: string): number {
  if (!/^\d{14}$/.test(stamp)) return NaN;
  return parisWallClockToInstant(
    Number(stamp.slice(0, 4)),
    Number(stamp.slice(4, 6)),
    Number(stamp.slice(6, 8)),
    Number(stamp.slice(8, 10)),
    Number(stamp.slice(10, 12)),
    Number(stamp.slice(12, 14)),
  );
}

/** Start (instant) of the Paris calendar day holding this instant. */
export function parisDayStart(instantMs: number): number {
  const w = instantToParisWallClock(instantMs);
  return parisWallClockToInstant(w.year, w.month, w.day);
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
  return parisWallClockToInstant(century * 100 + yearInCentury, month, day, hour, minute, second);
}

/** Two ASCII digits at `at` as a number, or -1. */
function digits2(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}
