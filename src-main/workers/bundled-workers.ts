/**
 * Imported by the Electron entry only: electron-vite turns each `?modulePath`
 * import into a separate bundle and this import into its path, which the
 * locator then uses instead of the TypeScript source.
 */
/// <reference types="electron-vite/node" />
import listFiguresWorkerPath from './list-figures.worker?modulePath';
import listCheckWorkerPath from './list-check.worker?modulePath';
import reportSessionWorkerPath from '../reports/report-session.worker?modulePath';
import { registerBundledWorker } from './worker-locator';

registerBundledWorker('list-figures', listFiguresWorkerPath);
registerBundledWorker('list-check', listCheckWorkerPath);
registerBundledWorker('report-session', reportSessionWorkerPath);
