import { describe, expect, it } from 'vitest';
import { placeMenu } from './menu-placement';

const viewport = { width: 1000, height: 600 };
const menu = { width: 220, height: 180 };
const button = (left: number, top: number) => ({ left, top, right: left + 30, bottom: top + 28 });

describe('placeMenu', () => {
  it('opens below its button when there is room', () => {
    expect(placeMenu(button(100, 100), menu, viewport)).toEqual({ left: 100, top: 132, maxHeight: null });
  });

  it('flips above near the bottom edge and moves left near the right edge', () => {
    const placed = placeMenu(button(950, 540), menu, viewport);
    expect(placed).toEqual({ left: 1000 - 8 - 220, top: 540 - 4 - 180, maxHeight: null });
  });

  it('aligns right edges when asked, still inside the window on the left', () => {
    expect(placeMenu(button(400, 100), menu, viewport, { align: 'end' }).left).toBe(430 - 220);
    expect(placeMenu(button(20, 100), menu, viewport, { align: 'end' }).left).toBe(8);
  });

  it('clamps a menu taller than the window and lets it scroll', () => {
    const placed = placeMenu(button(100, 300), { width: 220, height: 900 }, viewport);
    expect(placed).toEqual({ left: 100, top: 8, maxHeight: 584 });
  });

  it('keeps a menu inside whatever the button’s position', () => {
    for (const [x, y] of [[0, 0], [990, 0], [0, 590], [990, 590], [500, 300]]) {
      const placed = placeMenu(button(x, y), menu, viewport);
      expect(placed.left).toBeGreaterThanOrEqual(8);
      expect(placed.top).toBeGreaterThanOrEqual(8);
      expect(placed.left + menu.width).toBeLessThanOrEqual(992);
      expect(placed.top + menu.height).toBeLessThanOrEqual(592);
    }
  });
});
