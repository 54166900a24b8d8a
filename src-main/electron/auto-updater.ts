/**
 * electron-updater wired to the update service: only in the packaged app (in
 * development, tests and browser mode the updater is off). The feed is the
 * project's GitHub releases (`publish` in electron-builder.yml, written into
 * the app as `app-update.yml`). Downloads in the background; never installs
 * on quit by itself: only when the user accepts (see update-service.ts).
 */
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { UpdateStatus } from '@shared/updates/update-decision';
import { createUpdateService, type UpdateService } from '../updates/update-service';
import { updatesEnabled } from '../updates/updates-enabled';

export interface AutoUpdateOptions {
  isUploading: () => Promise<boolean>;
  onStatus: (status: UpdateStatus) => void;
  log: (message: string, error?: unknown) => void;
}

export function startAutoUpdates(options: AutoUpdateOptions): UpdateService | null {
  if (!updatesEnabled({ isPackaged: app.isPackaged, env: process.env })) return null;
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = null;
  const service = createUpdateService({ updater: autoUpdater, ...options });
  service.start();
  return service;
}
