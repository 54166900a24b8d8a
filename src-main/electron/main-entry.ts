/**
 * Electron main entry: the thin layer that wires Electron (app, windows,
 * dialogs, ipcMain, electron-store) to the plain-Node services.
 */
import { app, BrowserWindow } from 'electron';
import { createHandlers } from '../create-handlers';
import { getListService } from '../lists/list-handlers';
import type { MainDeps } from '../main-deps';
import { createElectronSettingsStore } from './electron-settings-store';
import { createElectronDialogs } from './electron-dialogs';
import { createMainWindow, hardenSession } from './main-window';
import { createWindowEventSink, registerIpcHandlers } from './ipc-main-bridge';
import { safeStorageCipher } from './safe-storage-cipher';
import { desktopNotifier } from './desktop-notifier';
// Registers the bundled worker files (electron-vite `?modulePath`) before any handler runs.
import '../workers/bundled-workers';
import { createDemoRuntime, startAppServices, type AppServices } from '../demo-setup';

let mainWindow: BrowserWindow | null = null;
let services: Promise<AppServices> | null = null;
let servicesStopped = false;

/** Debounced list saves are written before the app exits, so no edit is lost. */
function flushBeforeQuit(flush: () => Promise<void>): void {
  let flushed = false;
  app.on('before-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    flush()
      .catch((error) => log('Enregistrement avant fermeture impossible', error))
      .finally(() => {
        flushed = true;
        app.quit();
      });
  });
}
const getWindow = () => mainWindow;

const log = (message: string, error?: unknown) => console.error(`[dropdesk] ${message}`, error ?? '');

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
    };
    const handlers = createHandlers(deps);
    registerIpcHandlers(handlers, log);
    // Demo drop boxes, sandbox connections and the drop queue (plain Node: src-main/demo-setup).
    services = startAppServices(deps, demo);
    flushBeforeQuit(() => getListService(deps).flush());
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

  // Stop the queue and the demo boxes before quitting, so no upload is cut by the process ending.
  app.on('before-quit', (event) => {
    if (!services || servicesStopped) return;
    event.preventDefault();
    void services
      .then((running) => running.stop())
      .catch((error: unknown) => log('Arrêt de la file d’envoi', error))
      .finally(() => {
        servicesStopped = true;
        app.quit();
      });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
