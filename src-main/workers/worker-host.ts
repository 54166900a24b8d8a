/**
 * The worker side of `runWorker`: runs the job with the input main sent and
 * posts progress, then the result or a worded error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { isInputFollows, type WorkerMessage } from './worker-protocol';

export interface HostWorkerOptions<TResult> {
  /** Buffers of the result to move to main rather than copy (typed arrays cost nothing to transfer). */
  transfer?: (result: TResult) => ArrayBuffer[];
}

export function hostWorker<TInput, TProgress, TResult>(
  job: (input: TInput, reportProgress: (progress: TProgress) => void) => Promise<TResult> | TResult,
  options: HostWorkerOptions<TResult> = {},
): void {
  const port = parentPort;
  if (!port) throw new Error('hostWorker must run inside a worker thread');
  const post = (message: WorkerMessage<TProgress, TResult>, transferList?: ArrayBuffer[]) => port.postMessage(message, transferList);
  const input = isInputFollows(workerData) ? new Promise<TInput>((resolve) => port.once('message', resolve)) : Promise.resolve(workerData as TInput);
  input
    .then((data) => job(data, (progress) => post({ type: 'progress', progress })))
    .then(
      (result) => post({ type: 'result', result }, options.transfer ? [...new Set(options.transfer(result))] : undefined),
      (error: unknown) => {
        // Error objects do not survive postMessage: send what main needs to rebuild a UserFacingError.
        const code = (error as { code?: unknown })?.code;
        const userFacing = error instanceof UserFacingError;
        post({
          type: 'error',
          code: typeof code === 'string' ? code : 'unexpected',
          message: error instanceof Error ? error.message : String(error),
          ...(userFacing && error.params ? { params: { ...error.params } } : {}),
          ...(userFacing ? { userFacing: true } : {}),
        });
      },
    );
}
