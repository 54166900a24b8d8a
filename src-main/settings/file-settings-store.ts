import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, mergeSettings, type AppSettings } from '@shared/settings/app-settings';
import { writeJsonAtomic } from '../workspace/atomic-write';
import type { SettingsStore } from './settings-store';

export interface FileSettingsStore extends SettingsStore {
  /** Resolves once every update so far is on disk. */
  flush(): Promise<void>;
}

/**
 * Settings in `<dataDir>/settings.json`, in electron-store's layout
 * (`{"settings": {…}}`), so browser mode and the desktop app share them.
 * Writes are atomic and applied in order.
 */
export function createFileSettingsStore(dataDir: string, log: (message: string, error?: unknown) => void = () => {}): FileSettingsStore {
  const path = join(dataDir, 'settings.json');
  let stored: unknown;
  try {
    stored = (JSON.parse(readFileSync(path, 'utf8')) as { settings?: unknown }).settings;
  } catch {
    stored = undefined;
  }
  let current = mergeSettings(defaultSettings, (stored ?? {}) as Partial<AppSettings>);
  let writing: Promise<void> = Promise.resolve();
  return {
    get: () => current,
    update(patch) {
      current = mergeSettings(current, patch);
      const snapshot = current;
      writing = writing
        .then(() => writeJsonAtomic(path, { settings: snapshot }))
        .catch((error: unknown) => log('Enregistrement des paramètres impossible', error));
      return current;
    },
    flush: () => writing,
  };
}
