/**
 * Offline packaging check: electron-builder packs a Linux `dir` build of the
 * `out/` that build-once.ts produced, around a stand-in Electron (nothing is
 * downloaded), with the project's own electron-builder.yml. Then the archive
 * is read back: only the built files, package.json and the runtime
 * dependencies; under 30 MB; the fuses as configured; the workers unpacked and
 * runnable from there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { asarUnpackedPath } from '../../src-main/workers/asar-unpacked-path';
import { runWorker } from '../../src-main/workers/run-worker';
import type { ListCheckWorkerInput, ListCheckWorkerResult } from '../../src-main/lists/list-check-job';
import { installedPackageClosure, registeredWorkerFiles } from './bundle-graph';
import { createStandInElectron } from './stand-in-electron';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The Electron version electron-builder would read, without needing the binary. */
function electronVersion(): string {
  const installed = join(projectDir, 'node_modules/electron/package.json');
  if (existsSync(installed)) return (JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version;
  return manifest.devDependencies.electron.replace(/^[^\d]*/, '');
}

const ON = 49;
const OFF = 48;
// Outside the project: nothing above the packed app may lend it a node_modules.
const workDir = mkdtempSync(join(tmpdir(), 'dropdesk-pack-'));
const appDir = join(workDir, 'dist/linux-unpacked');
const resourcesDir = join(appDir, 'resources');
const asarPath = join(resourcesDir, 'app.asar');
let files: string[] = [];

function folderSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const path = join(dir, entry.name);
    return total + (entry.isDirectory() ? folderSize(path) : statSync(path).size);
  }, 0);
}

/** `/node_modules/a/node_modules/@s/b/lib/x.js` → `@s/b` (the innermost package); '' for `/node_modules` itself. */
function packageFolderName(path: string): string {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at === -1 || at === parts.length - 1) return '';
  if (!parts[at + 1].startsWith('@')) return parts[at + 1];
  return at + 2 < parts.length ? parts.slice(at + 1, at + 3).join('/') : '';
}

beforeAll(() => {
  const electronDist = createStandInElectron(join(workDir, 'electron-dist'));
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const build = spawnSync(
    npx,
    [
      'electron-builder',
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${electronVersion()}`,
      `-c.directories.output=${join(workDir, 'dist')}`,
      '-c.publish.owner=dropdesk',
      '-c.publish.repo=dropdesk',
    ],
    { cwd: projectDir, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
  if (build.status !== 0) throw new Error(`electron-builder failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  files = asar.listPackage(asarPath, { isPack: false }).map((file) => file.split('\\').join('/'));
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('app.asar of the packed app', () => {
  it('holds the built out/ files and package.json', () => {
    for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) expect(files).toContain(file);
    const packed = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8')) as { version: string; main: string };
    expect(packed.version).toBe(manifest.version);
    expect(packed.main).toBe('out/main/index.js');
  });

  it('holds nothing but out/, package.json and the runtime dependencies with what they depend on', () => {
    // electron-builder hoists the production tree its own way: compare package names, not folders.
    const allowed = new Set(installedPackageClosure(projectDir, Object.keys(manifest.dependencies)).map(packageFolderName));
    const packaged = new Set(files.filter((file) => file.startsWith('/node_modules/')).map(packageFolderName).filter(Boolean));
    expect([...packaged].filter((name) => !allowed.has(name)).sort()).toEqual([]);
    expect(files.filter((file) => !['/package.json', '/out', '/node_modules'].includes(file) && !/^\/(out|node_modules)\//.test(file))).toEqual([]);
    for (const name of Object.keys(manifest.dependencies)) expect(packaged.has(name), name).toBe(true);
  });

  it('holds no devDependency (react, recharts, zustand, i18next… are bundled into out/renderer by Vite)', () => {
    const runtime = new Set(installedPackageClosure(projectDir, Object.keys(manifest.dependencies)));
    const devOnly = Object.keys(manifest.devDependencies).filter((name) => !runtime.has(`node_modules/${name}`));
    expect(devOnly).toEqual(expect.arrayContaining(['react', 'react-dom', 'recharts', 'zustand', 'i18next', 'electron', 'electron-builder', 'vitest']));
    expect(devOnly.filter((name) => files.some((file) => file === `/node_modules/${name}` || file.startsWith(`/node_modules/${name}/`)))).toEqual([]);
  });

  it('holds no tests, sources, source maps or native .node files', () => {
    expect(files.filter((file) => /\.(ts|tsx|mts|cts|map|node)$/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.test\.[cm]?js$|\/(test|tests|__tests__)\//.test(file))).toEqual([]);
    expect(files.filter((file) => /^\/(src-main|src-renderer|shared|test|bench)\//.test(file))).toEqual([]);
    // Optional native add-ons (ssh2's cpu-features and nan, bunyan's dtrace-provider) stay out.
    expect(files.filter((file) => /\/node_modules\/(cpu-features|buildcheck|nan|dtrace-provider)(\/|$)/.test(file))).toEqual([]);
  });

  it('its node_modules load on their own: every runtime dependency imports from the packed tree', () => {
    const extracted = join(workDir, 'extracted');
    asar.extractAll(asarPath, extracted);
    // Packages that need Electron itself can only be loaded inside it: they must fail on `electron` and nothing else.
    const script = `for (const name of ${JSON.stringify(Object.keys(manifest.dependencies))}) {
      try { await import(name); console.log(name + ': ok'); }
      catch (error) { console.log(name + ': ' + (/['"]electron['"]/.test(String(error.message)) ? 'needs electron' : 'FAILED ' + error.message)); }
    }`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: extracted, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    console.error(`[packaging] ${run.stdout.trim().split('\n').join(', ')}`);
    const failed = run.stdout.split('\n').filter((line) => line.includes('FAILED'));
    expect(failed).toEqual([]);
    expect(run.stdout).toContain('ssh2: ok');
    expect(run.stdout).toContain('ftp-srv: ok');
  });

  it('reads an .xlsx and loads the unzip chain of exceljs from the packed tree (the pruned es-abstract editions are not needed)', () => {
    const extracted = join(workDir, 'extracted');
    if (!existsSync(extracted)) asar.extractAll(asarPath, extracted);
    const script = `const ExcelJS = (await import('exceljs')).default;
      for (const name of ['unzipper', 'typedarray.prototype.slice', 'arraybuffer.prototype.slice', 'string.prototype.trim', 'reflect.getprototypeof']) await import(name);
      const book = new ExcelJS.Workbook();
      book.addWorksheet('Clients').addRows([['Prénom', 'Portable'], ['Élodie', '0612345678']]);
      const again = new ExcelJS.Workbook();
      await again.xlsx.load(await book.xlsx.writeBuffer());
      console.log(JSON.stringify(again.worksheets[0].getRow(2).values));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: extracted, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('[null,"Élodie","0612345678"]');
  });

  it('weighs less than 30 MB', () => {
    const size = statSync(asarPath).size;
    const unpacked = folderSize(`${asarPath}.unpacked`);
    console.error(`[packaging] app.asar ${(size / 1_000_000).toFixed(1)} MB (${files.length} entries), app.asar.unpacked ${(unpacked / 1_000_000).toFixed(1)} MB`);
    expect(size).toBeLessThan(30 * 1024 * 1024);
  });

  it('carries the update feed (GitHub releases)', () => {
    const feed = readFileSync(join(resourcesDir, 'app-update.yml'), 'utf8');
    expect(feed).toMatch(/^provider: github$/m);
    expect(feed).toMatch(/^owner: dropdesk$/m);
  });
});

describe('Electron fuses of the packed executable', () => {
  it('are flipped as electron-builder.yml says', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'dropdesk'));
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      enableNodeOptionsEnvironmentVariable: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      enableNodeCliInspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
      onlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      enableCookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
    }).toEqual({ runAsNode: OFF, enableNodeOptionsEnvironmentVariable: OFF, enableNodeCliInspectArguments: OFF, onlyLoadAppFromAsar: ON, enableCookieEncryption: ON });
  });
});

describe('worker files of the packed app', () => {
  const workers = registeredWorkerFiles(join(projectDir, 'out/main'));
  const packedPath = (file: string) => join(asarPath, relative(projectDir, file));

  it.each(['list-check', 'list-figures', 'report-session'])('%s is found unpacked beside app.asar', (name) => {
    const inArchive = packedPath(workers.get(name)!);
    const unpacked = asarUnpackedPath(inArchive);
    expect(unpacked).not.toBe(inArchive);
    expect(existsSync(unpacked), unpacked).toBe(true);
  });

  it('list-check runs from app.asar.unpacked (its chunks and packages are all there) and checks a Windows-1252 list', async () => {
    const entry = { path: asarUnpackedPath(packedPath(workers.get('list-check')!)), loader: 'native' as const };
    const bytes = new Uint8Array(readFileSync(join(projectDir, 'test/fixtures/lists/excel-windows-1252.csv')));
    const result = await runWorker<ListCheckWorkerInput, never, ListCheckWorkerResult>(entry, { kind: 'bytes', fileName: 'excel-windows-1252.csv', bytes });
    expect(result.kind).toBe('bytes');
    if (result.kind !== 'bytes') return;
    expect(result.encoding).toBe('windows-1252');
    expect(result.table.columns).toContain('Prénom');
    expect(result.table.summary).toMatchObject({ valid: 10, invalid: 1, duplicates: 1 });
  });
});
