/**
 * Europe/Paris wall clock ↔ instant with Intl only (no date library).
 *
 * Both providers read dates as Paris wall clocks without an offset (the
 * MediasFlow stamp and PROG, the AllMySMS send date), so every name is built
 * from the Paris wall clock of an instant, and every date the user types is a
 * Paris wall clock turned into an instant for the checks (past? window?).
 *
 * DST choices, the same as Temporal's 'compatible' disambiguation:
 * - an ambiguous wall clock (the autumn hour 02:00–02:59 that happens twice)
 *   takes the EARLIER instant (summer time, +02:00);
 * - a wall clock that does not exist (the spring gap 02:00–02:59) is moved
 *   forward by the length of the gap (02:30 → 03:30 summer time) and the
 *   result says so (`shifted: true`) so the UI can tell the user.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const parisTimeZone = 'Europe/Paris';

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface ParisParts extends WallClock {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  /** Offset from UTC in minutes (60 in winter, 120 in summer). */
  offsetMinutes: number;
  /** 'YYYY-MM-DD', the Paris calendar day. */
  dateKey: string;
}

let formatter: Intl.DateTimeFormat | null = null;
const offsetByUtcHour = new Map<number, number>();

function parisFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: parisTimeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return formatter;
}

/**
 * Paris offset from UTC in ms at an instant. Cached per UTC hour: Paris only
 * changes offset on an hour boundary, so the cache is exact.
 */
export function parisOffsetMs(instantMs: number): number {
  const hourKey = Math.floor(instantMs / HOUR_MS);
  const cached = offsetByUtcHour.get(hourKey);
  if (cached !== undefined) return cached;
  const probe = hourKey * HOUR_MS;
  const values: Record<string, number> = {};
  for (const part of parisFormatter().formatToParts(new Date(probe))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const wallAsUtc = Date.UTC(values.year, values.month - 1, values.day, values.hour, values.minute, values.second);
  const offset = wallAsUtc - probe;
  if (offsetByUtcHour.size > 10_000) offsetByUtcHour.clear();
  offsetByUtcHour.set(hourKey, offset);
  return offset;
}

const pad2 = (value: number): string => (value < 10 ? `0${value}` : String(value));

export function toDateKey(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The Paris wall clock of an instant. */
export function toParisParts(instant: Date | number): ParisParts {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const offset = parisOffsetMs(ms);
  const wall = new Date(ms + offset);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + 1;
  const day = wall.getUTCDate();
  const weekday = wall.getUTCDay();
  return {
    year,
    month,
    day,
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    isoWeekday: weekday === 0 ? 7 : weekday,
    offsetMinutes: Math.round(offset / MINUTE_MS),
    dateKey: toDateKey(year, month, day),
  };
}

export function isValidWallClock(wall: WallClock): boolean {
  const { year, month, day, hour, minute, second } = wall;
  if (![year, month, day, hour, minute, second].every(Number.isInteger)) return false;
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

export type WallClockResolution =
  | { ok: true; instant: Date; ambiguous: boolean; shifted: boolean }
  | { ok: false; code: 'invalid-date' | 'nonexistent-time' };

export interface WallClockOptions {
  /** 'earlier' (default) or 'later' occurrence of the autumn hour that happens twice. */
  ambiguous?: 'earlier' | 'later';
  /** 'shift-forward' (default) moves a spring-gap time forward by the gap; 'reject' refuses it. */
  nonexistent?: 'shift-forward' | 'reject';
}

/** Instant of a Paris wall clock, DST-correct (see the module comment for the choices). */
export function parisWallClockToInstant(wall: WallClock, options: WallClockOptions = {}): WallClockResolution {
  if (!isValidWallClock(wall)) return { ok: false, code: 'invalid-date' };
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // The offsets in force a day before and a day after cover any single change.
  const before = parisOffsetMs(wallAsUtc - DAY_MS);
  const after = parisOffsetMs(wallAsUtc + DAY_MS);
  const candidates = before === after ? [before] : [before, after];
  const fitting = candidates
    .filter((offset) => parisOffsetMs(wallAsUtc - offset) === offset)
    .map((offset) => wallAsUtc - offset)
    .sort((a, b) => a - b);
  if (fitting.length === 1) return { ok: true, instant: new Date(fitting[0]), ambiguous: false, shifted: false };
  if (fitting.length > 1) {
    const chosen = options.ambiguous === 'later' ? fitting[fitting.length - 1] : fitting[0];
    return { ok: true, instant: new Date(chosen), ambiguous: true, shifted: false };
  }
  if (options.nonexistent === 'reject') return { ok: false, code: 'nonexistent-time' };
  // Spring gap: reading the wall clock with the offset in force before the
  // change lands after the gap, by exactly the gap's length.
  return { ok: true, instant: new Date(wallAsUtc - before), ambiguous: false, shifted: true };
}

/** Reads 'YYYY-MM-DD HH:MM' (or with 'T', optional ':SS'); null when unreadable. */
export function parseWallClockText(text: string): WallClock | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (!match) return null;
  const wall: WallClock = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: match[6] ? Number(match[6]) : 0,
  };
  return isValidWallClock(wall) ? wall : null;
}

/** 'YYYY-MM-DD HH:MM' typed by the user (Paris time) → instant. */
export function parseParisDateTime(text: string, options: WallClockOptions = {}): WallClockResolution {
  const wall = parseWallClockText(text);
  if (!wall) return { ok: false, code: 'invalid-date' };
  return parisWallClockToInstant(wall, options);
}

/** 'YYYY-MM-DD HH:MM' in Paris time, how the UI and the CLI show a date. */
export function formatParisDateTime(instant: Date | number): string {
  const p = toParisParts(instant);
  return `${p.dateKey} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** 'YYYYMMDDHHMMSS' in Paris time (MediasFlow stamp, AllMySMS name date). */
export function formatStamp14(instant: Date | number): string {
  const p = toParisParts(instant);
  return `${p.year}${pad2(p.month)}${pad2(p.day)}${pad2(p.hour)}${pad2(p.minute)}${pad2(p.second)}`;
}

/** 'YYYYMMDDHHMM' in Paris time (MediasFlow PROG). */
export function formatStamp12(instant: Date | number): string {
  return formatStamp14(instant).slice(0, 12);
}

/**
 * Reads a provider date: 'YYYYMMDDHHMMSS', 'YYYYMMDD_HHMMSS', 'YYYYMMDDHHMM'
 * or 'YYYYMMDD_HHMM' (both spellings the MediasFlow guide accepts). Null when
 * the shape or the calendar is wrong.
 */
export function parseStampDigits(text: string): WallClock | null {
  const match = /^(\d{4})(\d{2})(\d{2})_?(\d{2})(\d{2})(\d{2})?$/.exec(text);
  if (!match) return null;
  const wall: WallClock = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: match[6] ? Number(match[6]) : 0,
  };
  return isValidWallClock(wall) ? wall : null;
}

/** Instant of a provider date (see parseStampDigits), or null. */
export function parseStampInstant(text: string): Date | null {
  const wall = parseStampDigits(text);
  if (!wall) return null;
  const resolved = parisWallClockToInstant(wall);
  return resolved.ok ? resolved.instant : null;
}

/** The calendar day after a 'YYYY-MM-DD' key. */
export function nextDateKey(dateKey: string, days = 1): string {
  const [year, month, day] = dateKey.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return toDateKey(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** ISO weekday (1 = Monday) of a 'YYYY-MM-DD' key. */
export function isoWeekdayOfDateKey(dateKey: string): number {
  const [year, month, day] = dateKey.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

const offsetByWallHour = new Map<number, number>();

/**
 * Instant (epoch ms) of Paris wall-clock fields, NaN when the date is
 * impossible: parisWallClockToInstant's choices (earlier autumn instant,
 * spring gap moved forward) without its allocations, the offset cached per
 * wall hour, for the readers of a million report rows (a few hundred distinct
 * hours). Month is 1-based.
 */
export function parisWallFieldsToMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return NaN;
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(wallAsUtc) || new Date(wallAsUtc).getUTCDate() !== day) return NaN;
  const wallHourKey = Math.floor(wallAsUtc / HOUR_MS);
  let offset = offsetByWallHour.get(wallHourKey);
  if (offset === undefined) {
    const resolved = parisWallClockToInstant({ year, month, day, hour, minute: 0, second: 0 });
    if (!resolved.ok) return NaN;
    offset = wallHourKey * HOUR_MS - resolved.instant.getTime();
    if (offsetByWallHour.size > 10_000) offsetByWallHour.clear();
    offsetByWallHour.set(wallHourKey, offset);
  }
  return wallAsUtc - offset;
}
