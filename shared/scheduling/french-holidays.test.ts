import { describe, expect, it } from 'vitest';
import { easterSunday, frenchHolidayOn, frenchPublicHolidays } from './french-holidays';

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('frenchPublicHolidays', () => {
  it('lists the 11 metropolitan holidays of 2024', () => {
    expect(frenchPublicHolidays(2024)).toEqual([
      { date: '2024-01-01', key: 'new-year' },
      { date: '2024-04-01', key: 'easter-monday' },
      { date: '2024-05-01', key: 'labour-day' },
      { date: '2024-05-08', key: 'victory-1945' },
      { date: '2024-05-09', key: 'ascension' },
      { date: '2024-05-20', key: 'whit-monday' },
      { date: '2024-07-14', key: 'bastille-day' },
      { date: '2024-08-15', key: 'assumption' },
      { date: '2024-11-01', key: 'all-saints' },
      { date: '2024-11-11', key: 'armistice' },
      { date: '2024-12-25', key: 'christmas' },
    ]);
  });

  it('computes the movable feasts of 2025 from Easter', () => {
    const keys = Object.fromEntries(frenchPublicHolidays(2025).map((h) => [h.key, h.date]));
    expect(keys).toMatchObject({ 'easter-monday': '2025-04-21', ascension: '2025-05-29', 'whit-monday': '2025-06-09' });
  });

  it('adds Good Friday and St Stephen for Alsace-Moselle only', () => {
    expect(frenchPublicHolidays(2024, { alsaceMoselle: true })).toHaveLength(13);
    expect(frenchHolidayOn('2024-03-29')).toBeNull();
    expect(frenchHolidayOn('2024-03-29', { alsaceMoselle: true })).toEqual({ date: '2024-03-29', key: 'good-friday' });
    expect(frenchHolidayOn('2024-12-26', { alsaceMoselle: true })?.key).toBe('st-stephen');
    expect(frenchHolidayOn('2024-12-26')).toBeNull();
  });
});
