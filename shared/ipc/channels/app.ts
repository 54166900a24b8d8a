import type { AppSettings } from '../../settings/app-settings';
import type { UpdateStatus } from '../../updates/update-decision';

export interface AppRequestChannels {
  'settings:get': (input: void) => AppSettings;
  'settings:update': (input: Partial<AppSettings>) => AppSettings;
  /** `canStoreSecrets`: passwords can be kept encrypted on this computer (false in browser mode and without safeStorage). */
  'app:info': (input: void) => { version: string; dataDir: string; platform: string; canStoreSecrets: boolean };
  /** Auto-update state (`off` in development and browser mode). */
  'update:status': (input: void) => UpdateStatus;
  /** The user accepts the downloaded update: installs now, or once no drop is uploading. */
  'update:install': (input: void) => UpdateStatus;
}

export interface AppEventChannels {
  'settings:changed': AppSettings;
  'update:changed': UpdateStatus;
}

export const appRequestNames: Record<keyof AppRequestChannels, true> = {
  'settings:get': true,
  'settings:update': true,
  'app:info': true,
  'update:status': true,
  'update:install': true,
};
export const appEventNames: Record<keyof AppEventChannels, true> = { 'settings:changed': true, 'update:changed': true };
