import { describe, expect, it } from 'vitest';
import {
  formatParisCompactStamp,
  formatParisDeliveryDate,
  parisDayStart,
  parisWallClockToInstant,
  parseParisCompactStamp,
  readParisDeliveryDate,
} from './paris-time';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('Paris wall clock → instant', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(iso(parisWallClockToInstant(2024, 11, 16, 15, 10, 54))).toBe('2024-11-16T14:10:54.000Z');
    expect(iso(parisWallClockToInstant(2024, 7, 14, 12, 0, 0))).toBe('2024-07-14T10:00:00.000Z');
  });

  it('handles the DST changes: spring gap moves forward, autumn overlap takes the earlier instant', () => {
    // 30 March 2025: 02:00 → 03:00.
    expect(iso(parisWallClockToInstant(2025, 3, 30, 1, 59, 59))).toBe('2025-03-30T00:59:59.000Z');
    expect(iso(parisWallClockToInstant(2025, 3, 30, 2, 30, 0))).toBe('2025-03-30T01:30:00.000Z');
    expect(iso(parisWallClockToInstant(2025, 3, 30, 3, 0, 0))).toBe('2025-03-30T01:00:00.000Z');
    // 26 October 2025: 03:00 → 02:00, 02:30 happens twice.
    expect(iso(parisWallClockToInstant(2025, 10, 26, 2, 30, 0))).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(parisWallClockToInstant(2025, 10, 26, 3, 0, 0))).toBe('2025-10-26T02:00:00.000Z');
  });

  it('rejects impossible dates', () => {
    expect(parisWallClockToInstant(2024, 2, 30)).toBeNaN();
    expect(parisWallClockToInstant(2024, 13, 1)).toBeNaN();
    expect(parseParisCompactStamp('20241340000000')).toBeNaN();
    expect(parseParisCompactStamp('2024')).toBeNaN();
  });

  it('reads DELIVERYDATE (dd/MM/yyyy HH:mm:ss) from characters, seconds optional, spaces ignored', () => {
    const text = 'x; 16/11/2024 15:10:54 ;16/11/2024 15:10;16-11-2024 15:10:54;1a/11/2024 15:10:54';
    expect(iso(readParisDeliveryDate(text, 2, 23))).toBe('2024-11-16T14:10:54.000Z');
    expect(iso(readParisDeliveryDate(text, 24, 40))).toBe('2024-11-16T14:10:00.000Z');
    expect(readParisDeliveryDate(text, 41, 60)).toBeNaN();
    expect(readParisDeliveryDate(text, 61, 80)).toBeNaN();
    expect(readParisDeliveryDate('', 0, 0)).toBeNaN();
  });

  it('formats instants back to the provider formats', () => {
    const instant = Date.parse('2024-07-01T22:30:05Z');
    expect(formatParisDeliveryDate(instant)).toBe('02/07/2024 00:30:05');
    expect(formatParisCompactStamp(instant)).toBe('20240702003005');
    expect(parseParisCompactStamp('20240702003005')).toBe(instant);
  });

  it('finds the Paris midnight of an instant, on 23- and 25-hour days too', () => {
    expect(iso(parisDayStart(Date.parse('2025-03-30T12:00:00Z')))).toBe('2025-03-29T23:00:00.000Z');
    // 26 October lasts 25 hours: 25T22:00Z → 26T23:00Z.
    expect(iso(parisDayStart(Date.parse('2025-10-26T22:30:00Z')))).toBe('2025-10-25T22:00:00.000Z');
    expect(iso(parisDayStart(Date.parse('2025-10-26T23:30:00Z')))).toBe('2025-10-26T23:00:00.000Z');
  });
});
