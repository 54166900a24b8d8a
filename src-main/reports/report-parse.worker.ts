/**
 * Worker thread: reads a downloaded report from the workspace and parses it
 * (shared/reports parseAndSummarizeReport), so a 1,000,000-row file never
 * blocks main. The typed arrays are transferred back, not copied; hostWorker
 * cannot pass a transfer list, so the result message is posted here directly
 * in the same protocol runWorker expects.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { handleReportWorkerRequest } from '@shared/reports/parse-and-summarize-report';
import type { WorkerMessage } from '../workers/worker-protocol';
import type { ReportParseInput } from './report-parse-job';

const port = parentPort;
if (!port) throw new Error('report-parse.worker must run inside a worker thread');
const input = workerData as ReportParseInput;
try {
  const bytes = new Uint8Array(readFileSync(input.path));
  const { response, transfer } = handleReportWorkerRequest({ id: 0, bytes, fileName: input.fileName, channel: input.channel });
  const message: WorkerMessage<never, unknown> = response.ok
    ? { type: 'result', result: response.result }
    : { type: 'error', code: response.error.code, message: response.error.message };
  port.postMessage(message, transfer);
} catch (error) {
  const message: WorkerMessage<never, unknown> = {
    type: 'error',
    code: 'report-unreadable',
    message: `Le rapport ${input.fileName} n'a pas pu être lu sur le disque (${error instanceof Error ? error.message : String(error)}). Actualisez pour le télécharger à nouveau.`,
  };
  port.postMessage(message);
}
