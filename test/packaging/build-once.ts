/**
 * Global set-up of the packaging project: one `electron-vite build` (main,
 * preload, renderer into `out/`) that the bundle check and the packaging check
 * both read.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

export function setup(): void {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const build = spawnSync(npx, ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: projectDir, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) throw new Error(`electron-vite build failed (exit ${build.status ?? build.signal})`);
}
