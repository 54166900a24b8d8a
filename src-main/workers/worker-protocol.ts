/**
 * Messages between a worker thread and `runWorker`. A worker posts any number
 * of progress messages, then exactly one result or error.
 */
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
