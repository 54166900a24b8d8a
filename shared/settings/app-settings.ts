import { defaultWorkspaceSettings, type WorkspaceSettings } from './workspace-settings';

export type Language = 'fr' | 'en';

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export interface AppSettings {
  language: Language;
  /** Last folder used per dialog purpose (import, export…), so dialogs reopen there. */
  lastFolders: Record<string, string>;
  windowState: WindowState;
  /** Sending settings of the workspace (Paramètres → Envoi), read by the CLI too (shared/settings/workspace-settings.ts). */
  workspace: WorkspaceSettings;
  /** The « Premiers pas » guide was closed by the user; it is shown until then. */
  firstStepsDismissed: boolean;
  /** The user's own mobile for "M'envoyer un test" (issue 11 §4), as typed; '' until a first test. */
  testNumber: string;
}

export const defaultSettings: AppSettings = {
  language: 'fr',
  lastFolders: {},
  windowState: { width: 1280, height: 820, maximized: false },
  workspace: defaultWorkspaceSettings,
  firstStepsDismissed: false,
  testNumber: '',
};

/** Pure merge used by every settings store implementation. */
export function mergeSettings(current: AppSettings, patch: Partial<AppSettings>): AppSettings {
  return {
    ...current,
    ...patch,
    lastFolders: { ...current.lastFolders, ...(patch.lastFolders ?? {}) },
    windowState: { ...current.windowState, ...(patch.windowState ?? {}) },
    workspace: { ...current.workspace, ...(patch.workspace ?? {}) },
  };
}
