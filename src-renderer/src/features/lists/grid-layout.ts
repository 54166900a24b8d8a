/** Geometry of the list grid (pure, shared by header and rows). */
export const GRID_ROW_HEIGHT = 32;
export const STATUS_WIDTH = 240;
export const MIN_COLUMN_WIDTH = 96;
export const MAX_COLUMN_WIDTH = 300;
/** Width of a wide character (digits) of the grid's 14px font, enough to size columns to their content. */
const CHARACTER_WIDTH = 9;
/** Header padding plus the menu button; the mobile column also shows its tag. */
const HEADER_EXTRA = 66;
const MOBILE_TAG_EXTRA = 62;
const CELL_PADDING = 28;

/**
 * Each column as wide as its longest value or its header (from the summary's
 * longest values, so no row has to be measured), within sensible bounds.
 */
export function columnWidths(
  columns: string[],
  longestValues: Record<string, { length: number }>,
  mobileColumn: string | null,
): number[] {
  return columns.map((name) => {
    const header = name.length * CHARACTER_WIDTH + HEADER_EXTRA + (name === mobileColumn ? MOBILE_TAG_EXTRA : 0);
    const content = (longestValues[name]?.length ?? 0) * CHARACTER_WIDTH + CELL_PADDING;
    return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, header, content)));
  });
}

/** Wide enough for the checkbox and the largest row number ("1 000 000" at a million rows). */
export function rowNumberWidth(rows: number): number {
  const digits = String(Math.max(1, rows)).length;
  const groupSeparators = Math.floor((digits - 1) / 3);
  return Math.max(64, Math.round(46 + (digits + groupSeparators) * 7.2));
}

export function gridTemplate(rowNumber: number, widths: number[]): string {
  return [rowNumber, STATUS_WIDTH, ...widths].map((width) => `${width}px`).join(' ');
}

export function gridWidth(rowNumber: number, widths: number[]): number {
  return widths.reduce((sum, width) => sum + width, rowNumber + STATUS_WIDTH);
}

/**
 * Where the pinned cells sit (CSS sticky): the row number at 0, the status
 * after it, the mobile column after both (and against the right edge while
 * its place is further right, so no horizontal scroll ever hides it).
 */
export function pinnedOffsets(rowNumber: number): { status: number; mobile: number } {
  return { status: rowNumber, mobile: rowNumber + STATUS_WIDTH };
}

/**
 * The horizontal scroll that shows a data column entirely beside the pinned
 * cells (row number, status, and the mobile column on whichever side it is
 * stuck); unchanged when it is visible already or is the mobile column.
 */
export function scrollLeftToShow(
  column: number,
  layout: { rowNumber: number; widths: number[]; mobileColumn: number | null; scrollLeft: number; viewWidth: number },
): number {
  const { rowNumber, widths, mobileColumn, scrollLeft, viewWidth } = layout;
  if (column === mobileColumn || column < 0 || column >= widths.length) return scrollLeft;
  const start = widths.slice(0, column).reduce((sum, width) => sum + width, rowNumber + STATUS_WIDTH);
  const end = start + widths[column];
  const mobileWidth = mobileColumn === null ? 0 : widths[mobileColumn];
  const pinnedLeft = rowNumber + STATUS_WIDTH + (mobileColumn !== null && column > mobileColumn ? mobileWidth : 0);
  const pinnedRight = mobileColumn !== null && column < mobileColumn ? mobileWidth : 0;
  if (start < scrollLeft + pinnedLeft) return Math.max(0, start - pinnedLeft);
  if (end > scrollLeft + viewWidth - pinnedRight) return Math.max(0, Math.min(start - pinnedLeft, end - viewWidth + pinnedRight));
  return scrollLeft;
}

export type GridMove =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'page-up'
  | 'page-down'
  | 'row-start'
  | 'row-end'
  | 'grid-start'
  | 'grid-end';

/** Where the active cell goes for a navigation key, kept inside the grid. */
export function moveActiveCell(
  cell: { position: number; column: number },
  move: GridMove,
  bounds: { rows: number; columns: number; pageRows: number },
): { position: number; column: number } {
  const lastRow = Math.max(0, bounds.rows - 1);
  const lastColumn = Math.max(0, bounds.columns - 1);
  const clampRow = (row: number) => Math.min(lastRow, Math.max(0, row));
  const clampColumn = (column: number) => Math.min(lastColumn, Math.max(0, column));
  switch (move) {
    case 'up':
      return { ...cell, position: clampRow(cell.position - 1) };
    case 'down':
      return { ...cell, position: clampRow(cell.position + 1) };
    case 'left':
      return { ...cell, column: clampColumn(cell.column - 1) };
    case 'right':
      return { ...cell, column: clampColumn(cell.column + 1) };
    case 'page-up':
      return { ...cell, position: clampRow(cell.position - bounds.pageRows) };
    case 'page-down':
      return { ...cell, position: clampRow(cell.position + bounds.pageRows) };
    case 'row-start':
      return { ...cell, column: 0 };
    case 'row-end':
      return { ...cell, column: lastColumn };
    case 'grid-start':
      return { position: 0, column: 0 };
    case 'grid-end':
      return { position: lastRow, column: lastColumn };
  }
}

const keyMoves: Record<string, GridMove> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  PageUp: 'page-up',
  PageDown: 'page-down',
  Home: 'row-start',
  End: 'row-end',
};

export function moveForKey(key: string, ctrl: boolean): GridMove | undefined {
  if (ctrl && key === 'Home') return 'grid-start';
  if (ctrl && key === 'End') return 'grid-end';
  return keyMoves[key];
}
