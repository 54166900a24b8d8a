import { describe, expect, it } from 'vitest';
import { scrollScale } from './scroll-scale';

describe('scroll scale', () => {
  it('is the identity for lists that fit under the cap', () => {
    const scale = scrollScale(10_000 * 32, 800, 4_000_000);
    expect(scale.domHeight).toBe(320_000);
    expect(scale.toReal(1234)).toBe(1234);
    expect(scale.toDom(1234)).toBe(1234);
  });

  it('maps the capped scroll range onto a million rows, both ends included', () => {
    const realHeight = 1_000_000 * 32;
    const scale = scrollScale(realHeight, 800, 4_000_000);
    expect(scale.domHeight).toBe(4_000_000);
    expect(scale.toReal(0)).toBe(0);
    // The bottom of the scroller shows the last rows.
    expect(scale.toReal(4_000_000 - 800)).toBeCloseTo(realHeight - 800, 3);
    expect(scale.toDom(scale.toReal(1_234_567))).toBeCloseTo(1_234_567, 3);
    expect(scale.ratio).toBeGreaterThan(7.9);
  });
});
