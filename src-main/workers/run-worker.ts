/**
 * Runs one job in a worker thread so long computations never block the main
 * process (and through it the window). Resolves with the worker's result,
 * reports its progress, and terminates it when the caller aborts.
 */
import { Worker, type Transferable } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { WorkerEntry } from './worker-locator';
import { inputFollows, type WorkerMessage } from './worker-protocol';

export class WorkerJobError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Set when the worker threw a UserFacingError: its parameters (if any), to rethrow it intact. */
    readonly userFacing?: { params?: Record<string, string | number> },
  ) {
    super(message);
    this.name = 'WorkerJobError';
  }
}

/** tsx's ESM loader API (its CommonJS twin cannot register hooks from a worker). */
function resolveTsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('tsx/package.json');
  const exports = (require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> }).exports;
  return join(dirname(packageJson), exports['./esm/api'].import.default);
}

/** A TypeScript entry is imported by a tiny bootstrap that first registers tsx's loader in the worker. */
export function startWorker(entry: WorkerEntry, input: unknown, transferList?: Transferable[]): Worker {
  // A bundled entry needs no flag of the parent's: `--import tsx` inherited by a worker started a loader thread per worker (about 300 ms each under the bench).
  if (entry.loader === 'native') return new Worker(entry.path, { workerData: input, transferList, execArgv: [] });
  const tsxApi = pathToFileURL(resolveTsxEsmApi()).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry.path).href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: input, transferList });
}

export interface RunWorkerOptions<TProgress> {
  onProgress?: (progress: TProgress) => void;
  signal?: AbortSignal;
  /** What `input` holds that moves to the worker rather than being copied (a MessagePort must). */
  transfer?: Transferable[];
}

/**
 * `input` may still be coming (a file being read): the worker is started at
 * once, loads its code meanwhile, and gets the input as a message.
 */
export function runWorker<TInput, TProgress, TResult>(
  entry: WorkerEntry,
  input: TInput | Promise<TInput>,
  options: RunWorkerOptions<TProgress> = {},
): Promise<TResult> {
  return new Promise<TResult>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new WorkerJobError('cancelled', 'Calcul annulé.'));
      return;
    }
    const later = input instanceof Promise;
    const worker = later ? startWorker(entry, inputFollows) : startWorker(entry, input, options.transfer);
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      action();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(new WorkerJobError('cancelled', 'Calcul annulé.')));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (later) {
      input.then(
        (data) => {
          if (!settled) worker.postMessage(data, options.transfer);
        },
        (error: unknown) => settle(() => reject(error)),
      );
    }

    worker.on('message', (message: WorkerMessage<TProgress, TResult>) => {
      if (settled) return;
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'result') settle(() => resolve(message.result));
      else {
        const userFacing = message.userFacing ? { ...(message.params ? { params: message.params } : {}) } : undefined;
        settle(() => reject(new WorkerJobError(message.code, message.message, userFacing)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new WorkerJobError('worker-exited', `Le calcul s'est arrêté sans résultat (code ${code}).`))),
    );
  });
}
