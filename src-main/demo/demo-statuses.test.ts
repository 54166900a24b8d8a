import { describe, expect, it } from 'vitest';
import { categoryOfCode } from '@shared/reports/status-codes';
import { assignDemoStatuses, demoSmsStatusMix, shareByWeight } from './demo-statuses';

const frenchMobiles = (count: number) => Array.from({ length: count }, (_, i) => `336${String(10_000_000 + i * 7).padStart(8, '0')}`);

describe('shareByWeight', () => {
  it('gives exactly `count` rows, in proportion to the weights', () => {
    const shares = shareByWeight({ 21: 70, 17: 5, 20: 25 }, 20);
    expect(shares.get(21)).toBe(14);
    expect(shares.get(17)).toBe(1);
    expect(shares.get(20)).toBe(5);
    expect([...shareByWeight(demoSmsStatusMix, 37).values()].reduce((a, b) => a + b, 0)).toBe(37);
    expect(shareByWeight(demoSmsStatusMix, 0).size).toBe(0);
  });
});

describe('assignDemoStatuses', () => {
  it('a 10-recipient SMS campaign shows delivered, STOP and a failure of another kind', () => {
    const codes = assignDemoStatuses({ channel: 'sms', numbers: frenchMobiles(10), seed: 480001 });
    expect(codes).toHaveLength(10);
    const categories = codes.map((code) => categoryOfCode('sms', code));
    expect(categories.filter((category) => category === 'delivered').length).toBeGreaterThanOrEqual(7);
    expect(codes).toContain(17);
    expect(categories.some((category) => category !== 'delivered')).toBe(true);
  });

  it('an invalid number is "mal formaté" (2), a repeated SMS number a duplicate (4)', () => {
    const numbers = ['33612345678', '0145454545', 'abc', '+33 6 12 34 56 78', '33698765432'];
    const codes = assignDemoStatuses({ channel: 'sms', numbers, seed: 7 });
    expect(codes[1]).toBe(2);
    expect(codes[2]).toBe(2);
    expect(codes[3]).toBe(4);
    expect([2, 4]).not.toContain(codes[0]);
    expect(assignDemoStatuses({ channel: 'vms', numbers, seed: 7 })[3]).not.toBe(4);
  });

  it('is the same for the same seed (every report version agrees) and differs with another seed', () => {
    const numbers = frenchMobiles(200);
    expect(assignDemoStatuses({ channel: 'vms', numbers, seed: 3 })).toEqual(assignDemoStatuses({ channel: 'vms', numbers, seed: 3 }));
    expect(assignDemoStatuses({ channel: 'vms', numbers, seed: 3 })).not.toEqual(assignDemoStatuses({ channel: 'vms', numbers, seed: 4 }));
    const vms = assignDemoStatuses({ channel: 'vms', numbers, seed: 3 });
    expect(vms.every((code) => [21, 117, 14, 15, 18, 116].includes(code))).toBe(true);
  });
});
