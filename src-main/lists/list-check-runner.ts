/**
 * Main's side of the list-check worker: runs the check of an imported file or
 * of a saved list in a worker thread, keeps the rows column by column as
 * they cross (list-rows.ts), and turns a worker's UserFacingError back into the
 * same UserFacingError (code, message, params), as if it had run here.
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { Delimiter, TextEncoding } from '@shared/lists/list-types';
import type { ListState } from '@shared/lists/list-state';
import { runWorker, WorkerJobError } from '../workers/run-worker';
import { locateWorker } from '../workers/worker-locator';
import { columnarFromBytes, decodeColumnarPart, joinColumnarParts, type CheckedTable, type ListCheckWorkerInput, type ListCheckWorkerResult } from './list-check-job';
import type { StoredListMeta } from './list-store';
import { tableRows } from '@shared/lists/list-rows';
import type { ColumnarTable } from '@shared/lists/columnar-table';

async function runListCheck(input: ListCheckWorkerInput, signal?: AbortSignal): Promise<ListCheckWorkerResult> {
  try {
    return await runWorker<ListCheckWorkerInput, never, ListCheckWorkerResult>(locateWorker('list-check'), input, { signal });
  } catch (error) {
    if (error instanceof WorkerJobError && error.userFacing) throw new UserFacingError(error.code, error.message, error.userFacing.params);
    throw error;
  }
}

async function toListState(table: CheckedTable): Promise<ListState & { columnar: ColumnarTable }> {
  // The rows stay column by column (list-rows.ts): only their texts are decoded, a slice at a time.
  const columnar = await columnarFromBytes(table.rows);
  return {
    document: { columns: table.columns, rows: tableRows(columnar), mobileColumn: table.mobileColumn },
    checks: table.checks,
    columnStats: table.columnStats,
    summary: table.summary,
    columnar,
  };
}

export interface CheckedImport {
  encoding: TextEncoding;
  delimiter: Delimiter;
  mobileColumnCandidates: string[];
  state: ListState;
  /** The same rows, columnar (what the reopen cache stores). */
  columnar?: ColumnarTable;
}

/** `checkListBytes` in a worker: the same figures, or the same UserFacingError. */
export async function checkListBytesInWorker(fileName: string, bytes: Uint8Array): Promise<CheckedImport> {
  const result = await runListCheck({ kind: 'bytes', fileName, bytes });
  if (result.kind !== 'bytes') throw new Error('list-check worker: expected the check of an imported file, got a saved list');
  const { encoding, delimiter, mobileColumnCandidates } = result;
  const state = await toListState(result.table);
  return { encoding, delimiter, mobileColumnCandidates, state, columnar: state.columnar };
}

/**
 * Share of the rows the checking worker keeps. It also validates every
 * number, so the worker that only reads rows takes nearly all of them
 * (measured on 1,000,000 rows and 2 cores: with 40 % the check finished
 * 0.7 s after the rows).
 */
const rowsKeptByTheCheck = 0.1;

/** About how many records the file holds, from its first 64 KiB (only to share the work: any answer gives the same list). */
function estimatedRecords(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, 64 * 1024);
  let lines = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0x0a) lines++;
  return lines === 0 ? 0 : Math.round((lines * bytes.length) / sample.length);
}

/**
 * `checkListBytes` on two threads at once, the same result: one worker
 * checks the file (the figures `list check` gives) and keeps its first rows,
 * the other reads the same file and keeps the rest of the rows, which the
 * check would otherwise build in turn. Both read one shared copy of the
 * bytes; main joins the two parts. The check's answer (or its error) is the
 * import's; should the parts ever not add up to the checked rows, the file
 * is checked again in one worker rather than shown half right.
 */
export async function checkListBytesInTwoWorkers(fileName: string, bytes: Uint8Array): Promise<CheckedImport> {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  const split = Math.round(estimatedRecords(bytes) * rowsKeptByTheCheck);
  const stopRows = new AbortController();
  // The rows are decoded here as soon as they come, while the check may still run.
  const readingRows = runListCheck({ kind: 'rows', bytes: shared, fromRow: split }, stopRows.signal).then(async (result) => {
    if (result.kind !== 'rows') throw new Error('list-check worker: expected the rows of an imported file');
    return decodeColumnarPart(result.rows);
  });
  // Awaited below once the check is done; until then its failure must not go unhandled.
  readingRows.catch(() => undefined);
  let figures: ListCheckWorkerResult;
  try {
    figures = await runListCheck({ kind: 'figures', fileName, bytes: shared, keepRows: split });
  } catch (error) {
    stopRows.abort();
    throw error;
  }
  if (figures.kind !== 'figures') throw new Error('list-check worker: expected the figures of an imported file');
  const first = await decodeColumnarPart(figures.table.rows);
  const rest = await readingRows;
  const rowCount = figures.table.checks.status.length;
  if (first.rowCount !== Math.min(split, rowCount) || first.rowCount + rest.rowCount !== rowCount) return checkListBytesInWorker(fileName, bytes);
  const columnar = await joinColumnarParts([first, rest]);
  const { encoding, delimiter, mobileColumnCandidates, table } = figures;
  const state = {
    document: { columns: table.columns, rows: tableRows(columnar), mobileColumn: table.mobileColumn },
    checks: table.checks,
    columnStats: table.columnStats,
    summary: table.summary,
  };
  return { encoding, delimiter, mobileColumnCandidates, state, columnar };
}

/** Reads and checks a saved list in a worker; undefined when it has no meta.json. */
export async function loadSavedListInWorker(
  dataDir: string,
  listId: string,
): Promise<{ meta: StoredListMeta; state: ListState; columnar: ColumnarTable } | undefined> {
  const result = await runListCheck({ kind: 'saved', dataDir, listId });
  if (result.kind !== 'saved') throw new Error('list-check worker: expected a saved list, got the check of an imported file');
  if (result.meta === null) return undefined;
  const state = await toListState(result.table);
  return { meta: result.meta, state, columnar: state.columnar };
}
