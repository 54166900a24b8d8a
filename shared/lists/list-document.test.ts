import { describe, expect, it } from 'vitest';
import { applyOp, editToOp, type ListDocument } from './list-document';
import { applyWithHistory, emptyHistory, redoStep, undoStep, canUndo, canRedo, type EditHistory } from './edit-history';
import { checkDocument } from './check-list-bytes';
import type { ListEdit } from './list-types';
import { arrayRows, rowArrays } from './list-rows';

const base: ListDocument = {
  columns: ['Nom', 'SMS', 'Ville'],
  rows: arrayRows([
    ['A', '0611111111', 'Paris'],
    ['B', '0123456789', 'Lyon'],
    ['C', '06 11 11 11 11', 'Nice'],
    ['D', '0622222222'],
  ]),
  mobileColumn: 1,
};

/** Applies an edit the way the service does: edit → op → history. */
function edit(document: ListDocument, history: EditHistory, listEdit: ListEdit) {
  const op = editToOp(document, checkDocument(document).checks, listEdit);
  if (!op) return { document, history };
  return applyWithHistory(document, history, op);
}

describe('grid edits', () => {
  it('set-cell copies only the touched row and revalidates', () => {
    const step = edit(base, emptyHistory, { type: 'set-cell', row: 1, column: 1, value: '07 81 23 45 67' });
    expect(step.document.rows.row(1)).toEqual(['B', '07 81 23 45 67', 'Lyon']);
    expect(step.document.rows.row(0)).toBe(base.rows.row(0));
    expect(base.rows.value(1, 1)).toBe('0123456789');
    expect(checkDocument(step.document).summary).toMatchObject({ valid: 4, invalid: 0, duplicates: 1, sendable: 3 });
  });

  it('set-cell beyond a short row pads it', () => {
    const step = edit(base, emptyHistory, { type: 'set-cell', row: 3, column: 2, value: 'Lille' });
    expect(step.document.rows.row(3)).toEqual(['D', '0622222222', 'Lille']);
  });

  it('insert and delete rows, undo and redo restore exactly', () => {
    let step = edit(base, emptyHistory, { type: 'insert-row', at: 1, values: ['Z', '0699999999', 'Metz'] });
    expect(rowArrays(step.document.rows).map((row) => row[0])).toEqual(['A', 'Z', 'B', 'C', 'D']);
    step = edit(step.document, step.history, { type: 'delete-rows', rows: [4, 0, 2] });
    expect(rowArrays(step.document.rows).map((row) => row[0])).toEqual(['Z', 'C']);
    const undone = undoStep(step.document, step.history)!;
    expect(rowArrays(undone.document.rows).map((row) => row[0])).toEqual(['A', 'Z', 'B', 'C', 'D']);
    const undoneTwice = undoStep(undone.document, undone.history)!;
    expect(rowArrays(undoneTwice.document.rows)).toEqual(rowArrays(base.rows));
    expect(canUndo(undoneTwice.history)).toBe(false);
    expect(canRedo(undoneTwice.history)).toBe(true);
    const redone = redoStep(undoneTwice.document, undoneTwice.history)!;
    expect(rowArrays(redone.document.rows).map((row) => row[0])).toEqual(['A', 'Z', 'B', 'C', 'D']);
  });

  it('insert-column and delete-column move the mobile column; undo brings back values and choice', () => {
    let step = edit(base, emptyHistory, { type: 'insert-column', at: 0, name: 'Civilité' });
    expect(step.document.columns).toEqual(['Civilité', 'Nom', 'SMS', 'Ville']);
    expect(step.document.rows.row(0)).toEqual(['', 'A', '0611111111', 'Paris']);
    expect(step.document.mobileColumn).toBe(2);
    step = edit(step.document, step.history, { type: 'delete-column', column: 2 });
    expect(step.document.columns).toEqual(['Civilité', 'Nom', 'Ville']);
    expect(step.document.mobileColumn).toBeNull();
    expect(checkDocument(step.document).summary).toMatchObject({ valid: 0, invalid: 0 });
    const undone = undoStep(step.document, step.history)!;
    expect(undone.document.mobileColumn).toBe(2);
    expect(rowArrays(undone.document.rows).map((row) => row[2])).toEqual(['0611111111', '0123456789', '06 11 11 11 11', '0622222222']);
  });

  it('rename-column keeps the mobile column by position', () => {
    const step = edit(base, emptyHistory, { type: 'rename-column', column: 1, name: 'Portable' });
    expect(step.document.columns[1]).toBe('Portable');
    expect(step.document.mobileColumn).toBe(1);
    expect(undoStep(step.document, step.history)!.document.columns[1]).toBe('SMS');
  });

  it('remove-invalid and remove-duplicates delete the marked rows in one undoable step', () => {
    let step = edit(base, emptyHistory, { type: 'remove-invalid' });
    expect(rowArrays(step.document.rows).map((row) => row[0])).toEqual(['A', 'C', 'D']);
    step = edit(step.document, step.history, { type: 'remove-duplicates' });
    expect(rowArrays(step.document.rows).map((row) => row[0])).toEqual(['A', 'D']);
    expect(checkDocument(step.document).summary).toMatchObject({ rows: 2, valid: 2, sendable: 2, invalid: 0, duplicates: 0 });
    const back = undoStep(undoStep(step.document, step.history)!.document, undoStep(step.document, step.history)!.history)!;
    expect(rowArrays(back.document.rows)).toEqual(rowArrays(base.rows));
  });

  it('an edit that changes nothing makes no history entry', () => {
    expect(editToOp(base, checkDocument(base).checks, { type: 'set-cell', row: 0, column: 0, value: 'A' })).toBeNull();
    const clean = { ...base, rows: arrayRows([base.rows.row(0)]) };
    expect(editToOp(clean, checkDocument(clean).checks, { type: 'remove-invalid' })).toBeNull();
  });

  it('a new edit clears redo; the history keeps at most its limit', () => {
    let step = edit(base, emptyHistory, { type: 'rename-column', column: 0, name: 'X' });
    step = undoStep(step.document, step.history)!;
    step = edit(step.document, step.history, { type: 'rename-column', column: 0, name: 'Y' });
    expect(canRedo(step.history)).toBe(false);
    let history = emptyHistory;
    let document = base;
    for (let i = 0; i < 5; i++) ({ document, history } = applyWithHistory(document, history, { type: 'rename-column', column: 0, name: `N${i}` }, 3));
    expect(history.undo).toHaveLength(3);
  });

  it('refuses indices outside the list and deleting the last column', () => {
    const checks = checkDocument(base).checks;
    expect(() => editToOp(base, checks, { type: 'set-cell', row: 4, column: 0, value: 'x' })).toThrow(expect.objectContaining({ code: 'row-out-of-range' }));
    expect(() => editToOp(base, checks, { type: 'delete-column', column: 3 })).toThrow(expect.objectContaining({ code: 'column-out-of-range' }));
    const single: ListDocument = { columns: ['SMS'], rows: arrayRows([['06']]), mobileColumn: 0 };
    expect(() => editToOp(single, checkDocument(single).checks, { type: 'delete-column', column: 0 })).toThrow(
      expect.objectContaining({ code: 'last-column' }),
    );
  });

  it('stays cheap on a large list: rows are shared, not copied', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ['N', `06${String(i).padStart(8, '0')}`]);
    const large: ListDocument = { columns: ['Nom', 'SMS'], rows: arrayRows(rows), mobileColumn: 1 };
    const { document } = applyOp(large, { type: 'set-cell', row: 5, column: 0, value: 'M' });
    expect(document.rows.row(6)).toBe(rows[6]);
    expect(document.rows.row(5)).not.toBe(rows[5]);
  });
});
