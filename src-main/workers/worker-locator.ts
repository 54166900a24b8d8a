/**
 * Where a worker's entry file is, in each world the main-process code runs in:
 * - from TypeScript source (vitest, tsx, the CLI): the `.ts` file beside this
 *   one, loaded through tsx's loader registered inside the worker (Node 20
 *   ignores `--import tsx` in a worker's execArgv for the entry module);
 * - in the electron-vite bundle: the emitted chunk, whose path
 *   `bundled-workers.ts` registers (it imports `?modulePath`, which only
 *   electron-vite understands, so only the Electron entry imports it); in the
 *   packaged app that path points inside `app.asar`, where a worker thread
 *   cannot load files, so it is moved to `app.asar.unpacked`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asarUnpackedPath } from './asar-unpacked-path';

export type WorkerName = 'list-figures' | 'list-check' | 'report-session';

export interface WorkerEntry {
  path: string;
  /** 'tsx' when the entry is TypeScript source that needs tsx's loader. */
  loader: 'native' | 'tsx';
}

const bundledPaths = new Map<WorkerName, string>();

export function registerBundledWorker(name: WorkerName, path: string): void {
  bundledPaths.set(name, asarUnpackedPath(path));
}

export function locateWorker(name: WorkerName): WorkerEntry {
  const bundled = bundledPaths.get(name);
  if (bundled) return { path: bundled, loader: 'native' };
  const sourcePath = join(dirname(fileURLToPath(import.meta.url)), `${name}.worker.ts`);
  if (!existsSync(sourcePath)) {
    throw new Error(`Worker introuvable : ${name} (ni chemin empaqueté enregistré, ni source ${sourcePath})`);
  }
  return { path: sourcePath, loader: 'tsx' };
}
