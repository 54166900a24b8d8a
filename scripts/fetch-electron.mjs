#!/usr/bin/env node
/**
 * Root postinstall: fetches Electron's binary when it can, and never fails the
 * install when it cannot (no access to Electron's download host, proxy…).
 * Electron's own postinstall is turned off in package.json `allowScripts`
 * because it exits 1 offline; this runs the same download (electron/install.js)
 * and, on failure, says so in one line: `npm start` then opens browser mode.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const say = (line) => console.error(`dropdesk: ${line}`);

let installScript;
try {
  installScript = require.resolve('electron/install.js');
} catch {
  say('the electron package is not installed; `npm start` will open Dropdesk in the browser.');
  process.exit(0);
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  say('ELECTRON_SKIP_BINARY_DOWNLOAD is set: Electron binary not downloaded; `npm start` will open Dropdesk in the browser.');
  process.exit(0);
}

const result = spawnSync(process.execPath, [installScript], {
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
  timeout: 10 * 60_000,
});
if (result.status === 0) process.exit(0);

const details = `${result.stderr ?? ''}`.split('\n');
const reason =
  result.error?.message ??
  details.find((line) => /\b(E[A-Z]{3,}|HTTPError|RequestError)\b/.test(line))?.trim() ??
  details.find((line) => line.trim() !== '')?.trim() ??
  `exit code ${result.status}`;
say(`the Electron binary could not be downloaded (${reason.slice(0, 200)}); \`npm start\` will open Dropdesk in the browser. Retry later with \`npm run fetch-electron\`.`);
process.exit(0);
