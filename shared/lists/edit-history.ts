/**
 * Undo/redo as a pure structure: each entry keeps the operation and its exact
 * inverse. A new edit clears the redo stack; the oldest entries fall off past
 * `limit` so a long session does not hold every deleted row forever.
 */
import { applyOp, type DocumentOp, type ListDocument } from './list-document';

export interface HistoryEntry {
  forward: DocumentOp;
  inverse: DocumentOp;
}

export interface EditHistory {
  undo: readonly HistoryEntry[];
  redo: readonly HistoryEntry[];
}

export const emptyHistory: EditHistory = { undo: [], redo: [] };
export const defaultHistoryLimit = 200;

export interface HistoryStep {
  document: ListDocument;
  history: EditHistory;
  /** The operation that was applied (the inverse one for an undo), to recheck incrementally. */
  op: DocumentOp;
}

export function applyWithHistory(
  document: ListDocument,
  history: EditHistory,
  op: DocumentOp,
  limit = defaultHistoryLimit,
): HistoryStep {
  const result = applyOp(document, op);
  const undo = [...history.undo, { forward: op, inverse: result.inverse }];
  if (undo.length > limit) undo.splice(0, undo.length - limit);
  return { document: result.document, history: { undo, redo: [] }, op };
}

/** null when there is nothing to undo. */
export function undoStep(document: ListDocument, history: EditHistory): HistoryStep | null {
  const entry = history.undo[history.undo.length - 1];
  if (!entry) return null;
  const result = applyOp(document, entry.inverse);
  return {
    document: result.document,
    history: { undo: history.undo.slice(0, -1), redo: [...history.redo, entry] },
    op: entry.inverse,
  };
}

/** null when there is nothing to redo. */
export function redoStep(document: ListDocument, history: EditHistory): HistoryStep | null {
  const entry = history.redo[history.redo.length - 1];
  if (!entry) return null;
  const result = applyOp(document, entry.forward);
  return {
    document: result.document,
    history: { undo: [...history.undo, entry], redo: history.redo.slice(0, -1) },
    op: entry.forward,
  };
}

export const canUndo = (history: EditHistory): boolean => history.undo.length > 0;
export const canRedo = (history: EditHistory): boolean => history.redo.length > 0;
