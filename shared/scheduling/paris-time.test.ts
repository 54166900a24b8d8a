import { describe, expect, it } from 'vitest';
import {
  formatParisDateTime,
  formatStamp12,
  formatStamp14,
  isValidWallClock,
  parisWallClockToInstant,
  parisWallFieldsToMs,
  parseParisDateTime,
  parseStampDigits,
  parseStampInstant,
  toParisParts,
} from './paris-time';

const wall = (year: number, month: number, day: number, hour: number, minute: number, second = 0) => ({ year, month, day, hour, minute, second });

describe('toParisParts', () => {
  it('reads winter (+01:00) and summer (+02:00) wall clocks', () => {
    expect(toParisParts(new Date('2024-01-15T11:30:45Z'))).toMatchObject({ year: 2024, month: 1, day: 15, hour: 12, minute: 30, second: 45, offsetMinutes: 60, isoWeekday: 1, dateKey: '2024-01-15' });
    expect(toParisParts(new Date('2024-07-14T21:59:00Z'))).toMatchObject({ hour: 23, minute: 59, offsetMinutes: 120, isoWeekday: 7, dateKey: '2024-07-14' });
  });

  it('crosses midnight into the next Paris day', () => {
    expect(toParisParts(new Date('2024-12-31T23:30:00Z'))).toMatchObject({ year: 2025, month: 1, day: 1, hour: 0, minute: 30 });
  });

  it('follows the DST changes to the hour', () => {
    expect(toParisParts(new Date('2024-03-31T00:59:59Z'))).toMatchObject({ hour: 1, minute: 59, offsetMinutes: 60 });
    expect(toParisParts(new Date('2024-03-31T01:00:00Z'))).toMatchObject({ hour: 3, minute: 0, offsetMinutes: 120 });
    expect(toParisParts(new Date('2024-10-27T00:30:00Z'))).toMatchObject({ hour: 2, minute: 30, offsetMinutes: 120 });
    expect(toParisParts(new Date('2024-10-27T01:30:00Z'))).toMatchObject({ hour: 2, minute: 30, offsetMinutes: 60 });
  });
});

describe('parisWallClockToInstant', () => {
  it('converts ordinary wall clocks in both seasons', () => {
    expect(parisWallClockToInstant(wall(2024, 1, 15, 12, 30))).toEqual({ ok: true, instant: new Date('2024-01-15T11:30:00Z'), ambiguous: false, shifted: false });
    expect(parisWallClockToInstant(wall(2024, 7, 14, 10, 0))).toMatchObject({ ok: true, instant: new Date('2024-07-14T08:00:00Z') });
  });

  it('takes the earlier instant for the autumn hour that happens twice, or the later on request', () => {
    expect(parisWallClockToInstant(wall(2024, 10, 27, 2, 30))).toEqual({ ok: true, instant: new Date('2024-10-27T00:30:00Z'), ambiguous: true, shifted: false });
    expect(parisWallClockToInstant(wall(2024, 10, 27, 2, 30), { ambiguous: 'later' })).toMatchObject({ instant: new Date('2024-10-27T01:30:00Z'), ambiguous: true });
  });

  it('moves a spring-gap time forward by the gap, or rejects it on request', () => {
    const shifted = parisWallClockToInstant(wall(2024, 3, 31, 2, 30));
    expect(shifted).toEqual({ ok: true, instant: new Date('2024-03-31T01:30:00Z'), ambiguous: false, shifted: true });
    if (shifted.ok) expect(formatParisDateTime(shifted.instant)).toBe('2024-03-31 03:30');
    expect(parisWallClockToInstant(wall(2024, 3, 31, 2, 30), { nonexistent: 'reject' })).toEqual({ ok: false, code: 'nonexistent-time' });
    expect(parisWallClockToInstant(wall(2024, 3, 31, 3, 0))).toMatchObject({ instant: new Date('2024-03-31T01:00:00Z'), shifted: false });
  });

  it('refuses impossible dates', () => {
    expect(parisWallClockToInstant(wall(2023, 2, 29, 10, 0))).toEqual({ ok: false, code: 'invalid-date' });
    expect(parisWallClockToInstant(wall(2024, 13, 1, 10, 0))).toEqual({ ok: false, code: 'invalid-date' });
    expect(isValidWallClock(wall(2024, 2, 29, 23, 59, 59))).toBe(true);
    expect(isValidWallClock(wall(2024, 4, 31, 0, 0))).toBe(false);
  });

  it('round-trips every quarter hour of a DST-change day', () => {
    for (let ms = Date.parse('2024-10-26T20:00:00Z'); ms < Date.parse('2024-10-27T06:00:00Z'); ms += 15 * 60_000) {
      const p = toParisParts(ms);
      const back = parisWallClockToInstant(p, { ambiguous: p.offsetMinutes === 120 ? 'earlier' : 'later' });
      expect(back.ok && back.instant.getTime()).toBe(ms);
    }
  });
});

describe('text and stamps', () => {
  it('parses what the user types', () => {
    expect(parseParisDateTime('2024-11-26 11:30')).toMatchObject({ ok: true, instant: new Date('2024-11-26T10:30:00Z') });
    expect(parseParisDateTime('2024-06-01T09:05')).toMatchObject({ ok: true, instant: new Date('2024-06-01T07:05:00Z') });
    expect(parseParisDateTime('26/11/2024 11:30')).toEqual({ ok: false, code: 'invalid-date' });
    expect(parseParisDateTime('2024-11-26 24:00')).toEqual({ ok: false, code: 'invalid-date' });
  });

  it('formats the providers\u2019 stamps in Paris time', () => {
    const instant = new Date('2022-10-15T08:30:00Z');
    expect(formatStamp14(instant)).toBe('20221015103000');
    expect(formatStamp12(instant)).toBe('202210151030');
    expect(formatStamp14(new Date('2024-01-05T23:05:09Z'))).toBe('20240106000509');
  });

  it('reads both date spellings of the MediasFlow guide', () => {
    expect(parseStampDigits('20221015103000')).toEqual(wall(2022, 10, 15, 10, 30, 0));
    expect(parseStampDigits('20221015_103000')).toEqual(wall(2022, 10, 15, 10, 30, 0));
    expect(parseStampDigits('202210151030')).toEqual(wall(2022, 10, 15, 10, 30, 0));
    expect(parseStampDigits('20221015_1030')).toEqual(wall(2022, 10, 15, 10, 30, 0));
    expect(parseStampDigits('20221315103000')).toBeNull();
    expect(parseStampDigits('2022101510300')).toBeNull();
    expect(parseStampInstant('20241116150000')).toEqual(new Date('2024-11-16T14:00:00Z'));
  });
});

describe('parisWallFieldsToMs (the allocation-free form report readers use)', () => {
  const iso = (ms: number): string => new Date(ms).toISOString();
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(iso(parisWallFieldsToMs(2024, 11, 16, 15, 10, 54))).toBe('2024-11-16T14:10:54.000Z');
    expect(iso(parisWallFieldsToMs(2024, 7, 14, 12, 0, 0))).toBe('2024-07-14T10:00:00.000Z');
  });

  it('makes parisWallClockToInstant\u2019s DST choices: spring gap forward, autumn overlap earlier', () => {
    expect(iso(parisWallFieldsToMs(2025, 3, 30, 1, 59, 59))).toBe('2025-03-30T00:59:59.000Z');
    expect(iso(parisWallFieldsToMs(2025, 3, 30, 2, 30, 0))).toBe('2025-03-30T01:30:00.000Z');
    expect(iso(parisWallFieldsToMs(2025, 3, 30, 3, 0, 0))).toBe('2025-03-30T01:00:00.000Z');
    expect(iso(parisWallFieldsToMs(2025, 10, 26, 2, 30, 0))).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(parisWallFieldsToMs(2025, 10, 26, 3, 0, 0))).toBe('2025-10-26T02:00:00.000Z');
    for (const fields of [[2025, 3, 30, 2, 30, 0], [2025, 10, 26, 2, 30, 0], [2024, 1, 15, 12, 30, 0]] as const) {
      const [year, month, day, hour, minute, second] = fields;
      const resolved = parisWallClockToInstant({ year, month, day, hour, minute, second });
      expect(resolved.ok && resolved.instant.getTime()).toBe(parisWallFieldsToMs(year, month, day, hour, minute, second));
    }
  });

  it('rejects impossible dates', () => {
    expect(parisWallFieldsToMs(2024, 2, 30)).toBeNaN();
    expect(parisWallFieldsToMs(2024, 13, 1)).toBeNaN();
    expect(parisWallFieldsToMs(2024, 1, 1, 24)).toBeNaN();
  });
});
