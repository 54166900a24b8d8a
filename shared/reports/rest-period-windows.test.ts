import { describe, expect, it } from 'vitest';
import { parisDayHours, periodDayCount, planRestPeriodWindows } from './rest-period-windows';

const windowsOf = (from: string, to: string) => {
  const plan = planRestPeriodWindows({ from, to });
  if (!plan.ok) throw new Error(plan.reason);
  return plan;
};
const daysIn = (window: { from: string; to: string }) => periodDayCount(window);
const hoursIn = (window: { from: string; to: string }) => {
  let hours = 0;
  for (let day = window.from; day <= window.to; day = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) hours += parisDayHours(day);
  return hours;
};

describe('planRestPeriodWindows (by-period reports, at most 7 days per request)', () => {
  it('cuts 31 days into 5 requests of whole days, with one extra day on each side, none overlapping', () => {
    const plan = windowsOf('2027-01-01', '2027-01-31');
    expect(plan.fetched).toEqual({ from: '2026-12-31', to: '2027-02-01' });
    expect(plan.windows).toEqual([
      { from: '2026-12-31', to: '2027-01-06' },
      { from: '2027-01-07', to: '2027-01-13' },
      { from: '2027-01-14', to: '2027-01-20' },
      { from: '2027-01-21', to: '2027-01-27' },
      { from: '2027-01-28', to: '2027-02-01' },
    ]);
    // Contiguous: each request starts the day after the previous one ends.
    for (let i = 1; i < plan.windows.length; i++) expect(periodDayCount({ from: plan.windows[i - 1].to, to: plan.windows[i].from })).toBe(2);
    expect(plan.windows.every((window) => daysIn(window) <= 7)).toBe(true);
  });

  it('knows the Paris days of 23 and 25 hours', () => {
    expect(parisDayHours('2026-03-29')).toBe(23);
    expect(parisDayHours('2026-10-25')).toBe(25);
    expect(parisDayHours('2026-10-26')).toBe(24);
  });

  it('cuts the requests holding the autumn change (25-hour day) to 6 days, so no request passes 168 hours', () => {
    const plan = windowsOf('2026-10-20', '2026-10-31');
    expect(plan.windows[0]).toEqual({ from: '2026-10-19', to: '2026-10-24' });
    // Seven days from the 25th would be 169 hours: 6 days (145 hours).
    expect(hoursIn({ from: '2026-10-25', to: '2026-10-31' })).toBe(169);
    expect(plan.windows[1]).toEqual({ from: '2026-10-25', to: '2026-10-30' });
    expect(plan.windows.at(-1)).toEqual({ from: '2026-10-31', to: '2026-11-01' });
    expect(plan.windows.every((window) => hoursIn(window) <= 168 && daysIn(window) <= 7)).toBe(true);
  });

  it('keeps 7 days across the spring change (a 23-hour day)', () => {
    const plan = windowsOf('2026-03-27', '2026-04-01');
    expect(plan.windows[0]).toEqual({ from: '2026-03-26', to: '2026-04-01' });
    expect(hoursIn(plan.windows[0])).toBe(167);
  });

  it('covers every day of a month with the autumn change exactly once', () => {
    const plan = windowsOf('2026-10-01', '2026-10-31');
    expect(plan.windows).toHaveLength(5);
    const covered = plan.windows.reduce((sum, window) => sum + daysIn(window), 0);
    expect(covered).toBe(33);
    expect(plan.windows.every((window) => hoursIn(window) <= 168)).toBe(true);
  });

  it('one day is 3 days fetched in one request', () => {
    expect(windowsOf('2026-12-01', '2026-12-01').windows).toEqual([{ from: '2026-11-30', to: '2026-12-02' }]);
  });

  it('refuses an unreadable or reversed period, and one longer than 92 days', () => {
    expect(planRestPeriodWindows({ from: '2026-02-30', to: '2026-03-02' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(planRestPeriodWindows({ from: '2026-03-02', to: '2026-03-01' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(planRestPeriodWindows({ from: '2026-01-01', to: '2026-12-31' })).toMatchObject({ ok: false, reason: 'too-long', days: 365 });
    expect(planRestPeriodWindows({ from: '2026-01-01', to: '2026-04-02' }).ok).toBe(true);
  });
});
