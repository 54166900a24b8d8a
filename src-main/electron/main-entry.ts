/**
 * Electron main entry: the thin layer that wires Electron (app, windows,
 * dialogs, ipcMain, electron-store) to the plain-Node services.
 */
import { app, BrowserWindow, net, session, shell } from 'electron';
import { createHandlers } from '../create-handlers';
import type { MainDeps } from '../main-deps';
import { createMainServices } from '../main-services';
import { createElectronSettingsStore } from './electron-settings-store';
import { createElectronDialogs } from './electron-dialogs';
import { createMainWindow, hardenSession } from './main-window';
import { createWindowEventSink, registerIpcHandlers } from './ipc-main-bridge';
import { safeStorageCipher } from './safe-storage-cipher';
import { desktopNotifier } from './desktop-notifier';
import { startAutoUpdates } from './auto-updater';
import { isQueueUploading } from '@shared/updates/update-decision';
// Registers the bundled worker files (electron-vite `?modulePath`) before any handler runs.
import '../workers/bundled-workers';
import { createDemoRuntime, startAppServices, type AppServices } from '../demo-setup';
import { dataDirFromEnv } from '../workspace/default-data-dir';

let mainWindow: BrowserWindow | null = null;

/**
 * Before the process ends: write the debounced list edits (no edit is lost),
 * then stop the queue (no upload cut mid-way) and the demo boxes.
 */
function shutDownBeforeQuit(steps: Array<[label: string, step: () => Promise<void>]>): void {
  let done = false;
  app.on('before-quit', (event) => {
    if (done) return;
    event.preventDefault();
    void (async () => {
      for (const [label, step] of steps) {
        await step().catch((error: unknown) => log(label, error));
      }
      done = true;
      app.quit();
    })();
  });
}

/** The queue waits while offline and sends as soon as the network is back. */
function followNetworkState(setOnline: (online: boolean) => void): void {
  let last = net.isOnline();
  setOnline(last);
  setInterval(() => {
    const now = net.isOnline();
    if (now !== last) setOnline(now);
    last = now;
  }, 5_000).unref();
}
const getWindow = () => mainWindow;

const log = (message: string, error?: unknown) => console.error(`[dropdesk] ${message}`, error ?? '');

// DROPDESK_DATA_DIR: the app works on the same workspace (and queue) as the CLI. Set before anything reads
// userData: electron-store, the single-instance lock, the services.
const dataDirOverride = dataDirFromEnv();
if (dataDirOverride) app.setPath('userData', dataDirOverride);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.whenReady().then(() => {
    hardenSession();
    const settings = createElectronSettingsStore();
    const dataDir = app.getPath('userData');
    const demo = createDemoRuntime({ dataDir, log });
    const deps: MainDeps = {
      dataDir,
      appVersion: app.getVersion(),
      dialogs: createElectronDialogs(getWindow, settings),
      settings,
      emit: createWindowEventSink(getWindow),
      log,
      secretCipher: safeStorageCipher,
      notifier: desktopNotifier,
      demoEndpoints: demo.endpoints,
      // The REST client follows the system proxy (PAC answers parsed in shared/network/proxy-answer.ts).
      resolveProxy: (url) => session.defaultSession.resolveProxy(url),
      // Microsoft 365 sign-in in the system browser (never inside the app's window).
      openExternal: (url) => shell.openExternal(url),
    };
    const mainServices = createMainServices(deps);
    const handlers = createHandlers(deps, mainServices);
    registerIpcHandlers(handlers, log);
    // Demo drop boxes, sandbox connections and the drop queue (plain Node: src-main/demo-setup).
    const services: Promise<AppServices> = startAppServices(deps, mainServices, demo);
    void services.then((running) => {
      followNetworkState((online) => running.queue.setOnline(online));
      // Packaged app only: checks now and daily; installs when the user accepts and no drop uploads.
      deps.updates =
        startAutoUpdates({
          isUploading: async () => isQueueUploading((await running.queue.list()).map((job) => job.state)),
          onStatus: (status) => deps.emit('update:changed', status),
          log,
        }) ?? undefined;
    });
    shutDownBeforeQuit([
      ['Enregistrement des listes avant fermeture', () => mainServices.lists.flush()],
      ['Arrêt de la file d’envoi', async () => (await services).stop()],
    ]);
    mainWindow = createMainWindow(settings);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(settings);
    });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
