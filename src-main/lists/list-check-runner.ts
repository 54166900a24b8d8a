/**
 * Main's side of the list-check worker: runs the check of an imported file or
 * of a saved list in a worker thread, keeps the rows column by column as
 * they cross (list-rows.ts), and turns a worker's UserFacingError back into the
 * same UserFacingError (code, message, params), as if it had run here.
 */
import { MessageChannel, type Transferable } from 'node:worker_threads';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { hasUtf16Bom } from '@shared/lists/detect-encoding';
import type { Delimiter, TextEncoding } from '@shared/lists/list-types';
import type { ListState } from '@shared/lists/list-state';
import { runWorker, WorkerJobError } from '../workers/run-worker';
import { locateWorker } from '../workers/worker-locator';
import { columnarFromBytes, decodeColumnarPart, joinColumnarParts, type CheckedTable, type ListCheckWorkerInput, type ListCheckWorkerResult } from './list-check-job';
import type { StoredListMeta } from './list-store';
import { tableRows } from '@shared/lists/list-rows';
import type { ColumnarTable } from '@shared/lists/columnar-table';

async function runListCheck(input: ListCheckWorkerInput | Promise<ListCheckWorkerInput>, signal?: AbortSignal, transfer?: Transferable[]): Promise<ListCheckWorkerResult> {
  try {
    return await runWorker<ListCheckWorkerInput, never, ListCheckWorkerResult>(locateWorker('list-check'), input, { signal, transfer });
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
  /** How many worker threads read the file: 2 when it was read in two parts, 1 when whole (tests and the bench check which). */
  threads?: 1 | 2;
}

/** `checkListBytes` in a worker: the same figures, or the same UserFacingError. */
export async function checkListBytesInWorker(fileName: string, bytes: Uint8Array): Promise<CheckedImport> {
  const result = await runListCheck({ kind: 'bytes', fileName, bytes });
  if (result.kind !== 'bytes') throw new Error('list-check worker: expected the check of an imported file, got a saved list');
  const { encoding, delimiter, mobileColumnCandidates } = result;
  const state = await toListState(result.table);
  return { encoding, delimiter, mobileColumnCandidates, state, columnar: state.columnar, threads: 1 };
}

/**
 * Where the file is cut, as a share of its bytes. The first part also marks
 * the duplicates and sums up the whole file once the later part's checks
 * arrive, so it gets slightly less (measured on 1,000,000 rows and 2 cores:
 * 0.44, 0.46 and 0.48 within noise of each other, 0.5 about 0.2 s slower).
 */
const firstPartShare = 0.48;

/**
 * `checkListBytes` on two threads at once, the same result: the file is cut
 * at a record start near its middle (found by the later part's worker), each
 * worker checks and keeps the rows of its part, the first one takes the
 * later one's checks and gives the whole file's figures (duplicates across
 * the cut included), and main joins the two parts' rows. Both read one shared
 * copy of the bytes (the bytes read from disk themselves when they are shared
 * already). Should anything fail or not add up (a cut the reading of the first
 * part finds inside quotes, an error in either part), the file is checked
 * whole in one worker, which gives the answer or the error to show.
 */
export function checkListBytesInTwoWorkers(fileName: string, bytes: Uint8Array): Promise<CheckedImport> {
  return startListCheckInTwoWorkers().check(fileName, bytes);
}

/** The two workers of `checkListBytesInTwoWorkers`, started before the file is read: they load their code meanwhile. */
export interface TwoPartListCheck {
  /** Hands them the file (once). */
  check(fileName: string, bytes: Uint8Array): Promise<CheckedImport>;
  /** Ends them when no file comes (unreadable, small, a workbook); nothing once `check` has answered. */
  cancel(): void;
}

type PartInput<Kind> = Extract<ListCheckWorkerInput, { kind: Kind }>;

export function startListCheckInTwoWorkers(): TwoPartListCheck {
  const cut = new Int32Array(new SharedArrayBuffer(4));
  const { port1: toLaterPart, port2: toFirstPart } = new MessageChannel();
  const stop = new AbortController();
  let handOver: (inputs: { first: PartInput<'first-part'>; later: PartInput<'later-part'> }) => void = () => {};
  const inputs = new Promise<{ first: PartInput<'first-part'>; later: PartInput<'later-part'> }>((resolve) => (handOver = resolve));
  // The later rows are decoded here as soon as they come, while the first part may still run.
  const readingLater = runListCheck(
    inputs.then((both) => both.later),
    stop.signal,
    [toFirstPart],
  ).then(async (result) => {
    if (result.kind !== 'later-part') throw new Error('list-check worker: expected the rows of the later part');
    return decodeColumnarPart(result.rows);
  });
  readingLater.catch(() => stop.abort());
  const checkingFirst = runListCheck(
    inputs.then((both) => both.first),
    stop.signal,
    [toLaterPart],
  );
  checkingFirst.catch(() => stop.abort());
  let handedOver = false;
  return {
    async check(fileName, bytes) {
      if (handedOver) throw new Error('list-check workers: a file was already handed over');
      handedOver = true;
      // UTF-16 is decoded whole; a cut is stored as an Int32.
      if (hasUtf16Bom(bytes) || bytes.length >= 2 ** 31 - 1) {
        stop.abort();
        return checkListBytesInWorker(fileName, bytes);
      }
      const shared = bytes.buffer instanceof SharedArrayBuffer ? bytes : sharedCopy(bytes);
      const near = Math.floor(bytes.length * firstPartShare);
      handOver({
        first: { kind: 'first-part', fileName, bytes: shared, near, cut, laterPart: toLaterPart },
        later: { kind: 'later-part', fileName, bytes: shared, near, cut, firstPart: toFirstPart },
      });
      try {
        const first = await checkingFirst;
        if (first.kind !== 'first-part') throw new Error('list-check worker: expected the figures of the first part');
        const firstRows = await decodeColumnarPart(first.table.rows);
        const laterRows = await readingLater;
        const rowCount = first.table.checks.status.length;
        if (firstRows.rowCount + laterRows.rowCount !== rowCount) throw new Error('list-check workers: the two parts do not add up to the checked rows');
        const columnar = await joinColumnarParts([firstRows, laterRows]);
        const { encoding, delimiter, mobileColumnCandidates, table } = first;
        const state = {
          document: { columns: table.columns, rows: tableRows(columnar), mobileColumn: table.mobileColumn },
          checks: table.checks,
          columnStats: table.columnStats,
          summary: table.summary,
        };
        return { encoding, delimiter, mobileColumnCandidates, state, columnar, threads: 2 };
      } catch {
        stop.abort();
        return checkListBytesInWorker(fileName, bytes);
      }
    },
    cancel() {
      if (!handedOver) stop.abort();
    },
  };
}

function sharedCopy(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  return shared;
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
