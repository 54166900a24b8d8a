/** The only place ipcMain is used: one handler per channel of the contract. */
import { ipcMain, type BrowserWindow } from 'electron';
import { requestChannelNames, type EventChannel, type EventPayload } from '@shared/ipc/channels';
import { dispatchRequest, type HandlerMap } from '../ipc/handler-map';

export function registerIpcHandlers(handlers: HandlerMap, log: (message: string, error?: unknown) => void): void {
  for (const channel of requestChannelNames) {
    ipcMain.handle(channel, (_event, input: unknown) => dispatchRequest(handlers, channel, input, log));
  }
}

export function createWindowEventSink(getWindow: () => BrowserWindow | null) {
  return <E extends EventChannel>(event: E, payload: EventPayload<E>): void => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(event, payload);
  };
}
