/**
 * Browser mode serves the same renderer build as the end-to-end suite (Vite,
 * `test/e2e/vite.renderer.config.ts`), into `.browser-renderer/` (git-ignored). It is
 * rebuilt only when missing or stale: a hash of the renderer's and shared
 * code's sources (tests excluded), the config and the lock file is kept
 * beside the build.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// Outside out/: nothing of browser mode may end up in the packaged app.asar.
export const browserRendererDir = join(repoRoot, '.browser-renderer');
const configFile = join(repoRoot, 'test', 'e2e', 'vite.renderer.config.ts');
const hashFile = '.source-hash';

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export async function rendererSourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    ...(await listFiles(join(repoRoot, 'src-renderer'))),
    ...(await listFiles(join(repoRoot, 'shared'))),
    configFile,
    join(repoRoot, 'package-lock.json'),
  ];
  for (const file of files) {
    hash.update(relative(repoRoot, file));
    hash.update('\0');
    hash.update(await readFile(file).catch(() => Buffer.alloc(0)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Builds the renderer when needed; returns the folder to serve and whether it was built now. */
export async function ensureRendererBuild(
  log: (line: string) => void,
  outDir: string = browserRendererDir,
): Promise<{ dir: string; built: boolean }> {
  const wanted = await rendererSourceHash();
  const current = await readFile(join(outDir, hashFile), 'utf8').catch(() => '');
  const indexPresent = await readFile(join(outDir, 'index.html')).then(
    () => true,
    () => false,
  );
  if (current.trim() === wanted && indexPresent) return { dir: outDir, built: false };
  log('Construction de l’interface (une fois, puis à chaque changement du code)…');
  const { build } = await import('vite');
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  await writeFile(join(outDir, hashFile), wanted);
  return { dir: outDir, built: true };
}
