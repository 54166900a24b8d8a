/**
 * Messages between a worker thread and `runWorker`. A worker posts any number
 * of progress messages, then exactly one result or error.
 */
export type WorkerMessage<TProgress, TResult> =
  | { type: 'progress'; progress: TProgress }
  | { type: 'result'; result: TResult }
  | { type: 'error'; code: string; message: string };
