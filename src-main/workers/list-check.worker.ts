/**
 * Worker thread: checks an imported file (decode, parse, validate every
 * number, summarise) or re-reads and checks a saved list, so the main process
 * keeps answering while a 1,000,000-row list takes seconds.
 */
import { isUtf8 } from 'node:buffer';
import { checkFirstListPart, checkLaterListPart, checkListBytes, type CheckedRowsSink, type LaterPartChecks } from '@shared/lists/check-list-bytes';
import { readListDialect } from '@shared/lists/parse-list-bytes';
import { findRecordStart } from '@shared/lists/find-record-start';
import { createListState, type ListState } from '@shared/lists/list-state';
import type { CheckedTable, ListCheckWorkerInput, ListCheckWorkerResult } from '../lists/list-check-job';
import { columnarToBytes, cutUnknown, listCheckResultBuffers, noCut } from '../lists/list-check-job';
import { createListStore } from '../lists/list-store';
import { ColumnarBuilder, columnarFromRows, type ColumnarTable } from '@shared/lists/columnar-table';
import { hostWorker } from './worker-host';
import { rowArrays } from '@shared/lists/list-rows';

async function checkedTable({ document, checks, columnStats, summary }: Omit<ListState, 'document'> & { document: Omit<ListState['document'], 'rows'> }, rows: ColumnarTable): Promise<CheckedTable> {
  return { columns: [...document.columns], mobileColumn: document.mobileColumn, rows: await columnarToBytes(rows), checks, columnStats, summary };
}

type PartInput<Kind> = Extract<ListCheckWorkerInput, { kind: Kind }>;

/** Keeps every row the check hands over, column by column (a fresh reading of the file starts them again). */
function keepRows(): { sink: () => CheckedRowsSink; finish: () => ColumnarTable } {
  let rows = new ColumnarBuilder();
  return {
    sink: () => {
      const builder = new ColumnarBuilder();
      rows = builder;
      return { add: (records, count) => builder.add(records, 0, count) };
    },
    finish: () => rows.finish(),
  };
}

/** The whole file's encoding, which neither part alone can tell. */
const encodingOf = (bytes: Uint8Array) => (isUtf8(bytes) ? 'utf-8' : 'windows-1252');

/** Waits for the later part to store the cut; it is found well before this part's reading gets near it. */
function waitForCut(cut: Int32Array): number {
  // Short waits, so that a termination is never held up by a wait that nothing ends.
  while (Atomics.load(cut, 0) === cutUnknown) Atomics.wait(cut, 0, cutUnknown, 50);
  const at = Atomics.load(cut, 0);
  if (at === noCut) throw new Error('The list has no cut: it is read whole.');
  return at;
}

async function checkFirstPart(input: PartInput<'first-part'>): Promise<ListCheckWorkerResult> {
  const laterChecks = new Promise<LaterPartChecks>((resolve, reject) => {
    input.laterPart.once('message', resolve);
    input.laterPart.once('close', () => reject(new Error('The later part of the list ended without its checks.')));
  });
  laterChecks.catch(() => undefined);
  const rows = keepRows();
  const encoding = encodingOf(input.bytes);
  const first = checkFirstListPart(input.bytes, { fileName: input.fileName }, { encoding, part: { from: 0, end: () => waitForCut(input.cut), endsAfter: input.near } }, rows.sink);
  // The rows are ready for main first: the later part's checks often arrive meanwhile.
  const rowBytes = await columnarToBytes(rows.finish());
  const result = first.finish(await laterChecks);
  input.laterPart.close();
  const { checks, columnStats, summary } = result;
  return {
    kind: 'first-part',
    encoding: result.encoding,
    delimiter: result.delimiter,
    mobileColumnCandidates: result.mobileColumnCandidates,
    table: { columns: [...result.columns], mobileColumn: checks.mobileColumn, rows: rowBytes, checks, columnStats, summary },
  };
}

async function checkLaterPart(input: PartInput<'later-part'>): Promise<ListCheckWorkerResult> {
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  let from: number | null = null;
  // The first part's worker waits for the cut: whatever happens here, it is told (`noCut` ends its wait with an error).
  try {
    encoding = encodingOf(input.bytes);
    from = findRecordStart(input.bytes, input.near, readListDialect(input.bytes, encoding).newline);
  } finally {
    Atomics.store(input.cut, 0, from ?? noCut);
    Atomics.notify(input.cut, 0);
  }
  if (from === null) throw new Error('The list has no cut: it is read whole.');
  const rows = keepRows();
  const checks = checkLaterListPart(input.bytes, { fileName: input.fileName }, { encoding, part: { from, end: () => input.bytes.length, endsAfter: from } }, rows.sink);
  input.firstPart.postMessage(checks, [checks.reason.buffer, checks.normalized.buffer, checks.country.buffer] as ArrayBuffer[]);
  input.firstPart.close();
  return { kind: 'later-part', rows: await columnarToBytes(rows.finish()) };
}

hostWorker<ListCheckWorkerInput, never, ListCheckWorkerResult>(
  async (input) => {
    if (input.kind === 'bytes') {
      const result = checkListBytes(input.bytes, { fileName: input.fileName });
      return {
        kind: 'bytes',
        encoding: result.encoding,
        delimiter: result.delimiter,
        mobileColumnCandidates: result.mobileColumnCandidates,
        // The columnar rows as parsed: no row array is built in the worker.
        table: await checkedTable(
          { checks: result.checks, columnStats: result.columnStats, summary: result.summary, document: { columns: result.columns, mobileColumn: result.checks.mobileColumn } },
          result.columnar,
        ),
      };
    }
    if (input.kind === 'first-part') return checkFirstPart(input);
    if (input.kind === 'later-part') return checkLaterPart(input);
    const stored = await createListStore(input.dataDir).load(input.listId);
    if (!stored) return { kind: 'saved', meta: null };
    return { kind: 'saved', meta: stored.meta, table: await checkedTable(createListState(stored.document), columnarFromRows(rowArrays(stored.document.rows))) };
  },
  { transfer: listCheckResultBuffers },
);
