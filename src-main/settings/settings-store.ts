import type { AppSettings } from '@shared/settings/app-settings';

/** Implemented by electron-store in the app and by a JSON file in tests and the CLI. */
export interface SettingsStore {
  get(): AppSettings;
  update(patch: Partial<AppSettings>): AppSettings;
}
