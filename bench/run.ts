/**
 * `npm run bench`: runs the exported `run()` of the benches that fill issue
 * 10's table (count, lists, uploads, validation) in turn and prints the
 * figures each returns, then the table (issue-table.ts). `npm run bench --
 * reports` runs only the benches whose name contains an argument; `--all`
 * runs every bench/*.bench.ts (the reports benches too); `--full` also times
 * count's comparison variants.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { issueTable } from './issue-table';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
// Arguments starting with -- are options a bench reads itself (count's --full), not name filters.
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const all = process.argv.includes('--all');
/** What a plain `npm run bench` runs: the benches issue 10's table reads (issue-table.ts). */
const issueTableBenches = new Set(['count.bench.ts', 'lists.bench.ts', 'uploads.bench.ts', 'validation.bench.ts']);
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => (only.length > 0 ? only.some((part) => name.includes(part)) : all || issueTableBenches.has(name)))
  .sort();

const byBench: Record<string, Record<string, unknown>> = {};
const benchStarted = performance.now();
for (const file of files) {
  const module = (await import(pathToFileURL(`${benchDir}${file}`).href)) as { run?: () => Promise<unknown> };
  if (typeof module.run !== 'function') {
    console.error(`${file}: no exported run(), skipped`);
    continue;
  }
  const started = performance.now();
  const figures = await module.run();
  console.log(`${file}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (figures && typeof figures === 'object') {
    console.log(JSON.stringify(figures));
    byBench[file] = figures as Record<string, unknown>;
  }
}

console.log(`\nIssue 10, this run (${((performance.now() - benchStarted) / 60_000).toFixed(1)} min in all):`);
console.log(issueTable(byBench));
