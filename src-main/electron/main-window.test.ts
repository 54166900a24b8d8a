/**
 * The security defaults of the window, checked without Electron: the module
 * is loaded against a recording stand-in for the electron API.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const recorded = vi.hoisted(() => ({
  options: undefined as Record<string, unknown> | undefined,
  webContentsHandlers: new Map<string, (...args: unknown[]) => void>(),
  windowOpenHandler: undefined as ((details: { url: string }) => { action: string }) | undefined,
  headersHandler: undefined as ((details: { responseHeaders: Record<string, string[]> }, callback: (response: unknown) => void) => void) | undefined,
  permissionHandler: undefined as ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined,
  openedExternally: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
        recorded.windowOpenHandler = handler;
      },
      on: (event: string, handler: (...args: unknown[]) => void) => {
        recorded.webContentsHandlers.set(event, handler);
      },
    };
    constructor(options: Record<string, unknown>) {
      recorded.options = options;
    }
    maximize() {}
    on() {}
    once() {}
    loadURL() {
      return Promise.resolve();
    }
    loadFile() {
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: (url: string) => recorded.openedExternally.push(url) },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (handler: typeof recorded.headersHandler) => (recorded.headersHandler = handler) },
        setPermissionRequestHandler: (handler: typeof recorded.permissionHandler) => (recorded.permissionHandler = handler),
      },
    },
  };
});

import { createMainWindow, hardenSession } from './main-window';
import { contentSecurityPolicy } from './content-security-policy';
import { createMemorySettingsStore } from '../settings/memory-settings-store';

describe('the main window', () => {
  beforeEach(() => {
    recorded.webContentsHandlers.clear();
    recorded.openedExternally.length = 0;
    Reflect.deleteProperty(process.env, 'ELECTRON_RENDERER_URL');
  });

  it('isolates and sandboxes the renderer, without Node', () => {
    createMainWindow(createMemorySettingsStore());
    const webPreferences = recorded.options?.webPreferences as Record<string, unknown>;
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('blocks navigation and new windows; web links go to the browser', () => {
    createMainWindow(createMemorySettingsStore());
    const event = { preventDefault: vi.fn() };
    recorded.webContentsHandlers.get('will-navigate')?.(event, 'https://example.invalid/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(recorded.windowOpenHandler?.({ url: 'https://www.mediasflow.com/aide' })).toEqual({ action: 'deny' });
    expect(recorded.openedExternally).toEqual(['https://www.mediasflow.com/aide']);
    expect(recorded.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(recorded.openedExternally).toHaveLength(1);
  });

  it('sends the strict Content-Security-Policy and refuses every permission', () => {
    hardenSession();
    let response: { responseHeaders: Record<string, string[]> } | undefined;
    recorded.headersHandler?.({ responseHeaders: {} }, (value) => (response = value as typeof response));
    expect(response?.responseHeaders['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    let granted: boolean | undefined;
    recorded.permissionHandler?.({}, 'notifications', (value) => (granted = value));
    expect(granted).toBe(false);
  });
});
