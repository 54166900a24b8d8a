import { describe, expect, it } from 'vitest';
import { checkListBytes } from './check-list-bytes';
import { applyOp, type DocumentOp, type ListDocument } from './list-document';
import { createListState, recheckAfterOp } from './list-state';
import { arrayRows, rowArrays, tableOf, type ListRows } from './list-rows';
import { serializeCsv } from './serialize-csv';
import { buildMediasflowFile } from '../providers/mediasflow/mediasflow-file';
import { buildAllmysmsParts } from '../providers/allmysms/allmysms-file';
import { planIsendproBatches } from '../providers/isendpro/isendpro-batches';
import type { SendableTable } from '../providers/sendable-table';
import { statusCode, type ListChecks } from './check-rows';
import { readListFixture } from '../../test/fixtures/lists/read-list-fixture';

/** The editor's rows as they were held before list-rows.ts: one array per row, edited the way list-document.ts did. */
function applyToArrays(rows: string[][], op: DocumentOp): string[][] {
  switch (op.type) {
    case 'set-cell': {
      const copy = rows.slice();
      const row = copy[op.row].slice();
      while (row.length < op.column) row.push('');
      row[op.column] = op.value;
      copy[op.row] = row;
      return copy;
    }
    case 'insert-rows': {
      const copy = rows.slice();
      for (const entry of op.rows) copy.splice(entry.at, 0, [...entry.values]);
      return copy;
    }
    case 'delete-rows':
      return rows.filter((_, index) => !op.rows.includes(index));
    case 'insert-column':
      return rows.map((row, i) => {
        const copy = row.slice();
        while (copy.length < op.at) copy.push('');
        copy.splice(op.at, 0, op.values?.[i] ?? '');
        return copy;
      });
    case 'delete-column':
      return rows.map((row) => {
        if (op.column >= row.length) return row;
        const copy = row.slice();
        copy.splice(op.column, 1);
        return copy;
      });
    default:
      return rows;
  }
}

function sendable(document: ListDocument, rows: ListRows | string[][], checks: ListChecks): SendableTable {
  return {
    columns: document.columns,
    rows,
    mobileColumn: document.mobileColumn ?? -1,
    checks: Array.from(checks.status, (code, i) =>
      code === statusCode.valid ? { status: 'valid' as const, normalized: String(checks.normalized[i]) } : { status: code === statusCode.duplicate ? ('duplicate' as const) : ('invalid' as const) },
    ),
  };
}

/** Every drop file the providers build from a list, as bytes-to-be. */
function dropFiles(table: SendableTable) {
  return {
    mediasflow: buildMediasflowFile(table, { bom: true }).text,
    allmysms: buildAllmysmsParts({ table, render: (row) => `Bonjour ${row[1] ?? ''} ${row[2] ?? ''}`, sender: 'Boutique' }).parts.map((part) => part.text),
    isendpro: JSON.stringify(planIsendproBatches(table, { template: 'Bonjour {Prénom}', sender: 'Boutique', nostop: false, batchSize: 4 })),
  };
}

describe('list rows held column by column', () => {
  const imported = checkListBytes(readListFixture('excel-windows-1252.csv'), { fileName: 'excel-windows-1252.csv' });

  it('an imported list is its parsed table: no row array is built', () => {
    expect(tableOf(imported.table.rows)).toBe(imported.columnar);
    expect(imported.table.rows.length).toBe(imported.summary.rows);
  });

  it('after the same edits, the drop files, the saved CSV and the summary equal those of the list held as arrays', () => {
    const mobile = imported.table.mobileColumn!;
    const ops: DocumentOp[] = [
      { type: 'set-cell', row: 2, column: mobile, value: '06 90 12 34 56' },
      { type: 'set-cell', row: 4, column: 1, value: 'Zoé "la" ; première' },
      { type: 'insert-rows', rows: [{ at: 0, values: ['M.', 'Luc', 'Martin', '', '', '', '', '0781234567'] }, { at: 5, values: ['Mme', 'Ana'] }] },
      { type: 'delete-rows', rows: [1, 3, 7] },
      { type: 'insert-column', at: 2, name: 'Note' },
      { type: 'set-cell', row: 0, column: 2, value: 'VIP' },
      { type: 'delete-column', column: 4 },
    ];
    let document: ListDocument = imported.table;
    let state = createListState(document);
    let arrays = rowArrays(document.rows).map((row) => [...row]);
    const inverses: DocumentOp[] = [];
    for (const op of ops) {
      const { document: after, inverse } = applyOp(document, op);
      inverses.unshift(inverse);
      state = recheckAfterOp(state, op, after);
      document = after;
      arrays = applyToArrays(arrays, op);
      expect(rowArrays(document.rows)).toEqual(arrays);
      const asArrays: ListDocument = { ...document, rows: arrayRows(arrays) };
      expect(serializeCsv(document.columns, document.rows)).toBe(serializeCsv(asArrays.columns, arrays));
      expect(state.summary).toEqual(createListState(asArrays).summary);
      if (document.mobileColumn !== null) expect(dropFiles(sendable(document, document.rows, state.checks))).toEqual(dropFiles(sendable(document, arrays, state.checks)));
    }
    for (const inverse of inverses) document = applyOp(document, inverse).document;
    expect(rowArrays(document.rows)).toEqual(rowArrays(imported.table.rows));
  });
});
