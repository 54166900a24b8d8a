/**
 * The Web Worker entry: bytes in, figures and compact columns out. Pure and
 * synchronous so the worker (or main, or the CLI) just calls it; the worker posts the
 * result back with `reportTransferables(result)` as the transfer list so the typed
 * arrays move instead of being copied (the decoded text is still copied by
 * structured clone — about 0.1 s per 100 MB).
 */
import { parseReportBytes, ReportFormatError, type ParsedReport } from './parse-report';
import { parseReportFileName, type ReportFileName } from './report-file-name';
import type { ReportChannel } from './status-codes';
import { summarizeReport, type ReportSummary } from './summarize-report';

export interface ParsedAndSummarizedReport {
  /** Null when the name is not a MediasFlow report name (the content may still be a report). */
  file: ReportFileName | null;
  parsed: ParsedReport;
  summary: ReportSummary;
  /** Milliseconds spent, for the bench and the logs. */
  timings: { parseMs: number; summarizeMs: number };
}

export function parseAndSummarizeReport(bytes: Uint8Array, fileName: string, options: { channel?: ReportChannel } = {}): ParsedAndSummarizedReport {
  const started = now();
  const parsed = parseReportBytes(bytes, options);
  const parsedAt = now();
  const summary = summarizeReport(parsed);
  return {
    file: parseReportFileName(fileName),
    parsed,
    summary,
    timings: { parseMs: parsedAt - started, summarizeMs: now() - parsedAt },
  };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The buffers to list as transferables when posting a result out of a worker. */
export function reportTransferables(result: { parsed: ParsedReport }): ArrayBuffer[] {
  const { rowStarts, rowEnds, codes, categories, deliveredAt, clicks, previews, flags, countryIds } = result.parsed;
  return [rowStarts, rowEnds, codes, categories, deliveredAt, clicks, previews, flags, countryIds].map((array) => array.buffer as ArrayBuffer);
}

/** What the worker receives. `bytes` should be transferred in (postMessage(msg, [msg.bytes.buffer])). */
export interface ReportWorkerRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  channel?: ReportChannel;
}

export type ReportWorkerResponse =
  | { id: number; ok: true; result: ParsedAndSummarizedReport }
  | { id: number; ok: false; error: { code: string; message: string; messageKey: string; details: Record<string, unknown> } };

/**
 * The whole worker body, minus the wiring: `self.onmessage = (e) => { const { response,
 * transfer } = handleReportWorkerRequest(e.data); self.postMessage(response, transfer); }`.
 * Errors become data because class instances do not survive postMessage.
 */
export function handleReportWorkerRequest(request: ReportWorkerRequest): { response: ReportWorkerResponse; transfer: ArrayBuffer[] } {
  try {
    const result = parseAndSummarizeReport(request.bytes, request.fileName, { channel: request.channel });
    return { response: { id: request.id, ok: true, result }, transfer: reportTransferables(result) };
  } catch (error) {
    const known = error instanceof ReportFormatError;
    return {
      response: {
        id: request.id,
        ok: false,
        error: {
          code: known ? error.code : 'unreadable',
          message: known ? error.message : `Le rapport n'a pas pu être lu (${String(error)}). Téléchargez-le à nouveau ou signalez-le.`,
          messageKey: known ? error.messageKey : 'errors.unreadable',
          details: known ? error.details : {},
        },
      },
      transfer: [],
    };
  }
}
