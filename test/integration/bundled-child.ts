/**
 * The node arguments that start a test's TypeScript child process (the fault
 * tests' "app" that is killed with SIGKILL at a precise step, then restarted).
 *
 * Under `node --import tsx` every one of the few hundred source modules a
 * child imports goes through tsx's loader thread again at each start: about a
 * second of CPU per start, paid by every crash and restart of every scenario.
 * Here the child's own sources are bundled once per test file by esbuild (the
 * transform tsx itself uses; npm packages stay plain imports from
 * node_modules) and each start is a plain `node bundle.mjs`: the same code,
 * the same steps. A bundled module sees its own `import.meta.url`, so a child
 * whose code locates files beside its sources (workers) must keep tsx.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// Inside the checkout, so the bundle's package imports resolve from its node_modules.
const cacheDir = join(repoRoot, 'node_modules', '.cache', 'dropdesk-test-children');
const bundles = new Map<string, Promise<string>>();

/** Named by its content (same sources, same file) and renamed into place, so test files running at once never read half a bundle. */
async function bundle(script: string): Promise<string> {
  const result = await build({
    entryPoints: [script],
    outfile: join(cacheDir, 'child.mjs'),
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: { '@shared': join(repoRoot, 'shared') },
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const path = join(cacheDir, `${basename(script).replace(/\.ts$/, '')}-${hash}.mjs`);
  await mkdir(cacheDir, { recursive: true });
  const partial = `${path}.${process.pid}.tmp`;
  await writeFile(partial, code);
  await rename(partial, path);
  return path;
}

/** `[bundle.mjs]` for `spawn(process.execPath, [...await childScriptArgs(script), ...args])`. */
export async function childScriptArgs(script: string): Promise<string[]> {
  let built = bundles.get(script);
  if (!built) {
    built = bundle(script);
    bundles.set(script, built);
  }
  return [await built];
}
