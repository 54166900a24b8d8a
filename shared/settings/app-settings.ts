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
}

export const defaultSettings: AppSettings = {
  language: 'fr',
  lastFolders: {},
  windowState: { width: 1280, height: 820, maximized: false },
};

/** Pure merge used by every settings store implementation. */
export function mergeSettings(current: AppSettings, patch: Partial<AppSettings>): AppSettings {
  return {
    ...current,
    ...patch,
    lastFolders: { ...current.lastFolders, ...(patch.lastFolders ?? {}) },
    windowState: { ...current.windowState, ...(patch.windowState ?? {}) },
  };
}
