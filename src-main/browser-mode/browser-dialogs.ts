/**
 * `deps.dialogs` in browser mode. The handlers stay the desktop app's: they
 * ask for a path to read or to write, and get one.
 * - Open: the page picked the file before sending the request (see
 *   shared/ipc/browser-files.ts); the server wrote its bytes to a session
 *   folder and runs the request with that path, which this dialog answers.
 * - Save: the dialog answers a fresh path in the session folder named as the
 *   desktop dialog would suggest; once the handler has written it, the server
 *   hands it to the page as a download.
 * Each request runs in its own async context, so concurrent requests never
 * see each other's files.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileOpeningChannels } from '@shared/ipc/browser-files';
import type { Dialogs } from '../main-deps';

export interface PendingDownload {
  token: string;
  path: string;
  /** The name the browser saves it under. */
  name: string;
}

export interface BrowserRequestContext {
  channel: string;
  /** The file the page sent with a file-opening request; null when the user cancelled. */
  openFile: string | null;
  downloads: PendingDownload[];
}

export interface BrowserDialogs extends Dialogs {
  runInRequest<T>(context: BrowserRequestContext, run: () => Promise<T>): Promise<T>;
}

/** A file name safe on every system, keeping accents (the browser saves it as is). */
export function safeDownloadName(name: string): string {
  const cleaned = [...name]
    .map((character) => (character.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(character) ? '_' : character))
    .join('')
    .replace(/^\.+/, '')
    .trim();
  return cleaned.slice(0, 200) || 'dropdesk-export';
}

export function createBrowserDialogs(sessionDir: string): BrowserDialogs {
  const requests = new AsyncLocalStorage<BrowserRequestContext>();
  return {
    runInRequest: (context, run) => requests.run(context, run),
    async chooseOpenFile({ purpose }) {
      const context = requests.getStore();
      if (context && !Object.prototype.hasOwnProperty.call(fileOpeningChannels, context.channel)) {
        // The page only picks a file for the channels it knows of: say so rather than act as if the user cancelled.
        throw new Error(`${context.channel} asks for a file (${purpose}) but is missing from fileOpeningChannels (shared/ipc/browser-files.ts)`);
      }
      return context?.openFile ?? null;
    },
    async chooseSaveFile({ defaultName }) {
      const context = requests.getStore();
      if (!context) return null;
      const token = randomUUID();
      const folder = join(sessionDir, 'downloads', token);
      mkdirSync(folder, { recursive: true });
      const name = safeDownloadName(defaultName);
      const path = join(folder, name);
      context.downloads.push({ token, path, name });
      return path;
    },
  };
}
