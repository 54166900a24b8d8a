import type { AppSettings } from '../../settings/app-settings';

export interface AppRequestChannels {
  'settings:get': (input: void) => AppSettings;
  'settings:update': (input: Partial<AppSettings>) => AppSettings;
  'app:info': (input: void) => { version: string; dataDir: string; platform: string };
}

export interface AppEventChannels {
  'settings:changed': AppSettings;
}

export const appRequestNames: Record<keyof AppRequestChannels, true> = {
  'settings:get': true,
  'settings:update': true,
  'app:info': true,
};
export const appEventNames: Record<keyof AppEventChannels, true> = { 'settings:changed': true };
