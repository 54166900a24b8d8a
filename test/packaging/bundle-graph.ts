/**
 * Reads what the built bundles (`out/`) import, so the packaging checks derive
 * the runtime dependencies from the code that ships rather than from a list
 * kept by hand.
 */
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseAst } from 'rollup/parseAst';

const builtins = new Set(builtinModules);

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtins.has(specifier) || builtins.has(specifier.split('/')[0]);
}

export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/');
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

type Node = { type: string; [key: string]: unknown };

function literalValue(node: unknown): string | null {
  const candidate = node as Node | null;
  return candidate && candidate.type === 'Literal' && typeof candidate.value === 'string' ? candidate.value : null;
}

/** Every module specifier a bundle file loads: static and dynamic imports, re-exports and `require('…')` calls. */
export function moduleSpecifiers(code: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const current = node as Node;
    if (['ImportDeclaration', 'ExportAllDeclaration', 'ExportNamedDeclaration', 'ImportExpression'].includes(current.type)) {
      const source = literalValue(current.source);
      if (source !== null) found.push(source);
    }
    if (current.type === 'CallExpression') {
      const callee = current.callee as Node;
      const [first] = current.arguments as unknown[];
      const source = literalValue(first);
      if (callee.type === 'Identifier' && callee.name === 'require' && source !== null) found.push(source);
    }
    for (const [key, value] of Object.entries(current)) {
      if (key !== 'type' && value && typeof value === 'object') visit(value);
    }
  };
  visit(parseAst(code, { allowReturnOutsideFunction: true }));
  return found;
}

export function bundleFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...bundleFiles(path));
    else if (/\.(c|m)?js$/.test(entry)) files.push(path);
  }
  return files.sort();
}

export interface BundleImports {
  /** Bare specifiers (packages), as written. */
  bare: string[];
  /** Relative specifiers resolved to absolute file paths. */
  files: string[];
}

export function importsOf(file: string): BundleImports {
  const bare: string[] = [];
  const files: string[] = [];
  for (const specifier of moduleSpecifiers(readFileSync(file, 'utf8'))) {
    if (isRelative(specifier)) files.push(resolve(dirname(file), specifier));
    else if (!isNodeBuiltin(specifier)) bare.push(specifier);
  }
  return { bare, files };
}

/** The bundle files an entry loads, itself included, and the packages they import. */
export function importClosure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const imports = importsOf(file);
    for (const specifier of imports.bare) packages.add(packageNameOf(specifier));
    pending.push(...imports.files);
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/**
 * The installed folders (relative to the project, e.g. `node_modules/iconv-lite`)
 * of some packages and of everything they depend on at run time, resolved the
 * way Node does (nearest `node_modules` first).
 */
export function installedPackageClosure(projectDir: string, names: string[]): string[] {
  const found = new Set<string>();
  const locate = (name: string, fromDir: string): string | null => {
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
      if (dir === projectDir || dirname(dir) === dir) return null;
    }
  };
  const visit = (name: string, fromDir: string, optional: boolean): void => {
    const folder = locate(name, fromDir);
    if (!folder) {
      if (optional) return;
      throw new Error(`Package ${name} not installed (needed from ${relative(projectDir, fromDir) || '.'})`);
    }
    const key = relative(projectDir, folder).split('\\').join('/');
    if (found.has(key)) return;
    found.add(key);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, folder, Boolean(manifest.optionalDependencies?.[dependency]));
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) visit(dependency, folder, true);
  };
  for (const name of names) visit(name, projectDir, false);
  return [...found].sort();
}

/** The worker entries the main bundle registers: `chunks/<name>.worker-<hash>.js`, by worker name. */
export function registeredWorkerFiles(mainDir: string): Map<string, string> {
  const workers = new Map<string, string>();
  const code = readFileSync(join(mainDir, 'index.js'), 'utf8');
  for (const match of code.matchAll(/["']\.\/(chunks\/([a-z0-9-]+)\.worker-[\w-]+\.js)["']/g)) {
    workers.set(match[2], join(mainDir, match[1]));
  }
  return workers;
}

/** The `asarUnpack` patterns of electron-builder.yml (a plain YAML list of strings). */
export function asarUnpackPatterns(configText: string): string[] {
  const block = /^asarUnpack:\s*\n((?:\s+-\s+.*\n)+)/m.exec(configText);
  if (!block) return [];
  return block[1]
    .split('\n')
    .map((line) => line.replace(/^\s+-\s+/, '').replace(/\s+#.*$/, '').trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
}
