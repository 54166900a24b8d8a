import { describe, expect, it } from 'vitest';
import { isendproCodeInfo } from '@shared/providers/isendpro/isendpro-codes';
import { demoIsendproCode } from './isendpro-demo-codes';

describe('demo iSendPro answer per number', () => {
  const numbers = Array.from({ length: 1200 }, (_, index) => `06${String(index).padStart(8, '0')}`);

  it('is the same for a number every time', () => {
    expect(numbers.map(demoIsendproCode)).toEqual(numbers.map(demoIsendproCode));
  });

  it('is mostly « envoyé », with a few failures and blacklisted numbers on a 1,200 list, and only final codes', () => {
    const counts = new Map<number, number>();
    for (const number of numbers) counts.set(demoIsendproCode(number), (counts.get(demoIsendproCode(number)) ?? 0) + 1);
    expect(counts.get(0)!).toBeGreaterThan(1000);
    expect(counts.get(11)!).toBeGreaterThan(5);
    expect(counts.get(21)!).toBeGreaterThan(5);
    expect([...counts.keys()].every((code) => isendproCodeInfo(code).effect === 'final')).toBe(true);
  });
});
