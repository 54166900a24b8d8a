/**
 * Electron main entry: the thin layer that wires Electron (app, windows,
 * dialogs, ipcMain, electron-store) to the plain-Node services.
 */
import { app, BrowserWindow } from 'electron';
import { createHandlers } from '../create-handlers';
import { createElectronSettingsStore } from './electron-settings-store';
import { createElectronDialogs } from './electron-dialogs';
import { createMainWindow, hardenSession } from './main-window';
import { createWindowEventSink, registerIpcHandlers } from './ipc-main-bridge';
// Registers the bundled worker files (electron-vite `?modulePath`) before any handler runs.
import '../workers/bundled-workers';

let mainWindow: BrowserWindow | null = null;
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
    const handlers = createHandlers({
      dataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      dialogs: createElectronDialogs(getWindow, settings),
      settings,
      emit: createWindowEventSink(getWindow),
      log,
    });
    registerIpcHandlers(handlers, log);
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
