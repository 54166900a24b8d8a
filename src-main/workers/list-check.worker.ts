/**
 * Worker thread: checks an imported file (decode, parse, validate every
 * number, summarise) or re-reads and checks a saved list, so the main process
 * keeps answering while a 1,000,000-row list takes seconds.
 */
import { checkListBytes, checkListFigures } from '@shared/lists/check-list-bytes';
import { parseListBytesColumnar } from '@shared/lists/parse-list-bytes';
import { firstRecordIsHeader } from '@shared/lists/detect-header';
import { createListState, type ListState } from '@shared/lists/list-state';
import type { CheckedTable, ListCheckWorkerInput, ListCheckWorkerResult } from '../lists/list-check-job';
import { columnarToBytes, listCheckResultBuffers } from '../lists/list-check-job';
import { createListStore } from '../lists/list-store';
import { columnarFromRows, type ColumnarTable } from '@shared/lists/columnar-table';
import { hostWorker } from './worker-host';
import { rowArrays } from '@shared/lists/list-rows';

async function checkedTable({ document, checks, columnStats, summary }: Omit<ListState, 'document'> & { document: Omit<ListState['document'], 'rows'> }, rows: ColumnarTable): Promise<CheckedTable> {
  return { columns: [...document.columns], mobileColumn: document.mobileColumn, rows: await columnarToBytes(rows), checks, columnStats, summary };
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
    if (input.kind === 'figures') {
      const result = checkListFigures(input.bytes, { fileName: input.fileName });
      const { checks, columnStats, summary } = result;
      return {
        kind: 'figures',
        encoding: result.encoding,
        delimiter: result.delimiter,
        mobileColumnCandidates: result.mobileColumnCandidates,
        table: { columns: [...result.columns], mobileColumn: checks.mobileColumn, checks, columnStats, summary },
      };
    }
    if (input.kind === 'rows') {
      // The rows checkListBytes keeps: every non-blank record but a header, read by the same parse.
      const { table } = parseListBytesColumnar(input.bytes, (record) => !firstRecordIsHeader(record));
      return { kind: 'rows', rows: await columnarToBytes(table) };
    }
    const stored = await createListStore(input.dataDir).load(input.listId);
    if (!stored) return { kind: 'saved', meta: null };
    return { kind: 'saved', meta: stored.meta, table: await checkedTable(createListState(stored.document), columnarFromRows(rowArrays(stored.document.rows))) };
  },
  { transfer: listCheckResultBuffers },
);
