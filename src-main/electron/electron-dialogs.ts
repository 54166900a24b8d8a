import { dialog, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import type { Dialogs } from '../main-deps';
import type { SettingsStore } from '../settings/settings-store';

/** System open/save dialogs that reopen in the last folder used for the same purpose. */
export function createElectronDialogs(getWindow: () => BrowserWindow | null, settings: SettingsStore): Dialogs {
  const remember = (purpose: string, path: string) =>
    settings.update({ lastFolders: { [purpose]: dirname(path) } });
  return {
    async chooseOpenFile({ purpose, filters }) {
      const window = getWindow();
      const options = { defaultPath: settings.get().lastFolders[purpose], properties: ['openFile' as const], filters };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const path = result.canceled ? null : (result.filePaths[0] ?? null);
      if (path) remember(purpose, path);
      return path;
    },
    async chooseSaveFile({ purpose, defaultName, filters }) {
      const window = getWindow();
      const folder = settings.get().lastFolders[purpose];
      const options = { defaultPath: folder ? join(folder, defaultName) : defaultName, filters };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      const path = result.canceled ? null : (result.filePath ?? null);
      if (path) remember(purpose, path);
      return path;
    },
  };
}
