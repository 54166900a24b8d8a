/**
 * MediasFlow REST by-period reports (guide §2.4, GET /campaigns/reportjson?from&to):
 * at most 7 days per request, dates 'YYYY-MM-DD' with no time zone. This
 * planner cuts the period the user chose (Paris calendar days, both ends
 * included) into the requests to make (pure).
 *
 * The guide does not say whether its dates are Paris or UTC days, nor how it
 * measures "7 days". Settled the safe way (README, MediasFlow REST ambiguities):
 * - one day more on each side is fetched, so a send in the first or last hour
 *   of a Paris day is never missed if MediasFlow reads the dates as UTC days
 *   (the extra rows are left out by their own date, rest-period-figures.ts);
 * - a request names whole days only, at most 7 of them, and never more than
 *   168 hours of Paris time: a week holding the autumn change (a 25-hour day)
 *   is cut to 6 days, so the request is within 7 × 24 h however MediasFlow
 *   reads and counts it;
 * - the windows never overlap (the figures also ignore a row seen twice).
 */
import { nextDateKey, parisWallFieldsToMs } from '../scheduling/paris-time';

export interface RestPeriod {
  /** First Paris day, 'YYYY-MM-DD'. */
  from: string;
  /** Last Paris day (included), 'YYYY-MM-DD'. */
  to: string;
}

/** One request: `from` and `to` as sent (whole days, both included). */
export interface RestPeriodWindow {
  from: string;
  to: string;
}

export const restPeriodMaxDaysPerRequest = 7;
/** Longest period the across-campaigns view asks MediasFlow for (14 requests or so). */
export const restPeriodMaxDays = 92;

const HOUR_MS = 3_600_000;
const dateKeyPattern = /^\d{4}-\d{2}-\d{2}$/;

function isDateKey(text: string): boolean {
  return dateKeyPattern.test(text) && !Number.isNaN(parisWallFieldsToMs(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))));
}

/** Hours in a Paris calendar day: 24, 23 on the spring change, 25 on the autumn one. */
export function parisDayHours(dateKey: string): number {
  const [year, month, day] = dateKey.split('-').map(Number);
  const [nextYear, nextMonth, nextDay] = nextDateKey(dateKey).split('-').map(Number);
  return Math.round((parisWallFieldsToMs(nextYear, nextMonth, nextDay) - parisWallFieldsToMs(year, month, day)) / HOUR_MS);
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function periodDayCount(period: RestPeriod): number {
  const [a, b] = [period.from, period.to].map((key) => Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))));
  return Math.max(0, Math.round((b - a) / 86_400_000) + 1);
}

export type RestPeriodPlan =
  | { ok: true; windows: RestPeriodWindow[]; fetched: RestPeriod }
  | { ok: false; reason: 'invalid' | 'too-long'; days: number };

/** The requests for a period of Paris days (one extra day fetched on each side). */
export function planRestPeriodWindows(period: RestPeriod): RestPeriodPlan {
  if (!isDateKey(period.from) || !isDateKey(period.to) || period.to < period.from) {
    return { ok: false, reason: 'invalid', days: 0 };
  }
  const days = periodDayCount(period);
  if (days > restPeriodMaxDays) return { ok: false, reason: 'too-long', days };
  const fetched = { from: nextDateKey(period.from, -1), to: nextDateKey(period.to, 1) };
  const windows: RestPeriodWindow[] = [];
  let start = fetched.from;
  while (start <= fetched.to) {
    let end = start;
    let count = 1;
    let hours = parisDayHours(start);
    for (;;) {
      const next = nextDateKey(end);
      if (next > fetched.to || count >= restPeriodMaxDaysPerRequest || hours + parisDayHours(next) > restPeriodMaxDaysPerRequest * 24) break;
      end = next;
      count++;
      hours += parisDayHours(next);
    }
    windows.push({ from: start, to: end });
    start = nextDateKey(end);
  }
  return { ok: true, windows, fetched };
}
