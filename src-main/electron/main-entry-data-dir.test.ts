/**
 * DROPDESK_DATA_DIR reaches the desktop app: the entry sets it as Electron's
 * userData folder before anything reads that folder (the single-instance
 * lock, electron-store, the services). Loaded against a recording stand-in
 * for the electron API that refuses the lock, so nothing else starts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => [] as string[]);

vi.mock('electron', () => ({
  app: {
    setPath: (name: string, path: string) => void calls.push(`setPath ${name} ${path}`),
    getPath: (name: string) => (calls.push(`getPath ${name}`), '/default'),
    requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), false),
    quit: () => void calls.push('quit'),
    on: () => undefined,
    whenReady: () => new Promise(() => {}),
  },
  BrowserWindow: class {},
  net: { isOnline: () => true },
  safeStorage: { isEncryptionAvailable: () => false },
  Notification: class {},
  dialog: {},
  ipcMain: { handle: () => undefined },
  session: {},
  shell: {},
}));
vi.mock('electron-store', () => ({ default: class {} }));
vi.mock('../workers/bundled-workers', () => ({}));

afterEach(() => {
  delete process.env.DROPDESK_DATA_DIR;
  vi.resetModules();
  calls.length = 0;
});

describe('Electron entry and DROPDESK_DATA_DIR', () => {
  it('sets userData to DROPDESK_DATA_DIR before the single-instance lock', async () => {
    process.env.DROPDESK_DATA_DIR = '/srv/espace-commun';
    await import('./main-entry');
    expect(calls.slice(0, 2)).toEqual(['setPath userData /srv/espace-commun', 'requestSingleInstanceLock']);
  });

  it('leaves Electron’s folder alone without it', async () => {
    await import('./main-entry');
    expect(calls.filter((call) => call.startsWith('setPath'))).toEqual([]);
  });
});
