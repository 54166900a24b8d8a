import { describe, expect, it } from 'vitest';
import { donutSlices, formatChartLabel, formatDelta, formatPercent, sentCount } from './report-format';

describe('report formatting', () => {
  it('keeps the spec order and colours, without empty categories', () => {
    const slices = donutSlices({ delivered: 24, inProgress: 0, sentUnconfirmed: 0, undelivered: 4, notSent: 4, blacklisted: 4, other: 4 });
    expect(slices.map((slice) => slice.category)).toEqual(['delivered', 'undelivered', 'notSent', 'blacklisted', 'other']);
    expect(slices[0].colour).toBe('#2e7d32');
  });

  it('counts what was sent and formats rates and deltas', () => {
    expect(sentCount({ recipients: 40, categories: { delivered: 24, inProgress: 0, sentUnconfirmed: 0, undelivered: 4, notSent: 4, blacklisted: 4, other: 4 } })).toBe(32);
    expect(formatPercent(0.6, 'fr')).toMatch(/^60\s?%$/);
    expect(formatPercent(0.6, 'en')).toBe('60%');
    expect(formatDelta(3, String)).toBe('+3');
    expect(formatDelta(-2, String)).toBe('−2');
    expect(formatDelta(0, String)).toBe('0');
  });
});

describe('chart labels (issue 11 §8)', () => {
  it('writes day first, Paris time, never 12-01', () => {
    expect(formatChartLabel('2026-12-01T07:00:00Z', 'hour', 'fr')).toBe('01/12 08:00');
    expect(formatChartLabel('2026-12-01T07:00:00Z', 'day', 'fr')).toBe('01/12/2026');
    expect(formatChartLabel('2026-12-01T07:00:00Z', 'hour', 'en')).toBe('01/12 08:00');
  });
});
