#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + integration tests, end-to-end suite, then one
// closing line "N passed, N failed" that CI reads. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const typecheck = run(npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
if (typecheck === 0) passed += 1;
else {
  failed += 1;
  broken = true;
  console.error('typecheck: FAILED');
}

if (run(npx, ['eslint', '.']) === 0) passed += 1;
else {
  failed += 1;
  broken = true;
  console.error('lint: FAILED');
}

function vitest(project, extraSteps = []) {
  for (const [command, args] of extraSteps) {
    if (run(command, args) !== 0) {
      failed += 1;
      broken = true;
      console.error(`${project}: preparation step failed (${command} ${args.join(' ')})`);
      return;
    }
  }
  const output = join(resultsDir, `${project}.json`);
  const status = run(npx, ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]);
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

vitest('unit');
vitest('packaging');
vitest('e2e', [[npx, ['vite', 'build', '--config', 'test/e2e/vite.renderer.config.ts', '--logLevel', 'warn']]]);

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(broken || failed > 0 ? 1 : 0);
