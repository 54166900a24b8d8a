import Store from 'electron-store';
import { defaultSettings, mergeSettings, type AppSettings } from '@shared/settings/app-settings';
import type { SettingsStore } from '../settings/settings-store';

/** Settings persisted by electron-store (settings.json in the user-data folder). */
export function createElectronSettingsStore(): SettingsStore {
  const store = new Store<{ settings: AppSettings }>({
    name: 'settings',
    defaults: { settings: defaultSettings },
  });
  let current = mergeSettings(defaultSettings, store.get('settings'));
  return {
    get: () => current,
    update(patch) {
      current = mergeSettings(current, patch);
      store.set('settings', current);
      return current;
    },
  };
}
