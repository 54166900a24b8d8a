import type { StateCreator } from 'zustand';
import type { AppSettings, Language } from '@shared/settings/app-settings';
import type { WorkspaceSettings } from '@shared/settings/workspace-settings';
import type { IpcError } from '@shared/ipc/ipc-result';
import type { ApiClient } from '../bridge/api-client';
import { toIpcError } from '../i18n/describe-error';
import type { DropdeskState } from './dropdesk-store';

export type Section = 'lists' | 'campaigns' | 'drops' | 'reports' | 'connections' | 'settings';

export const sections: Section[] = ['lists', 'campaigns', 'drops', 'reports', 'connections', 'settings'];

/** A short message shown at the bottom of the window: a catalogue key, or an error from main. */
export type Notice =
  | { kind: 'success'; key: string; params?: Record<string, string | number> }
  | { kind: 'error'; error: IpcError };

export interface AppInfo {
  version: string;
  dataDir: string;
  platform: string;
  canStoreSecrets: boolean;
}

export interface AppSlice {
  section: Section;
  language: Language;
  settings: AppSettings | null;
  appInfo: AppInfo | null;
  notice: Notice | null;
  startApp(): Promise<void>;
  showSection(section: Section): void;
  setLanguage(language: Language): Promise<void>;
  /** Paramètres → Envoi (validated again by main). */
  saveWorkspaceSettings(workspace: WorkspaceSettings): Promise<void>;
  applySettings(settings: AppSettings): void;
  /** Closes the « Premiers pas » guide for good (remembered in the settings). */
  dismissFirstSteps(): Promise<void>;
  notify(notice: Notice): void;
  notifyError(error: unknown): void;
  dismissNotice(): void;
}

export function createAppSlice(client: ApiClient): StateCreator<DropdeskState, [], [], AppSlice> {
  return (set, get) => ({
    section: 'lists',
    language: 'fr',
    settings: null,
    appInfo: null,
    notice: null,

    async startApp() {
      try {
        const [settings, appInfo] = await Promise.all([client.call('settings:get', undefined), client.call('app:info', undefined)]);
        set({ appInfo });
        get().applySettings(settings);
      } catch (error) {
        get().notifyError(error);
      }
      await get().loadLists();
    },

    showSection(section) {
      // An error belongs to the screen it came from; an information notice
      // (e.g. "your drop is in the queue") is meant for the next screen.
      set((state) => ({ section, notice: state.notice?.kind === 'error' ? null : state.notice }));
    },

    async setLanguage(language) {
      // Switch at once; main persists it and echoes 'settings:changed'.
      set({ language });
      try {
        get().applySettings(await client.call('settings:update', { language }));
      } catch (error) {
        get().notifyError(error);
      }
    },

    async saveWorkspaceSettings(workspace) {
      try {
        get().applySettings(await client.call('settings:update', { workspace }));
        get().notify({ kind: 'success', key: 'common:settings.sending.saved' });
      } catch (error) {
        get().notifyError(error);
      }
    },

    async dismissFirstSteps() {
      try {
        get().applySettings(await client.call('settings:update', { firstStepsDismissed: true }));
      } catch (error) {
        get().notifyError(error);
      }
    },

    applySettings(settings) {
      set({ settings, language: settings.language });
    },

    notify(notice) {
      set({ notice });
    },

    notifyError(error) {
      set({ notice: { kind: 'error', error: toIpcError(error) } });
    },

    dismissNotice() {
      set({ notice: null });
    },
  });
}
