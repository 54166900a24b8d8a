import { spawn } from 'node:child_process';

/** Whether a desktop can show a browser: always on Windows and macOS, on Linux only with a display. */
export function hasDesktop(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function openerCommand(platform: NodeJS.Platform, url: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; its first quoted argument is the window title.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

/** Opens the default browser on `url`; a missing opener is reported, never fatal. */
export function openBrowser(url: string, log: (line: string) => void, platform: NodeJS.Platform = process.platform): void {
  const [command, args] = openerCommand(platform, url);
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: platform === 'win32' });
    child.on('error', () => log(`Navigateur non ouvert (${command} indisponible) : ouvrez l’adresse ci-dessus.`));
    child.unref();
  } catch {
    log(`Navigateur non ouvert (${command} indisponible) : ouvrez l’adresse ci-dessus.`);
  }
}
