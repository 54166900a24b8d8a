import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const appFolderName = 'Dropdesk';

/**
 * The folder Electron's app.getPath('userData') gives for Dropdesk, computed
 * without Electron so the CLI and the app share one workspace and one queue.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env.DROPDESK_DATA_DIR) return env.DROPDESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appFolderName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appFolderName);
}

/** DROPDESK_DATA_DIR as an absolute folder, or null when unset: the desktop app sets it as its userData folder at launch. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.DROPDESK_DATA_DIR?.trim();
  return value ? resolve(value) : null;
}
