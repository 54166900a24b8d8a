/**
 * Main's handle on a report session worker (report-session.worker.ts): opens
 * it (parse, figures, opt-outs), asks for pages and exports, closes it. The
 * worker is unref'd while idle so a CLI run or a test ends without closing it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { ReportRowsFilter } from '@shared/ipc/channels/reports';
import { startWorker } from '../workers/run-worker';
import { locateWorker, type WorkerEntry } from '../workers/worker-locator';
import type { ReportLine } from '@shared/reports/report-row-selection';
import type { ReportSessionInput, ReportSessionMessage, ReportSessionReady, ReportSessionRequest } from './report-session-protocol';

export type { ReportSessionInput, ReportSessionReady } from './report-session-protocol';

export interface ReportSession {
  readonly ready: ReportSessionReady;
  rows(filter: ReportRowsFilter, offset: number, limit: number): Promise<{ total: number; rows: string[][] }>;
  exportCsv(filter: ReportRowsFilter, path: string): Promise<{ rows: number }>;
  /** Number, list's mobile cell and code of each row of the view. */
  lines(filter: ReportRowsFilter): Promise<ReportLine[]>;
  close(): Promise<void>;
}

export type ReportSessionOpener = (input: ReportSessionInput) => Promise<ReportSession>;

function locateSessionWorker(): WorkerEntry {
  try {
    // The bundle registers its path under this name (src-main/workers/bundled-workers.ts).
    return locateWorker('report-session');
  } catch {
    return { path: join(dirname(fileURLToPath(import.meta.url)), 'report-session.worker.ts'), loader: 'tsx' };
  }
}

function sessionError(code: string, message: string): UserFacingError {
  return new UserFacingError(code, message);
}

export const openReportSession: ReportSessionOpener = (input) =>
  new Promise<ReportSession>((resolve, reject) => {
    const worker: Worker = startWorker(locateSessionWorker(), input);
    const pending = new Map<number, { resolve: (message: ReportSessionMessage) => void; reject: (error: Error) => void }>();
    let nextId = 1;
    let closed = false;
    let opened = false;
    const failAll = (error: Error) => {
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    };
    worker.on('message', (message: ReportSessionMessage) => {
      if ('id' in message) {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (pending.size === 0) worker.unref();
        if (!waiter) return;
        if (message.type === 'error') waiter.reject(sessionError(message.code, message.message));
        else waiter.resolve(message);
        return;
      }
      if (message.type === 'failed') {
        reject(sessionError(message.code, message.message));
        void worker.terminate();
        return;
      }
      opened = true;
      worker.unref();
      resolve(session(message.ready));
    });
    worker.on('error', (error) => {
      if (!opened) reject(error);
      failAll(error);
    });
    worker.on('exit', (code) => {
      closed = true;
      const error = sessionError('report-session-ended', `Le rapport n'est plus ouvert (code ${code}). Réessayez.`);
      if (!opened) reject(error);
      failAll(error);
    });

    type Request = ReportSessionRequest extends infer R ? (R extends ReportSessionRequest ? Omit<R, 'id'> : never) : never;

    function ask(request: Request): Promise<ReportSessionMessage> {
      if (closed) return Promise.reject(sessionError('report-session-ended', "Le rapport n'est plus ouvert. Réessayez."));
      const id = nextId++;
      worker.ref();
      return new Promise((resolveRequest, rejectRequest) => {
        pending.set(id, { resolve: resolveRequest, reject: rejectRequest });
        worker.postMessage({ ...request, id } as ReportSessionRequest);
      });
    }

    function session(ready: ReportSessionReady): ReportSession {
      return {
        ready,
        async rows(filter, offset, limit) {
          const answer = await ask({ op: 'rows', filter, offset, limit });
          return answer.type === 'rows' ? { total: answer.total, rows: answer.rows } : { total: 0, rows: [] };
        },
        async exportCsv(filter, path) {
          const answer = await ask({ op: 'export', filter, path });
          return { rows: answer.type === 'exported' ? answer.rows : 0 };
        },
        async lines(filter) {
          const answer = await ask({ op: 'lines', filter });
          return answer.type === 'lines' ? answer.lines : [];
        },
        async close() {
          if (closed) return;
          closed = true;
          await worker.terminate();
        },
      };
    }
  });
