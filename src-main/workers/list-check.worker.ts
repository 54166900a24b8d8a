/**
 * Worker thread: checks an imported file (decode, parse, validate every
 * number, summarise) or re-reads and checks a saved list, so the main process
 * keeps answering while a 1,000,000-row list takes seconds.
 */
import { checkListBytes } from '@shared/lists/check-list-bytes';
import { createListState, type ListState } from '@shared/lists/list-state';
import type { CheckedTable, ListCheckWorkerInput, ListCheckWorkerResult } from '../lists/list-check-job';
import { listCheckResultBuffers } from '../lists/list-check-job';
import { createListStore } from '../lists/list-store';
import { packRows } from '../lists/packed-rows';
import { hostWorker } from './worker-host';

function checkedTable({ document, checks, columnStats, summary }: ListState): CheckedTable {
  return { columns: [...document.columns], mobileColumn: document.mobileColumn, rows: packRows(document.rows), checks, columnStats, summary };
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
        table: checkedTable({ ...result, document: result.table }),
      };
    }
    const stored = await createListStore(input.dataDir).load(input.listId);
    if (!stored) return { kind: 'saved', meta: null };
    return { kind: 'saved', meta: stored.meta, table: checkedTable(createListState(stored.document)) };
  },
  { transfer: listCheckResultBuffers },
);
