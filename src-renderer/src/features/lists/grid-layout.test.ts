import { describe, expect, it } from 'vitest';
import { columnWidths, gridTemplate, gridWidth, moveActiveCell, moveForKey } from './grid-layout';

describe('grid layout', () => {
  it('gives the mobile column a wider track and sums the widths', () => {
    const widths = columnWidths(['Nom', 'Portable'], 'Portable');
    expect(widths).toEqual([170, 190]);
    expect(gridTemplate(widths)).toBe('76px 210px 170px 190px');
    expect(gridWidth(widths)).toBe(76 + 210 + 170 + 190);
  });

  it('moves the active cell with the keyboard and stays inside the grid', () => {
    const bounds = { rows: 100, columns: 4, pageRows: 20 };
    const cell = { position: 0, column: 0 };
    expect(moveActiveCell(cell, 'up', bounds)).toEqual(cell);
    expect(moveActiveCell(cell, 'down', bounds)).toEqual({ position: 1, column: 0 });
    expect(moveActiveCell({ position: 95, column: 2 }, 'page-down', bounds)).toEqual({ position: 99, column: 2 });
    expect(moveActiveCell({ position: 5, column: 2 }, 'row-end', bounds)).toEqual({ position: 5, column: 3 });
    expect(moveActiveCell({ position: 5, column: 3 }, 'right', bounds)).toEqual({ position: 5, column: 3 });
    expect(moveActiveCell({ position: 5, column: 3 }, 'grid-end', bounds)).toEqual({ position: 99, column: 3 });
  });

  it('maps keys to moves, Ctrl+Home/End to the grid corners', () => {
    expect(moveForKey('ArrowDown', false)).toBe('down');
    expect(moveForKey('Home', false)).toBe('row-start');
    expect(moveForKey('Home', true)).toBe('grid-start');
    expect(moveForKey('End', true)).toBe('grid-end');
    expect(moveForKey('a', false)).toBeUndefined();
  });
});
