/**
 * Bundled to an IIFE and injected before the renderer loads: builds
 * `window.api` with the app's own createApi, over Playwright's exposed
 * function instead of Electron's ipcRenderer.
 */
import { createApi } from '../../src-main/preload/create-api';
import type { IpcResult } from '../../shared/ipc/ipc-result';

type Listener = (payload: unknown) => void;

interface HarnessWindow {
  __dropdeskInvoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  __dropdeskEmit(event: string, payload: unknown): void;
}

const harnessWindow = window as unknown as Window & HarnessWindow;
const listeners = new Map<string, Set<Listener>>();

// Main's events arrive through page.evaluate from the test process.
harnessWindow.__dropdeskEmit = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

harnessWindow.api = createApi({
  // Looked up on each call: the exposed binding may be installed after this script runs.
  invoke: (channel, input) => harnessWindow.__dropdeskInvoke(channel, input),
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
});
