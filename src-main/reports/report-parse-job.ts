/**
 * Parses a downloaded report off the main thread (report-parse.worker.ts),
 * from the TypeScript source under tsx/vitest or from the electron-vite bundle.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedAndSummarizedReport } from '@shared/reports/parse-and-summarize-report';
import type { ReportChannel } from '@shared/reports/status-codes';
import { runWorker } from '../workers/run-worker';
import { locateWorker, type WorkerEntry } from '../workers/worker-locator';

export interface ReportParseInput {
  /** The report file in the workspace. */
  path: string;
  fileName: string;
  channel?: ReportChannel;
}

export type ReportParser = (input: ReportParseInput) => Promise<ParsedAndSummarizedReport>;

function locateReportWorker(): WorkerEntry {
  try {
    // The bundle registers its path under this name (src-main/workers/bundled-workers.ts).
    return locateWorker('report-parse');
  } catch {
    return { path: join(dirname(fileURLToPath(import.meta.url)), 'report-parse.worker.ts'), loader: 'tsx' };
  }
}

/** The default parser: one worker per file, terminated when done. */
export const parseReportInWorker: ReportParser = (input) =>
  runWorker<ReportParseInput, never, ParsedAndSummarizedReport>(locateReportWorker(), input);
