import { describe, expect, it } from 'vitest';
import { STATUS_WIDTH, columnWidths, gridTemplate, gridWidth, moveActiveCell, moveForKey, pinnedOffsets, rowNumberWidth, scrollLeftToShow } from './grid-layout';

describe('grid layout', () => {
  it('sizes each column to its longest value or its header, within bounds', () => {
    const longest = { Nom: { length: 8 }, Cp: { length: 2 }, Portable: { length: 17 }, Adresse: { length: 400 } };
    const widths = columnWidths(['Nom', 'Portable', 'Adresse', 'Vide', 'Cp'], longest, 'Portable');
    expect(widths[0]).toBe(8 * 9 + 28); // as wide as its longest value
    expect(widths[1]).toBe(Math.round(8 * 9 + 66 + 62)); // the header with its "mobile" tag is the widest part
    expect(widths[2]).toBe(300); // a long address is cut, its full text is in the cell's tooltip
    expect(widths[3]).toBe(4 * 9 + 66); // an empty column is as wide as its header
    expect(widths[4]).toBe(96); // short name and values: the minimum
    expect(gridTemplate(64, [96, 120])).toBe(`64px ${STATUS_WIDTH}px 96px 120px`);
    expect(gridWidth(64, [96, 120])).toBe(64 + STATUS_WIDTH + 96 + 120);
  });

  it('widens the row number column for large lists', () => {
    expect(rowNumberWidth(10)).toBe(64);
    expect(rowNumberWidth(1_000_000)).toBeGreaterThan(rowNumberWidth(999));
    expect(rowNumberWidth(1_000_000)).toBe(Math.round(46 + 9 * 7.2));
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

  it('pins the status after the row number and the mobile column after both', () => {
    expect(pinnedOffsets(64)).toEqual({ status: 64, mobile: 64 + STATUS_WIDTH });
  });

  it('scrolls a column into view beside the pinned cells, never for the pinned mobile column', () => {
    // # 64, status, then 5 columns of 200 px; the mobile column is the third (index 2).
    const layout = { rowNumber: 64, widths: [200, 200, 200, 200, 200], mobileColumn: 2, scrollLeft: 0, viewWidth: 800 };
    const pinned = 64 + STATUS_WIDTH;
    // Column 4 starts at pinned + 800: brought in so that it ends at the right edge.
    expect(scrollLeftToShow(4, layout)).toBe(pinned + 1000 - 800);
    // Going back to column 3 once scrolled far right: it must clear the status and the mobile column stuck at the left.
    const scrolled = { ...layout, scrollLeft: 900 };
    expect(scrollLeftToShow(3, scrolled)).toBe(pinned + 600 - (pinned + 200));
    // Column 0 sits under the pinned cells: back to the start.
    expect(scrollLeftToShow(0, scrolled)).toBe(0);
    expect(scrollLeftToShow(2, scrolled)).toBe(900);
    // Already visible: unchanged.
    expect(scrollLeftToShow(0, layout)).toBe(0);
  });
});
