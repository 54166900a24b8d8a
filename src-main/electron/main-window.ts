import { BrowserWindow, shell, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SettingsStore } from '../settings/settings-store';
import { contentSecurityPolicy, developmentContentSecurityPolicy } from './content-security-policy';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Applies the security defaults once per session: CSP header, no permission prompts. */
export function hardenSession(): void {
  const policy = process.env.ELECTRON_RENDERER_URL ? developmentContentSecurityPolicy : contentSecurityPolicy;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
}

export function createMainWindow(settings: SettingsStore): BrowserWindow {
  const state = settings.get().windowState;
  const window = new BrowserWindow({
    width: state.width,
    height: state.height,
    x: state.x,
    y: state.y,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Dropdesk',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();

  // Navigation and new windows are blocked; http(s) links open in the user's browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  const saveState = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    settings.update({
      windowState: { width: bounds.width, height: bounds.height, x: bounds.x, y: bounds.y, maximized: window.isMaximized() },
    });
  };
  window.on('close', saveState);
  window.once('ready-to-show', () => window.show());

  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(join(here, '../renderer/index.html'));
  return window;
}
