import { describe, expect, it } from 'vitest';
import { parseParisDateTime } from './paris-time';
import { checkSendWindow, defaultMarketingWindow, nextAllowedSlot, parseClockMinutes, validateSendWindow } from './send-window';

const paris = (text: string): Date => {
  const resolved = parseParisDateTime(text);
  if (!resolved.ok) throw new Error(text);
  return resolved.instant;
};

describe('checkSendWindow (marketing, default window)', () => {
  it('accepts Monday–Saturday 08:00 to 19:59', () => {
    expect(checkSendWindow(paris('2024-06-03 08:00'), 'marketing')).toEqual({ ok: true, exempt: false });
    expect(checkSendWindow(paris('2024-06-01 19:59'), 'marketing')).toEqual({ ok: true, exempt: false });
  });

  it('refuses 20:00 sharp (end is exclusive) and points to Monday 08:00 after a Saturday', () => {
    expect(checkSendWindow(paris('2024-06-01 20:00'), 'marketing')).toEqual({
      ok: false,
      breaches: ['hours'],
      holiday: null,
      nextAllowedSlot: paris('2024-06-03 08:00'),
    });
  });

  it('refuses a Sunday, both day and hours when late', () => {
    const check = checkSendWindow(paris('2024-06-02 22:00'), 'marketing');
    expect(check).toMatchObject({ ok: false, breaches: ['day', 'hours'], nextAllowedSlot: new Date('2024-06-03T06:00:00Z') });
  });

  it('moves an early morning to 08:00 the same day', () => {
    expect(checkSendWindow(paris('2024-06-04 07:30'), 'marketing')).toMatchObject({ ok: false, breaches: ['hours'], nextAllowedSlot: paris('2024-06-04 08:00') });
  });

  it('skips public holidays: 8 May and Ascension 2024 in a row', () => {
    expect(checkSendWindow(paris('2024-05-07 21:00'), 'marketing')).toMatchObject({ ok: false, nextAllowedSlot: paris('2024-05-10 08:00') });
    expect(checkSendWindow(paris('2024-05-08 10:00'), 'marketing')).toMatchObject({ ok: false, breaches: ['holiday'], holiday: 'victory-1945' });
  });

  it('gives winter instants in winter time', () => {
    expect(nextAllowedSlot(paris('2024-01-06 21:00'))).toEqual(new Date('2024-01-08T07:00:00Z'));
  });

  it('exempts notifications', () => {
    expect(checkSendWindow(paris('2024-12-25 23:00'), 'notification')).toEqual({ ok: true, exempt: true });
  });
});

describe('configurable window', () => {
  it('can ignore holidays', () => {
    expect(checkSendWindow(paris('2024-05-08 10:00'), 'marketing', { ...defaultMarketingWindow, excludeHolidays: false }).ok).toBe(true);
  });

  it('adds the Alsace-Moselle days', () => {
    const window = { ...defaultMarketingWindow, alsaceMoselle: true };
    expect(checkSendWindow(paris('2024-12-26 10:00'), 'marketing').ok).toBe(true);
    expect(checkSendWindow(paris('2024-12-26 10:00'), 'marketing', window)).toMatchObject({ ok: false, holiday: 'st-stephen', nextAllowedSlot: paris('2024-12-27 08:00') });
  });

  it('uses custom days and hours', () => {
    const window = { ...defaultMarketingWindow, days: [1, 2, 3, 4, 5], start: '09:30', end: '18:00' };
    expect(checkSendWindow(paris('2024-06-01 10:00'), 'marketing', window)).toMatchObject({ ok: false, breaches: ['day'], nextAllowedSlot: paris('2024-06-03 09:30') });
    expect(checkSendWindow(paris('2024-06-03 09:29'), 'marketing', window).ok).toBe(false);
    expect(checkSendWindow(paris('2024-06-03 09:30'), 'marketing', window).ok).toBe(true);
  });

  it('has no next slot when the window allows nothing', () => {
    expect(nextAllowedSlot(paris('2024-06-03 10:00'), { ...defaultMarketingWindow, days: [] })).toBeNull();
    expect(validateSendWindow({ ...defaultMarketingWindow, days: [], start: '20:00', end: '08:00' })).toEqual(['no-day', 'empty-hours']);
    expect(validateSendWindow({ ...defaultMarketingWindow, start: '8h' })).toEqual(['bad-start']);
    expect(validateSendWindow(defaultMarketingWindow)).toEqual([]);
    expect(parseClockMinutes('24:00')).toBe(1440);
    expect(parseClockMinutes('24:01')).toBeNaN();
  });
});
