import { defaultSettings, mergeSettings, type AppSettings } from '@shared/settings/app-settings';
import type { SettingsStore } from './settings-store';

/** Settings kept in memory: for tests and the end-to-end harness. */
export function createMemorySettingsStore(initial: Partial<AppSettings> = {}): SettingsStore {
  let current = mergeSettings(defaultSettings, initial);
  return {
    get: () => current,
    update(patch) {
      current = mergeSettings(current, patch);
      return current;
    },
  };
}
