/**
 * Messages between a worker thread and `runWorker`. A worker posts any number
 * of progress messages, then exactly one result or error.
 */

/**
 * The `workerData` of a worker started before its input is known (it loads
 * its code meanwhile): the input then comes as the first message from main.
 */
export const inputFollows = { dropdeskWorkerInputFollows: true } as const;

export function isInputFollows(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>).dropdeskWorkerInputFollows === true;
}

export type WorkerMessage<TProgress, TResult> =
  | { type: 'progress'; progress: TProgress }
  | { type: 'result'; result: TResult }
  | {
      type: 'error';
      code: string;
      message: string;
      /** A UserFacingError's parameters, so main can rethrow it as it was. */
      params?: Record<string, string | number>;
      /** Whether the worker threw a UserFacingError (worded for the user) rather than an unexpected failure. */
      userFacing?: boolean;
    };
