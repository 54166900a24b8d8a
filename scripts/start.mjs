#!/usr/bin/env node
/**
 * `npm start`: the desktop app when Electron's binary is installed, otherwise
 * (or with `--browser`) browser mode — the same renderer and main-process
 * handlers served on 127.0.0.1 (src-main/browser-mode/).
 *   npm start [-- --browser] [--port N] [--no-open]
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

/** Electron's package writes path.txt once its binary is unpacked into dist/. */
function electronBinary() {
  try {
    const packageDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const wantsBrowser = args.includes('--browser');
const binary = wantsBrowser ? null : electronBinary();

if (binary) {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const child = spawn(npx, ['electron-vite', 'preview', ...args], { stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
} else {
  if (!wantsBrowser) console.error('dropdesk: Electron binary absent: starting browser mode.');
  const { register } = await import('tsx/esm/api');
  register();
  const { runBrowserMode } = await import('../src-main/browser-mode/run-browser-mode.ts');
  await runBrowserMode(args.filter((arg) => arg !== '--browser'));
}
