/**
 * Worker thread: checks an imported file (decode, parse, validate every
 * number, summarise) or re-reads and checks a saved list, so the main process
 * keeps answering while a 1,000,000-row list takes seconds.
 */
import { checkListBytes, checkListStreaming } from '@shared/lists/check-list-bytes';
import { parseListBytes } from '@shared/lists/parse-list-bytes';
import { firstRecordIsHeader } from '@shared/lists/detect-header';
import { createListState, type ListState } from '@shared/lists/list-state';
import type { CheckedTable, ListCheckWorkerInput, ListCheckWorkerResult } from '../lists/list-check-job';
import { columnarToBytes, listCheckResultBuffers } from '../lists/list-check-job';
import { createListStore } from '../lists/list-store';
import { ColumnarBuilder, columnarFromRows, type ColumnarTable } from '@shared/lists/columnar-table';
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
      // The check, keeping the rows before keepRows as it goes (a fresh reading of the file starts them again).
      let firstRows = new ColumnarBuilder();
      const result = checkListStreaming(input.bytes, { fileName: input.fileName }, () => {
        const builder = new ColumnarBuilder();
        firstRows = builder;
        return {
          add(records, count, firstRow) {
            const kept = Math.min(count, input.keepRows - firstRow);
            if (kept > 0) builder.add(records, 0, kept);
          },
        };
      });
      const { checks, columnStats, summary } = result;
      return {
        kind: 'figures',
        encoding: result.encoding,
        delimiter: result.delimiter,
        mobileColumnCandidates: result.mobileColumnCandidates,
        table: { columns: [...result.columns], mobileColumn: checks.mobileColumn, rows: await columnarToBytes(firstRows.finish()), checks, columnStats, summary },
      };
    }
    if (input.kind === 'rows') {
      // The rows checkListBytes keeps (every non-blank record but a header, read by the same parse), from fromRow on.
      let rest = new ColumnarBuilder();
      parseListBytes(input.bytes, {
        sink: () => {
          const builder = new ColumnarBuilder();
          rest = builder;
          let seen = 0;
          return {
            first: (record) => !firstRecordIsHeader(record),
            add(records, count) {
              const skip = Math.min(count, Math.max(0, input.fromRow - seen));
              if (skip < count) builder.add(records, skip, count);
              seen += count;
            },
          };
        },
      });
      return { kind: 'rows', rows: await columnarToBytes(rest.finish()) };
    }
    const stored = await createListStore(input.dataDir).load(input.listId);
    if (!stored) return { kind: 'saved', meta: null };
    return { kind: 'saved', meta: stored.meta, table: await checkedTable(createListState(stored.document), columnarFromRows(rowArrays(stored.document.rows))) };
  },
  { transfer: listCheckResultBuffers },
);
