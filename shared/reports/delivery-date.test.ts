import { describe, expect, it } from 'vitest';
import { formatParisDeliveryDate, readParisDeliveryDate } from './delivery-date';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('DELIVERYDATE (Paris wall clock, dd/MM/yyyy HH:mm:ss)', () => {
  it('reads it from characters, seconds optional, spaces ignored', () => {
    const text = 'x; 16/11/2024 15:10:54 ;16/11/2024 15:10;16-11-2024 15:10:54;1a/11/2024 15:10:54';
    expect(iso(readParisDeliveryDate(text, 2, 23))).toBe('2024-11-16T14:10:54.000Z');
    expect(iso(readParisDeliveryDate(text, 24, 40))).toBe('2024-11-16T14:10:00.000Z');
    expect(readParisDeliveryDate(text, 41, 60)).toBeNaN();
    expect(readParisDeliveryDate(text, 61, 80)).toBeNaN();
    expect(readParisDeliveryDate('', 0, 0)).toBeNaN();
    expect(readParisDeliveryDate('30/02/2024 10:00:00', 0, 19)).toBeNaN();
  });

  it('formats an instant back, summer and winter', () => {
    expect(formatParisDeliveryDate(Date.parse('2024-07-01T22:30:05Z'))).toBe('02/07/2024 00:30:05');
    expect(formatParisDeliveryDate(Date.parse('2024-11-16T14:10:54Z'))).toBe('16/11/2024 15:10:54');
  });
});
