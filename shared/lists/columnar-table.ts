/**
 * A list's rows held column by column: each column is one string holding every
 * value end to end, plus the end offset of each row's value. A 1,000,000-row,
 * 7-column list is then 7 strings and 8 typed arrays instead of seven million
 * small strings and a million arrays, which is what keeps `list check` under
 * its memory target and the garbage collector quiet. Values are exact: a row
 * gives back exactly the values it was written with (a row shorter than the
 * header stays shorter).
 */

export interface ColumnarColumn {
  /** Every value of the column, row after row. */
  text: string;
  /** End offset in `text` of each row's value (a missing value is empty). */
  ends: Uint32Array;
}

export interface ColumnarTable {
  rowCount: number;
  /** How many values each row was written with. */
  widths: Uint32Array;
  columns: ColumnarColumn[];
}

export function columnarValue(table: ColumnarTable, row: number, column: number): string {
  const data = table.columns[column];
  if (data === undefined) return '';
  const ends = data.ends;
  return data.text.slice(row === 0 ? 0 : ends[row - 1], ends[row]);
}

/** One row as the values it was written with. */
export function columnarRow(table: ColumnarTable, row: number): string[] {
  const width = table.widths[row];
  const values: string[] = new Array<string>(width);
  for (let c = 0; c < width; c++) values[c] = columnarValue(table, row, c);
  return values;
}

/** Rows `from` to `to` (exclusive) as arrays, as the editor's document holds them. */
export function columnarRows(table: ColumnarTable, from = 0, to = table.rowCount): string[][] {
  const rows: string[][] = new Array<string[]>(Math.max(0, to - from));
  const { widths, columns } = table;
  for (let r = from; r < to; r++) {
    const width = widths[r];
    const values: string[] = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const { text, ends } = columns[c];
      values[c] = text.slice(r === 0 ? 0 : ends[r - 1], ends[r]);
    }
    rows[r - from] = values;
  }
  return rows;
}

/** Builds a table from rows arriving in batches (one batch per parsed chunk of the file). */
export class ColumnarBuilder {
  private parts: string[][] = [];
  private ends: Uint32Array[] = [];
  private offsets: number[] = [];
  private widths = new Uint32Array(1024);
  private count = 0;

  get rowCount(): number {
    return this.count;
  }

  /**
   * Appends `records[from…to)`; with `fixedWidth`, every row gets exactly
   * that many values ('' for missing ones), as a CSV with a header reads back.
   */
  add(records: readonly (readonly string[])[], from = 0, to = records.length, fixedWidth?: number): void {
    const added = to - from;
    if (added <= 0) return;
    const start = this.count;
    this.reserve(start + added);
    let width = Math.max(this.parts.length, fixedWidth ?? 0);
    for (let r = from; r < to; r++) {
      const length = fixedWidth ?? records[r].length;
      this.widths[start + r - from] = length;
      if (length > width) width = length;
    }
    while (this.parts.length < width) this.addColumn();
    for (let c = 0; c < width; c++) {
      const ends = this.ends[c];
      let offset = this.offsets[c];
      const values: string[] = new Array<string>(added);
      for (let r = from; r < to; r++) {
        const value = c < this.widths[start + r - from] ? (records[r][c] ?? '') : '';
        values[r - from] = value;
        offset += value.length;
        ends[start + r - from] = offset;
      }
      this.offsets[c] = offset;
      this.parts[c].push(values.join(''));
    }
    this.count = start + added;
  }

  finish(): ColumnarTable {
    const count = this.count;
    return {
      rowCount: count,
      widths: this.widths.slice(0, count),
      columns: this.parts.map((parts, c) => ({ text: parts.join(''), ends: this.ends[c].slice(0, count) })),
    };
  }

  private addColumn(): void {
    // Rows before this column existed have no value in it: their ends stay 0.
    this.parts.push([]);
    this.ends.push(new Uint32Array(this.widths.length));
    this.offsets.push(0);
  }

  private reserve(needed: number): void {
    if (needed <= this.widths.length) return;
    let capacity = this.widths.length;
    while (capacity < needed) capacity *= 2;
    const grow = (array: Uint32Array) => {
      const next = new Uint32Array(capacity);
      next.set(array);
      return next;
    };
    this.widths = grow(this.widths);
    this.ends = this.ends.map(grow);
  }
}

/** Whether every row has exactly `width` values. */
export function hasWidth(table: ColumnarTable, width: number): boolean {
  if (table.columns.length !== width) return false;
  for (let r = 0; r < table.rowCount; r++) if (table.widths[r] !== width) return false;
  return true;
}

/** A table from rows already in memory (a saved list read back, tests). */
export function columnarFromRows(rows: readonly (readonly string[])[]): ColumnarTable {
  const builder = new ColumnarBuilder();
  builder.add(rows);
  return builder.finish();
}
