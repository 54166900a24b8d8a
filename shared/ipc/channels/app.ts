import type { AppSettings } from '../../settings/app-settings';

export interface AppRequestChannels {
  'settings:get': (input: void) => AppSettings;
  'settings:update': (input: Partial<AppSettings>) => AppSettings;
  'app:info': (input: void) => { version: string; dataDir: string; platform: string };
}

export interface AppEventChannels {
  'settings:changed': AppSettings;
}
