/**
 * The Electron shell as it is built (`electron-vite build`, run once by
 * build-once.ts): what the main and preload bundles import must be exactly the
 * runtime dependencies of package.json, the preload loads nothing but
 * `electron`, and the worker files are where the packaged app will look.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  asarUnpackPatterns,
  bundleFiles,
  importClosure,
  importsOf,
  installedPackageClosure,
  moduleSpecifiers,
  packageNameOf,
  registeredWorkerFiles,
} from './bundle-graph';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const mainDir = join(projectDir, 'out/main');
const preloadDir = join(projectDir, 'out/preload');
const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const runtimeDependencies = Object.keys(manifest.dependencies).sort();
/** Electron itself provides `electron`; it is never packed. */
const providedByElectron = new Set(['electron']);

function importedPackages(dir: string): Map<string, string[]> {
  const byPackage = new Map<string, string[]>();
  for (const file of bundleFiles(dir)) {
    for (const specifier of importsOf(file).bare) {
      const name = packageNameOf(specifier);
      byPackage.set(name, [...(byPackage.get(name) ?? []), relative(projectDir, file)]);
    }
  }
  return byPackage;
}

describe('main and preload bundles', () => {
  const imported = new Map([...importedPackages(mainDir), ...importedPackages(preloadDir)]);
  const shipped = [...imported.keys()].filter((name) => !providedByElectron.has(name)).sort();

  it('import only packages that are runtime dependencies', () => {
    const missing = shipped.filter((name) => !manifest.dependencies[name]).map((name) => `${name} (imported by ${imported.get(name)!.join(', ')})`);
    expect(missing, 'move these to "dependencies" in package.json').toEqual([]);
  });

  it('use every runtime dependency (renderer-only packages are devDependencies: Vite bundles them)', () => {
    expect(runtimeDependencies.filter((name) => !imported.has(name)), 'not imported by out/main or out/preload').toEqual([]);
  });

  it('never ship electron as a dependency', () => {
    expect(manifest.dependencies.electron).toBeUndefined();
  });

  it('the sandboxed preload requires nothing but electron', () => {
    const files = bundleFiles(preloadDir);
    expect(files.map((file) => relative(preloadDir, file))).toEqual(['index.cjs']);
    expect(new Set(moduleSpecifiers(readFileSync(files[0], 'utf8')))).toEqual(new Set(['electron']));
  });
});

describe('worker files in the built layout', () => {
  const workers = registeredWorkerFiles(mainDir);
  const unpack = asarUnpackPatterns(readFileSync(join(projectDir, 'electron-builder.yml'), 'utf8'));
  const unpackedFolder = (path: string) => unpack.some((pattern) => pattern.endsWith('/**') && `${path}/`.startsWith(pattern.slice(0, -2)));

  it('the main bundle registers list-check, list-figures and report-session, and their files exist', () => {
    expect([...workers.keys()]).toEqual(expect.arrayContaining(['list-check', 'list-figures', 'report-session']));
    for (const file of workers.values()) expect(existsSync(file), file).toBe(true);
  });

  it('every built worker chunk is registered', () => {
    const chunks = bundleFiles(join(mainDir, 'chunks')).filter((file) => /\.worker-[\w-]+\.js$/.test(file));
    expect(chunks.sort()).toEqual([...workers.values()].sort());
  });

  it.each(['list-check', 'list-figures', 'report-session'])('%s: every file and package it loads is unpacked beside app.asar', (name) => {
    const closure = importClosure(workers.get(name)!);
    expect(closure.packages, 'a worker thread has no electron module').not.toContain('electron');
    const files = closure.files.map((file) => relative(projectDir, file).split('\\').join('/'));
    expect(files.filter((file) => !unpackedFolder(file.slice(0, file.lastIndexOf('/')))), 'add to asarUnpack in electron-builder.yml').toEqual([]);
    const folders = installedPackageClosure(projectDir, closure.packages);
    expect(folders.filter((folder) => !unpackedFolder(folder)), 'add to asarUnpack in electron-builder.yml').toEqual([]);
  });
});
