/**
 * French public holidays (jours fériés, Code du travail art. L3133-1) for
 * metropolitan France, computed — no table to keep up to date. Alsace-Moselle
 * adds Good Friday and St Stephen's day (26 December); off by default.
 */
import { nextDateKey, toDateKey } from './paris-time';

export type HolidayKey =
  | 'new-year'
  | 'easter-monday'
  | 'labour-day'
  | 'victory-1945'
  | 'ascension'
  | 'whit-monday'
  | 'bastille-day'
  | 'assumption'
  | 'all-saints'
  | 'armistice'
  | 'christmas'
  | 'good-friday'
  | 'st-stephen';

export interface Holiday {
  /** 'YYYY-MM-DD' */
  date: string;
  key: HolidayKey;
}

export interface HolidayOptions {
  /** Adds Good Friday and 26 December (Bas-Rhin, Haut-Rhin, Moselle). */
  alsaceMoselle?: boolean;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm). Returns 'YYYY-MM-DD'. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toDateKey(year, month, day);
}

const cache = new Map<string, Holiday[]>();

/** The public holidays of a year, sorted by date. */
export function frenchPublicHolidays(year: number, options: HolidayOptions = {}): Holiday[] {
  const cacheKey = `${year}:${options.alsaceMoselle ? 'am' : 'fr'}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fixed = (month: number, day: number, key: HolidayKey): Holiday => ({ date: toDateKey(year, month, day), key });
  const holidays: Holiday[] = [
    fixed(1, 1, 'new-year'),
    { date: nextDateKey(easter, 1), key: 'easter-monday' },
    fixed(5, 1, 'labour-day'),
    fixed(5, 8, 'victory-1945'),
    { date: nextDateKey(easter, 39), key: 'ascension' },
    { date: nextDateKey(easter, 50), key: 'whit-monday' },
    fixed(7, 14, 'bastille-day'),
    fixed(8, 15, 'assumption'),
    fixed(11, 1, 'all-saints'),
    fixed(11, 11, 'armistice'),
    fixed(12, 25, 'christmas'),
  ];
  if (options.alsaceMoselle) {
    holidays.push({ date: nextDateKey(easter, -2), key: 'good-friday' }, fixed(12, 26, 'st-stephen'));
  }
  holidays.sort((x, y) => x.date.localeCompare(y.date));
  cache.set(cacheKey, holidays);
  return holidays;
}

/** The holiday falling on a 'YYYY-MM-DD' Paris day, or null. */
export function frenchHolidayOn(dateKey: string, options: HolidayOptions = {}): Holiday | null {
  const year = Number(dateKey.slice(0, 4));
  return frenchPublicHolidays(year, options).find((holiday) => holiday.date === dateKey) ?? null;
}
