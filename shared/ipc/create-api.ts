/**
 * Builds `window.api` from a transport. The preload passes Electron's
 * ipcRenderer; browser mode (and so the end-to-end suite) passes HTTP + server-
 * sent events (src-renderer/src/bridge/browser-transport.ts), so the renderer
 * runs against exactly the same bridge in both.
 * Only channels of the contract get through.
 */
import {
  eventChannelNames,
  requestChannelNames,
  type DropdeskApi,
  type EventChannel,
  type RequestChannel,
} from './channels';
import type { IpcResult } from './ipc-result';

export interface BridgeTransport {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export function createApi(transport: BridgeTransport): DropdeskApi {
  const allowedRequests = new Set<string>(requestChannelNames);
  const allowedEvents = new Set<string>(eventChannelNames);
  return {
    invoke(channel: RequestChannel, input: unknown) {
      if (!allowedRequests.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `Canal inconnu : ${String(channel)}` } });
      }
      return transport.invoke(channel, input);
    },
    on(event: EventChannel, listener: (payload: never) => void) {
      if (!allowedEvents.has(event)) throw new Error(`Évènement inconnu : ${String(event)}`);
      return transport.subscribe(event, listener as (payload: unknown) => void);
    },
  } as DropdeskApi;
}
