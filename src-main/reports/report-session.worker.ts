/**
 * A report session: a worker thread that parses one report version and keeps
 * it, answering the drill-down (pages of a category, a code, a search) and
 * writing CSV exports. The decoded text of a 1,000,000-row report (~150 M
 * characters) and its columns never cross to main, so main never stalls on
 * copying them, and a search over a million rows runs here, not there.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { ReportRowsFilter } from '@shared/ipc/channels/reports';
import { extractOptOuts } from '@shared/reports/opt-outs';
import { parseAndSummarizeReport, type ParsedAndSummarizedReport } from '@shared/reports/parse-and-summarize-report';
import { exportReportRowsCsv, filterReportRows, readReportRows } from '@shared/reports/report-drill-down';
import { reportLines } from '@shared/reports/report-row-selection';
import { writeFileAtomic } from '../workspace/atomic-write';
import type { ReportSessionInput, ReportSessionMessage, ReportSessionRequest } from './report-session-protocol';

const port = parentPort;
if (!port) throw new Error('report-session.worker must run inside a worker thread');
const input = workerData as ReportSessionInput;
const post = (message: ReportSessionMessage) => port.postMessage(message);

function describe(error: unknown): { code: string; message: string } {
  const code = (error as { code?: unknown })?.code;
  return { code: typeof code === 'string' ? code : 'report-unreadable', message: error instanceof Error ? error.message : String(error) };
}

let report: ParsedAndSummarizedReport;
try {
  report = parseAndSummarizeReport(new Uint8Array(readFileSync(input.path)), input.fileName, { channel: input.channel });
  post({
    type: 'ready',
    ready: {
      summary: report.summary,
      encoding: report.parsed.encoding,
      columns: [...report.parsed.header.columns],
      optOuts: input.optOuts ? extractOptOuts(report.parsed, input.optOuts) : undefined,
      parseMs: report.timings.parseMs + report.timings.summarizeMs,
    },
  });
} catch (error) {
  const { code, message } = describe(error);
  post({ type: 'failed', code, message: `Le rapport ${input.fileName} n'a pas pu être lu (${message}). Actualisez pour le télécharger à nouveau.` });
  throw error;
}

/** The last few filters: paging through one view re-filters nothing. */
const filtered = new Map<string, Uint32Array>();
function rowsOf(filter: ReportRowsFilter): Uint32Array {
  const key = JSON.stringify([filter.category ?? '', filter.code ?? '', filter.search?.trim() ?? '']);
  let rows = filtered.get(key);
  if (!rows) {
    rows = filterReportRows(report.parsed, {
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.code ? { code: filter.code } : {}),
      ...(filter.search?.trim() ? { search: filter.search.trim() } : {}),
    });
    filtered.set(key, rows);
    while (filtered.size > 8) filtered.delete(filtered.keys().next().value as string);
  }
  return rows;
}

port.on('message', (request: ReportSessionRequest) => {
  void (async () => {
    try {
      const rows = rowsOf(request.filter);
      if (request.op === 'rows') {
        post({ id: request.id, type: 'rows', total: rows.length, rows: readReportRows(report.parsed, rows, request.offset, request.limit) });
      } else if (request.op === 'lines') {
        post({ id: request.id, type: 'lines', lines: reportLines(report.parsed, rows) });
      } else {
        await writeFileAtomic(request.path, new TextEncoder().encode(exportReportRowsCsv(report.parsed, rows)));
        post({ id: request.id, type: 'exported', rows: rows.length });
      }
    } catch (error) {
      post({ id: request.id, type: 'error', ...describe(error) });
    }
  })();
});
