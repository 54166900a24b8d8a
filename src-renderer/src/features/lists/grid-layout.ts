/** Geometry of the list grid (pure, shared by header and rows). */
export const GRID_ROW_HEIGHT = 32;
export const ROW_NUMBER_WIDTH = 76;
export const STATUS_WIDTH = 210;
export const DATA_COLUMN_WIDTH = 170;
export const MOBILE_COLUMN_WIDTH = 190;

export function columnWidths(columns: string[], mobileColumn: string | null): number[] {
  return columns.map((name) => (name === mobileColumn ? MOBILE_COLUMN_WIDTH : DATA_COLUMN_WIDTH));
}

export function gridTemplate(widths: number[]): string {
  return [ROW_NUMBER_WIDTH, STATUS_WIDTH, ...widths].map((width) => `${width}px`).join(' ');
}

export function gridWidth(widths: number[]): number {
  return widths.reduce((sum, width) => sum + width, ROW_NUMBER_WIDTH + STATUS_WIDTH);
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
