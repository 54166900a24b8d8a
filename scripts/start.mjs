#!/usr/bin/env node
/**
 * `npm start`: the desktop app when Electron's binary is installed, otherwise
 * (or with `--browser`) browser mode — the same renderer and main-process
 * handlers served on 127.0.0.1 (src-main/browser-mode/).
 *   npm start [-- --browser] [--port N] [--no-open]
 */
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);

const wantsBrowser = args.includes('--browser');
const binary = wantsBrowser ? null : electronBinary();

/** The options that only mean something to browser mode, removed before electron-vite sees the rest. */
function withoutBrowserOptions(list) {
  const kept = [];
  for (let index = 0; index < list.length; index += 1) {
    if (list[index] === '--no-open') continue;
    if (list[index] === '--port') index += 1;
    else if (!list[index].startsWith('--port=')) kept.push(list[index]);
  }
  return kept;
}

if (binary) {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const child = spawn(npx, ['electron-vite', 'preview', ...withoutBrowserOptions(args)], { stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
} else {
  if (!wantsBrowser) console.error('dropdesk: Electron binary absent: starting browser mode.');
  const { register } = await import('tsx/esm/api');
  register();
  const { runBrowserMode } = await import('../src-main/browser-mode/run-browser-mode.ts');
  await runBrowserMode(args.filter((arg) => arg !== '--browser'));
}
