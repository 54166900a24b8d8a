import { describe, expect, it } from 'vitest';
import { applyOp, type DocumentOp, type ListDocument } from './list-document';
import { createListState, recheckAfterOp, type ListState } from './list-state';
import { arrayRows, rowArrays } from './list-rows';

const document: ListDocument = {
  columns: ['Nom', 'SMS', 'Ville'],
  rows: arrayRows([
    ['A', '0611111111', 'Paris'],
    ['B', '0123456789', 'Lyon'],
    ['C', '06 11 11 11 11', 'Nice'],
    ['D', '+32 470 12 34 56'],
    ['E', '0622222222', ''],
  ]),
  mobileColumn: 1,
};

/** The incremental state must equal a full check of the resulting document. */
function expectSameAsFullCheck(state: ListState, op: DocumentOp): ListState {
  const after = applyOp(state.document, op).document;
  const incremental = recheckAfterOp(state, op, after);
  const full = createListState(after);
  expect(incremental.summary).toEqual(full.summary);
  expect(incremental.columnStats).toEqual(full.columnStats);
  expect(incremental.checks.mobileColumn).toEqual(full.checks.mobileColumn);
  expect([...incremental.checks.status]).toEqual([...full.checks.status]);
  expect([...incremental.checks.reason]).toEqual([...full.checks.reason]);
  expect([...incremental.checks.normalized]).toEqual([...full.checks.normalized]);
  const countries = (state: ListState) => [...state.checks.country].map((index) => state.checks.countryCodes[index]);
  expect(countries(incremental)).toEqual(countries(full));
  return incremental;
}

describe('recheckAfterOp', () => {
  const ops: [string, DocumentOp][] = [
    ['set-cell on the mobile column (fixes a number)', { type: 'set-cell', row: 1, column: 1, value: '07 81 23 45 67' }],
    ['set-cell that breaks the first occurrence of a duplicate', { type: 'set-cell', row: 0, column: 1, value: '' }],
    ['set-cell elsewhere (longest value changes)', { type: 'set-cell', row: 3, column: 2, value: 'Boulogne-Billancourt' }],
    ['set-cell to a foreign number', { type: 'set-cell', row: 4, column: 1, value: '+41 79 123 45 67' }],
    ['insert rows', { type: 'insert-rows', rows: [{ at: 0, values: ['Z', '0611111111'] }, { at: 3, values: ['Y', '0033 7 81 23 45 67', 'Metz'] }] }],
    ['delete the first occurrence', { type: 'delete-rows', rows: [0] }],
    ['delete several', { type: 'delete-rows', rows: [1, 3, 4] }],
    ['insert a column before the mobile one', { type: 'insert-column', at: 0, name: 'Civilité' }],
    ['insert a column after it', { type: 'insert-column', at: 3, name: 'CP', values: ['75001', '', '06000', '1000', ''] }],
    ['delete another column', { type: 'delete-column', column: 0 }],
    ['delete the mobile column', { type: 'delete-column', column: 1 }],
    ['rename the mobile column', { type: 'rename-column', column: 1, name: 'Portable' }],
    ['choose another mobile column', { type: 'set-mobile-column', column: 2 }],
    ['clear the mobile column', { type: 'set-mobile-column', column: null }],
  ];

  it.each(ops)('%s gives the same figures as a full check', (_name, op) => {
    expectSameAsFullCheck(createListState(document), op);
  });

  it('chains of operations and their inverses stay equal to a full check', () => {
    let state = createListState(document);
    for (const [, op] of ops.slice(0, 10)) {
      const { document: after, inverse } = applyOp(state.document, op);
      const forward = expectSameAsFullCheck(state, op);
      expect(rowArrays(forward.document.rows)).toEqual(rowArrays(after.rows));
      state = expectSameAsFullCheck(forward, inverse);
      expect(rowArrays(state.document.rows).map((row) => row.filter((value) => value !== ''))).toEqual(rowArrays(document.rows).map((row) => row.filter((value) => value !== '')));
    }
    const removed = expectSameAsFullCheck(state, { type: 'delete-column', column: 1 });
    expectSameAsFullCheck(removed, applyOp(state.document, { type: 'delete-column', column: 1 }).inverse);
  });

  it('a cell edit outside the mobile column reuses the checks as they are', () => {
    const state = createListState(document);
    const op: DocumentOp = { type: 'set-cell', row: 0, column: 0, value: 'Zoé' };
    expect(recheckAfterOp(state, op, applyOp(document, op).document).checks).toBe(state.checks);
  });
});
