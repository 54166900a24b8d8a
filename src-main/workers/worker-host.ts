/**
 * The worker side of `runWorker`: runs the job with the input main sent and
 * posts progress, then the result or a worded error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerMessage } from './worker-protocol';

export function hostWorker<TInput, TProgress, TResult>(
  job: (input: TInput, reportProgress: (progress: TProgress) => void) => Promise<TResult> | TResult,
): void {
  const port = parentPort;
  if (!port) throw new Error('hostWorker must run inside a worker thread');
  const post = (message: WorkerMessage<TProgress, TResult>) => port.postMessage(message);
  Promise.resolve()
    .then(() => job(workerData as TInput, (progress) => post({ type: 'progress', progress })))
    .then(
      (result) => post({ type: 'result', result }),
      (error: unknown) => {
        const code = (error as { code?: unknown })?.code;
        post({
          type: 'error',
          code: typeof code === 'string' ? code : 'unexpected',
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
}
