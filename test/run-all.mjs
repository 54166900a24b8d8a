#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + integration tests, end-to-end suite, then one
// closing line "N passed, N failed" that CI reads. Exits non-zero on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = mkdtempSync(join(tmpdir(), 'dropdesk-test-'));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', env: process.env, shell: process.platform === 'win32' }).status ?? 1;

// First command after a clone: install what is missing, exactly as `npm install` would.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const declared = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
const missing = existsSync(join('node_modules', '.package-lock.json'))
  ? declared.filter((name) => !existsSync(join('node_modules', name, 'package.json')))
  : ['node_modules'];
if (missing.length > 0) {
  console.error(`npm test: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''} missing — running npm install first.`);
  if (run(npm, ['install', '--no-audit', '--no-fund']) !== 0) {
    console.error('npm test: npm install failed (its messages are above).');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

// A command whose output goes to ours line by line, each line tagged, when two run at once.
function runTagged(tag, command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env, shell: process.platform === 'win32' });
    for (const [stream, sink] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      let pending = '';
      stream.on('data', (chunk) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop();
        for (const line of lines) sink.write(`[${tag}] ${line}\n`);
      });
      stream.on('end', () => pending && sink.write(`[${tag}] ${pending}\n`));
    }
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

// tsc and eslint use one core each: side by side when there are two.
const side = availableParallelism() >= 2;
const checks = [
  ['typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', npx, ['eslint', '.']],
];
const checkStatuses = side
  ? await Promise.all(checks.map(([tag, command, args]) => runTagged(tag, command, args)))
  : checks.map(([, command, args]) => run(command, args));
checks.forEach(([tag], index) => {
  if (checkStatuses[index] === 0) passed += 1;
  else {
    failed += 1;
    broken = true;
    console.error(`${tag}: FAILED`);
  }
});

async function vitest(project, extraSteps = [], tagged = false) {
  const exec = tagged ? (command, args) => runTagged(project, command, args) : async (command, args) => run(command, args);
  for (const [command, args] of extraSteps) {
    if ((await exec(command, args)) !== 0) {
      failed += 1;
      broken = true;
      console.error(`${project}: preparation step failed (${command} ${args.join(' ')})`);
      return;
    }
  }
  const output = join(resultsDir, `${project}.json`);
  const status = await exec(npx, ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]);
  if (!existsSync(output)) {
    failed += 1;
    broken = true;
    return;
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (status !== 0) broken = true;
}

const e2eBuild = [[npx, ['vite', 'build', '--config', 'test/e2e/vite.renderer.config.ts', '--logLevel', 'warn']]];
// unit + packaging beside the e2e suite (its files one after another) only with the cores for both.
if (availableParallelism() >= 4) {
  await Promise.all([
    (async () => {
      await vitest('unit', [], true);
      await vitest('packaging', [], true);
    })(),
    vitest('e2e', e2eBuild, true),
  ]);
} else {
  await vitest('unit');
  await vitest('packaging');
  await vitest('e2e', e2eBuild);
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(broken || failed > 0 ? 1 : 0);
