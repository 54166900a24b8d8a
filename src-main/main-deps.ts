import type { EventSink } from './ipc/event-sink';
import type { SettingsStore } from './settings/settings-store';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** System dialogs, provided by Electron in the app and by stubs in tests. */
export interface Dialogs {
  chooseOpenFile(options: { purpose: string; filters: FileFilter[] }): Promise<string | null>;
  chooseSaveFile(options: { purpose: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
}

/** Everything the plain-Node handlers need from the outside world. */
export interface MainDeps {
  dataDir: string;
  appVersion: string;
  dialogs: Dialogs;
  settings: SettingsStore;
  emit: EventSink;
  log: (message: string, error?: unknown) => void;
  /** Password encryption (Electron safeStorage); none → passwords are asked and kept for the session only. */
  secretCipher?: import('./connections/connection-types').SecretCipher;
  /** Desktop notifications on acceptance / rejection of a drop. */
  notifier?: import('./queue/queue-types').Notifier;
  /** Where the demo drop boxes listen (src-main/demo/). */
  demoEndpoints?: import('./connections/connection-types').DemoEndpoints;
  /** The system proxy for a URL, PAC syntax (the app: Electron's session.resolveProxy); absent in browser mode and the CLI (HTTPS_PROXY/NO_PROXY). */
  resolveProxy?: (url: string) => Promise<string>;
  /** Opens a URL in the system browser (Microsoft 365 sign-in): shell.openExternal in the app; absent → the URL is printed on stderr. */
  openExternal?: (url: string) => Promise<void>;
  /** Auto-update (packaged desktop app only; absent in development, tests and browser mode). */
  updates?: import('./updates/update-service').UpdateService;
}
