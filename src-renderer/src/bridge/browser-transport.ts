/**
 * The bridge to main in browser mode (no preload, so no `window.api`): the
 * only module of the renderer that uses the network, and only its own server.
 * Requests are HTTP POSTs answered with the IpcResult, main's events arrive as
 * server-sent events; the session cookie (HttpOnly) goes with each of them.
 * Files: for a request whose handler reads a file (shared/ipc/browser-files.ts)
 * the page's own file picker opens first, in the user's click, and the file is
 * the request's body; a file main writes comes back as a normal download.
 */
import type { BridgeTransport } from '@shared/ipc/create-api';
import type { IpcResult } from '@shared/ipc/ipc-result';
import { browserModeHeaders, fileOpeningChannels, type FilePickerSpec } from '@shared/ipc/browser-files';
import { decodeWire, encodeWire } from '@shared/ipc/wire-codec';

type Listener = (payload: unknown) => void;

const connectionLost = (status: number | string): IpcResult<unknown> => ({
  ok: false,
  error: {
    code: 'browser-connection',
    message: 'Dropdesk ne répond plus (mode navigateur). Vérifiez que « npm start » tourne toujours, puis rouvrez l’adresse affichée au démarrage.',
    params: { status: String(status) },
  },
});

/** The page's file picker; null when the user cancels. */
function pickFile(spec: FilePickerSpec): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = spec.accept;
    input.hidden = true;
    document.body.append(input);
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    input.click();
  });
}

/** Lets the browser save a file main wrote, then waits until it has it. */
async function download(token: string): Promise<void> {
  const link = document.createElement('a');
  link.href = `/api/downloads/${encodeURIComponent(token)}`;
  link.download = '';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  await fetch(`/api/downloads/${encodeURIComponent(token)}/delivered`, { method: 'POST', credentials: 'same-origin' });
}

export function createBrowserTransport(): BridgeTransport {
  const listeners = new Map<string, Set<Listener>>();
  let events: EventSource | undefined;
  let connected: Promise<void> = Promise.resolve();

  // One stream for every event; requests wait for it (briefly) so no event they cause is missed.
  const connectEvents = () => {
    if (events) return;
    events = new EventSource('/api/events');
    connected = new Promise<void>((resolve) => {
      events?.addEventListener('open', () => resolve(), { once: true });
      events?.addEventListener('error', () => resolve(), { once: true });
      setTimeout(resolve, 3_000);
    });
    events.onmessage = (message: MessageEvent<string>) => {
      const { event, payload } = decodeWire(message.data) as { event: string; payload: unknown };
      for (const listener of listeners.get(event) ?? []) listener(payload);
    };
  };

  async function send(channel: string, body: BodyInit, headers: Record<string, string>): Promise<IpcResult<unknown>> {
    await connected;
    let response: Response;
    try {
      response = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, { method: 'POST', credentials: 'same-origin', headers, body });
    } catch {
      return connectionLost('network');
    }
    if (!response.ok) return connectionLost(response.status);
    const result = decodeWire(await response.text()) as IpcResult<unknown>;
    const tokens = response.headers.get(browserModeHeaders.downloads);
    for (const token of tokens ? tokens.split(',') : []) await download(token);
    return result;
  }

  return {
    async invoke(channel, input) {
      connectEvents();
      const picker = (fileOpeningChannels as Record<string, FilePickerSpec | undefined>)[channel];
      if (picker) {
        const file = await pickFile(picker);
        if (file) {
          return send(channel, file, {
            'Content-Type': 'application/octet-stream',
            [browserModeHeaders.fileName]: encodeURIComponent(file.name),
          });
        }
      }
      return send(channel, encodeWire({ input }), { 'Content-Type': 'application/json' });
    },
    subscribe(event, listener) {
      connectEvents();
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
  };
}
