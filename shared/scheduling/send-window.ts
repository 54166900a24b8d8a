/**
 * The marketing send window: by default Monday–Saturday 08:00–20:00 Paris
 * time, never on a French public holiday (the French operators' code of
 * conduct for commercial SMS). Notifications (appointment reminders, alerts)
 * are exempt. The window is configurable; `end` is exclusive (a send at
 * exactly 20:00 is outside), so a campaign never starts on the last minute.
 */
import { frenchHolidayOn, type HolidayKey } from './french-holidays';
import { isoWeekdayOfDateKey, nextDateKey, parisWallClockToInstant, toParisParts } from './paris-time';

export type SendType = 'marketing' | 'notification';

export interface SendWindow {
  /** ISO weekdays allowed: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** 'HH:MM' Paris time, inclusive. */
  start: string;
  /** 'HH:MM' Paris time, exclusive. */
  end: string;
  /** Refuse French public holidays. */
  excludeHolidays: boolean;
  /** Also treat Good Friday and 26 December as holidays. */
  alsaceMoselle: boolean;
}

export const defaultMarketingWindow: SendWindow = {
  days: [1, 2, 3, 4, 5, 6],
  start: '08:00',
  end: '20:00',
  excludeHolidays: true,
  alsaceMoselle: false,
};

export type WindowBreach = 'day' | 'hours' | 'holiday';

export type SendWindowCheck =
  | { ok: true; exempt: boolean }
  | {
      ok: false;
      /** Every rule the instant breaks (a Sunday at 22:00 breaks 'day' and 'hours'). */
      breaches: WindowBreach[];
      holiday: HolidayKey | null;
      /** First instant inside the window after the checked one; null when the window allows nothing. */
      nextAllowedSlot: Date | null;
    };

/** 'HH:MM' → minutes after midnight; NaN when malformed. */
export function parseClockMinutes(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return NaN;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return NaN;
  return hours * 60 + minutes;
}

export type SendWindowProblem = 'no-day' | 'bad-start' | 'bad-end' | 'empty-hours';

/** What is wrong with a configured window (empty when usable). */
export function validateSendWindow(window: SendWindow): SendWindowProblem[] {
  const problems: SendWindowProblem[] = [];
  if (!window.days.some((day) => Number.isInteger(day) && day >= 1 && day <= 7)) problems.push('no-day');
  const start = parseClockMinutes(window.start);
  const end = parseClockMinutes(window.end);
  if (Number.isNaN(start)) problems.push('bad-start');
  if (Number.isNaN(end)) problems.push('bad-end');
  if (!Number.isNaN(start) && !Number.isNaN(end) && end <= start) problems.push('empty-hours');
  return problems;
}

function dayBreaches(dateKey: string, window: SendWindow): { dayOk: boolean; holiday: HolidayKey | null } {
  const dayOk = window.days.includes(isoWeekdayOfDateKey(dateKey));
  const holiday = window.excludeHolidays ? (frenchHolidayOn(dateKey, { alsaceMoselle: window.alsaceMoselle })?.key ?? null) : null;
  return { dayOk, holiday };
}

function instantAt(dateKey: string, minutes: number): Date {
  const [year, month, day] = dateKey.split('-').map(Number);
  // A window start inside the spring gap is shifted forward, which stays in the window.
  const resolved = parisWallClockToInstant({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 });
  if (!resolved.ok) throw new Error(`Invalid window day ${dateKey}`);
  return resolved.instant;
}

/**
 * Whether a send at `instant` respects the window. Marketing outside the
 * window gets the next allowed slot; notifications are always fine.
 */
export function checkSendWindow(instant: Date, type: SendType, window: SendWindow = defaultMarketingWindow): SendWindowCheck {
  if (type === 'notification') return { ok: true, exempt: true };
  const start = parseClockMinutes(window.start);
  const end = parseClockMinutes(window.end);
  const parts = toParisParts(instant);
  const minuteOfDay = parts.hour * 60 + parts.minute;
  const { dayOk, holiday } = dayBreaches(parts.dateKey, window);
  const hoursOk = minuteOfDay >= start && minuteOfDay < end;
  if (dayOk && hoursOk && !holiday) return { ok: true, exempt: false };
  const breaches: WindowBreach[] = [];
  if (!dayOk) breaches.push('day');
  if (!hoursOk) breaches.push('hours');
  if (holiday) breaches.push('holiday');
  return { ok: false, breaches, holiday, nextAllowedSlot: nextAllowedSlot(instant, window) };
}

/**
 * The first instant at or after `instant` inside the window, or null when the
 * window allows nothing (no day, empty hours, or no allowed day within a year).
 */
export function nextAllowedSlot(instant: Date, window: SendWindow = defaultMarketingWindow): Date | null {
  if (validateSendWindow(window).length > 0) return null;
  const start = parseClockMinutes(window.start);
  const end = parseClockMinutes(window.end);
  const parts = toParisParts(instant);
  const minuteOfDay = parts.hour * 60 + parts.minute;
  let dateKey = parts.dateKey;
  const today = dayBreaches(dateKey, window);
  if (today.dayOk && !today.holiday) {
    if (minuteOfDay >= start && minuteOfDay < end) return instant;
    if (minuteOfDay < start) return instantAt(dateKey, start);
  }
  for (let i = 0; i < 400; i++) {
    dateKey = nextDateKey(dateKey);
    const day = dayBreaches(dateKey, window);
    if (day.dayOk && !day.holiday) return instantAt(dateKey, start);
  }
  return null;
}
