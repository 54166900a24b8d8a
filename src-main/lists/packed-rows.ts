import { ColumnarBuilder, columnarRows, hasWidth, type ColumnarTable } from '@shared/lists/columnar-table';
import { tableOf, type ListRows } from '@shared/lists/list-rows';
/**
 * A table's rows as one string plus cell and row boundaries, to cross from the
 * list-check worker to main. Posting a million `string[]` rows makes main
 * deserialise seven million strings in one go (about 1.4 s without a break);
 * one string and two typed arrays cross in milliseconds, and main then rebuilds
 * the rows a slice at a time, yielding between blocks so IPC and the window
 * keep being served. The rebuilt rows equal the originals value for value.
 */

export interface PackedRows {
  /** Every value of every row, end to end. */
  text: string;
  /** End offset in `text` of each value, row after row. */
  valueEnds: Uint32Array;
  /** End index in `valueEnds` of each row (rows may have different lengths). */
  rowEnds: Uint32Array;
}

const packBlockRows = 20_000;

export function packRows(rows: readonly (readonly string[])[]): PackedRows {
  let valueCount = 0;
  for (let r = 0; r < rows.length; r++) valueCount += rows[r].length;
  const valueEnds = new Uint32Array(valueCount);
  const rowEnds = new Uint32Array(rows.length);
  const blocks: string[] = [];
  let offset = 0;
  let value = 0;
  for (let start = 0; start < rows.length; start += packBlockRows) {
    const parts: string[] = [];
    const end = Math.min(rows.length, start + packBlockRows);
    for (let r = start; r < end; r++) {
      const row = rows[r];
      for (let c = 0; c < row.length; c++) {
        parts.push(row[c]);
        offset += row[c].length;
        valueEnds[value++] = offset;
      }
      rowEnds[r] = value;
    }
    blocks.push(parts.join(''));
  }
  return { text: blocks.join(''), valueEnds, rowEnds };
}

export function packedBuffers(packed: PackedRows): ArrayBuffer[] {
  return [packed.valueEnds.buffer as ArrayBuffer, packed.rowEnds.buffer as ArrayBuffer];
}

/** Rebuilds the rows, `blockRows` at a time with a turn of the event loop between blocks. */
export async function unpackRows(packed: PackedRows, blockRows = 20_000): Promise<string[][]> {
  const { text, valueEnds, rowEnds } = packed;
  const rows: string[][] = new Array<string[]>(rowEnds.length);
  let value = 0;
  let offset = 0;
  for (let start = 0; start < rowEnds.length; start += blockRows) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const end = Math.min(rowEnds.length, start + blockRows);
    for (let r = start; r < end; r++) {
      const row: string[] = [];
      for (const last = rowEnds[r]; value < last; value++) {
        const next = valueEnds[value];
        row.push(text.slice(offset, next));
        offset = next;
      }
      rows[r] = row;
    }
  }
  return rows;
}

/** The rows of a columnar table as arrays, `blockRows` at a time with a turn of the event loop between blocks. */
export async function unpackColumnar(table: ColumnarTable, blockRows = 20_000): Promise<string[][]> {
  const rows: string[][] = new Array<string[]>(table.rowCount);
  for (let start = 0; start < table.rowCount; start += blockRows) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const block = columnarRows(table, start, Math.min(table.rowCount, start + blockRows));
    for (let i = 0; i < block.length; i++) rows[start + i] = block[i];
  }
  return rows;
}

/** A columnar copy of rows, each `width` values wide, `blockRows` at a time with a turn of the event loop between blocks. */
export async function packColumnar(rows: ListRows, width: number, blockRows = 20_000): Promise<ColumnarTable> {
  const table = tableOf(rows);
  if (table && hasWidth(table, width)) return table;
  const builder = new ColumnarBuilder();
  for (let start = 0; start < rows.length; start += blockRows) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const end = Math.min(rows.length, start + blockRows);
    const block: (readonly string[])[] = new Array<readonly string[]>(end - start);
    for (let r = start; r < end; r++) block[r - start] = rows.row(r);
    builder.add(block, 0, block.length, width);
  }
  return builder.finish();
}

export function columnarBuffers(table: ColumnarTable): ArrayBuffer[] {
  return [table.widths.buffer as ArrayBuffer, ...table.columns.map((column) => column.ends.buffer as ArrayBuffer)];
}
