/** Messages between main (report-session.ts) and a report session worker (report-session.worker.ts). */
import type { ReportRowsFilter } from '@shared/ipc/channels/reports';
import type { ExtractOptOutsContext, OptOutEntry } from '@shared/reports/opt-outs';
import type { ReportChannel } from '@shared/reports/status-codes';
import type { ReportSummary } from '@shared/reports/summarize-report';
import type { ReportLine } from '@shared/reports/report-row-selection';

export interface ReportSessionInput {
  /** The report file in the workspace. */
  path: string;
  fileName: string;
  channel?: ReportChannel;
  /** When given, the STOP and blacklist rows are extracted once parsed. */
  optOuts?: ExtractOptOutsContext;
}

/** What main learns once the worker has parsed the file. */
export interface ReportSessionReady {
  summary: ReportSummary;
  encoding: string;
  columns: string[];
  optOuts?: OptOutEntry[];
  parseMs: number;
}

export type ReportSessionRequest =
  | { id: number; op: 'rows'; filter: ReportRowsFilter; offset: number; limit: number }
  | { id: number; op: 'export'; filter: ReportRowsFilter; path: string }
  /** Number, list's mobile cell and code of every row of the view (the list actions). */
  | { id: number; op: 'lines'; filter: ReportRowsFilter };

export type ReportSessionMessage =
  | { type: 'ready'; ready: ReportSessionReady }
  | { type: 'failed'; code: string; message: string }
  | { id: number; type: 'rows'; total: number; rows: string[][] }
  | { id: number; type: 'exported'; rows: number }
  | { id: number; type: 'lines'; lines: ReportLine[] }
  | { id: number; type: 'error'; code: string; message: string };
