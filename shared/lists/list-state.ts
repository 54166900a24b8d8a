/**
 * A list as the editor holds it: the document, its checks, the per-column
 * figures and the summary. After an operation only what it can have changed
 * is recomputed: editing a cell outside the mobile column revalidates
 * nothing, editing a number revalidates that row; deleting or inserting rows
 * moves the existing verdicts. Duplicates are always re-marked over the whole
 * list (a deletion can promote a later occurrence to first), which is a pass
 * over numbers, not over text. The result equals a full `checkDocument`
 * (list-state.test.ts compares them).
 */
import type { ListSummary } from './list-types';
import type { DocumentOp, ListDocument } from './list-document';
import { checkRows, createRowValidator, markDuplicates, uncheckedRows, type ListChecks } from './check-rows';
import { describeColumn, describeEveryColumn, summarize, type ColumnStats } from './summarize';

export interface ListState {
  document: ListDocument;
  checks: ListChecks;
  columnStats: readonly ColumnStats[];
  summary: ListSummary;
}

export function createListState(document: ListDocument): ListState {
  const checks = checkRows(document.rows, document.mobileColumn);
  const columnStats = describeEveryColumn(document.columns.length, document.rows);
  return { document, checks, columnStats, summary: summarize(document.columns, document.rows, checks, columnStats) };
}

/** The state after `op` turned `before.document` into `after`. */
export function recheckAfterOp(before: ListState, op: DocumentOp, after: ListDocument): ListState {
  const checks = recheckRows(before, op, after);
  const columnStats = restatColumns(before, op, after);
  return { document: after, checks, columnStats, summary: summarize(after.columns, after.rows, checks, columnStats) };
}

function recheckRows(before: ListState, op: DocumentOp, after: ListDocument): ListChecks {
  const mobile = after.mobileColumn;
  const previous = before.checks;
  if (mobile === null) return previous.mobileColumn === null && previous.status.length === after.rows.length ? previous : uncheckedRows(after.rows.length);
  const sameNumbers = previous.mobileColumn !== null && before.document.columns.length > 0 && sameMobileData(before.document, after, op);
  if (!sameNumbers) return checkRows(after.rows, mobile);

  switch (op.type) {
    case 'set-cell': {
      if (op.column !== mobile) return previous;
      const validator = createRowValidator(previous.countryCodes, after.rows.length, previous);
      validator.validate(op.row, after.rows.value(op.row, mobile));
      return finish(mobile, validator);
    }
    case 'insert-rows': {
      const validator = createRowValidator(previous.countryCodes, after.rows.length);
      let from = 0;
      let next = 0;
      for (let to = 0; to < after.rows.length; to++) {
        if (next < op.rows.length && op.rows[next].at === to) {
          validator.validate(to, after.rows.value(to, mobile));
          next++;
        } else {
          validator.reason[to] = previous.reason[from];
          validator.normalized[to] = previous.normalized[from];
          validator.country[to] = previous.country[from];
          from++;
        }
      }
      return finish(mobile, validator);
    }
    case 'delete-rows': {
      const validator = createRowValidator(previous.countryCodes, after.rows.length);
      let next = 0;
      let to = 0;
      for (let from = 0; from < previous.normalized.length; from++) {
        if (next < op.rows.length && op.rows[next] === from) {
          next++;
          continue;
        }
        validator.reason[to] = previous.reason[from];
        validator.normalized[to] = previous.normalized[from];
        validator.country[to] = previous.country[from];
        to++;
      }
      return finish(mobile, validator);
    }
    default:
      // Column operations that leave the mobile column's values alone: same verdicts, new position.
      return { ...previous, mobileColumn: mobile };
  }
}

/** Whether the numbers after `op` are the numbers before it, row for row, up to the row operation itself. */
function sameMobileData(before: ListDocument, after: ListDocument, op: DocumentOp): boolean {
  if (before.mobileColumn === null) return false;
  switch (op.type) {
    case 'set-mobile-column':
      return false;
    case 'insert-column':
      return !op.mobile;
    case 'delete-column':
      return op.column !== before.mobileColumn;
    default:
      return after.mobileColumn !== null;
  }
}

function finish(mobileColumn: number, validator: ReturnType<typeof createRowValidator>): ListChecks {
  const { reason, normalized, country, countryCodes } = validator;
  return { mobileColumn, status: markDuplicates(normalized), reason, normalized, country, countryCodes };
}

function restatColumns(before: ListState, op: DocumentOp, after: ListDocument): readonly ColumnStats[] {
  const stats = before.columnStats;
  switch (op.type) {
    case 'set-cell': {
      const next = stats.slice();
      next[op.column] = describeColumn(after.rows, op.column);
      return next;
    }
    case 'rename-column':
    case 'set-mobile-column':
      return stats;
    case 'insert-column': {
      const next = stats.slice();
      next.splice(op.at, 0, describeColumn(after.rows, op.at));
      return next;
    }
    case 'delete-column': {
      const next = stats.slice();
      next.splice(op.column, 1);
      return next;
    }
    default:
      return describeEveryColumn(after.columns.length, after.rows);
  }
}
