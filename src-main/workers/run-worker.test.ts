import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runWorker, WorkerJobError } from './run-worker';
import { locateWorker } from './worker-locator';

const countingWorker = {
  path: fileURLToPath(new URL('./test-fixtures/counting.worker.ts', import.meta.url)),
  loader: 'tsx' as const,
};

describe('runWorker', () => {
  it('runs a TypeScript worker from source, with progress and result', async () => {
    const progress: number[] = [];
    const result = await runWorker<{ upTo: number; every: number }, { done: number }, { sum: number }>(
      countingWorker,
      { upTo: 1000, every: 250 },
      { onProgress: (p) => progress.push(p.done) },
    );
    expect(result).toEqual({ sum: 500500 });
    expect(progress).toEqual([250, 500, 750, 1000]);
  });

  it('rejects with the worker’s error code and message', async () => {
    const failure = runWorker(countingWorker, { upTo: 1, every: 1, fail: true });
    await expect(failure).rejects.toBeInstanceOf(WorkerJobError);
    await expect(failure).rejects.toMatchObject({ code: 'list-unreadable', message: 'Liste illisible' });
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const job = runWorker(countingWorker, { upTo: 5e9, every: 1e9 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(job).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('starts before its input is known and runs once it comes', async () => {
    let handOver: (input: { upTo: number; every: number }) => void = () => {};
    const input = new Promise<{ upTo: number; every: number }>((resolve) => (handOver = resolve));
    const progress: number[] = [];
    const job = runWorker<{ upTo: number; every: number }, { done: number }, { sum: number }>(countingWorker, input, { onProgress: (p) => progress.push(p.done) });
    setTimeout(() => handOver({ upTo: 100, every: 50 }), 20);
    expect(await job).toEqual({ sum: 5050 });
    expect(progress).toEqual([50, 100]);
  });

  it('stops when aborted before its input came, and when the input cannot be had', async () => {
    const controller = new AbortController();
    const waiting = runWorker(countingWorker, new Promise(() => {}), { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    await expect(runWorker(countingWorker, Promise.reject(new Error('fichier illisible')))).rejects.toThrow('fichier illisible');
  });

  it('locates the list-figures worker source', () => {
    expect(locateWorker('list-figures')).toMatchObject({ path: expect.stringMatching(/list-figures\.worker\.ts$/), loader: 'tsx' });
  });
});
