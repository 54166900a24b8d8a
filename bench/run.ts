/**
 * `npm run bench`: runs the exported `run()` of every bench/*.bench.ts in turn
 * (optionally only those whose name contains an argument: `npm run bench -- reports`)
 * and prints the figures each returns, then issue 10's table filled from them (issue-table.ts).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { issueTable } from './issue-table';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
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
