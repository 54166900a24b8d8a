/**
 * The CLI's view of the workspace settings: the app saves its settings with
 * electron-store in <dataDir>/settings.json ({"settings": {…, "workspace":
 * {…}}}); the CLI reads the same file, so both send with the same window,
 * margins and file options. A missing file means the defaults.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveWorkspaceSettings, type WorkspaceSettings } from '@shared/settings/workspace-settings';
import type { SettingsStore } from './settings-store';

export function settingsFilePath(dataDir: string): string {
  return join(dataDir, 'settings.json');
}

export async function readWorkspaceSettings(dataDir: string): Promise<{ settings: WorkspaceSettings; problems: string[] }> {
  let text: string;
  try {
    text = await readFile(settingsFilePath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return resolveWorkspaceSettings(undefined);
    throw error;
  }
  let stored: { settings?: { workspace?: unknown } };
  try {
    stored = JSON.parse(text) as typeof stored;
  } catch {
    return { ...resolveWorkspaceSettings(undefined), problems: [`${settingsFilePath(dataDir)} n'est pas un JSON valide : réglages par défaut utilisés`] };
  }
  return resolveWorkspaceSettings(stored?.settings?.workspace);
}

/** The app's view: the settings store's current value, checked. */
export function workspaceSettingsOf(store: Pick<SettingsStore, 'get'>): WorkspaceSettings {
  return resolveWorkspaceSettings(store.get().workspace).settings;
}
