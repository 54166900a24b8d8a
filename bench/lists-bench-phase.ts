/**
 * One phase of the lists bench in a fresh process, so its time and peak memory
 * (maxRSS) are its own: `node --import tsx bench/lists-bench-phase.ts <phase> <file>`.
 * Prints one JSON line: { phase, ms, rows, maxRssMb }; the `service` phase
 * (import through the list service, then reopen) prints { import, reopen }
 * with their times and the longest pause of the event loop.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { checkListFigures } from '../shared/lists/check-list-bytes';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchDataDir } from './bench-data';
import { createListService } from '../src-main/lists/list-service';
import { createMemorySettingsStore } from '../src-main/settings/memory-settings-store';
import { registerBundledWorker } from '../src-main/workers/worker-locator';
import { childScriptArgs } from '../test/integration/bundled-child';

const [phase, file] = process.argv.slice(2);

function run(): number {
  const bytes = readFileSync(file);
  if (phase === 'papaparse') {
    // The plain parse: decode the Windows-1252 bytes, papaparse with the known delimiter.
    const text = new TextDecoder('windows-1252').decode(bytes);
    return Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data.length - 1;
  }
  // What `list check` runs.
  if (phase === 'check') return checkListFigures(bytes, { fileName: file }).summary.rows;
  throw new Error(`unknown phase ${phase}`);
}

if (phase === 'service') {
  // The worker as the app ships it: one bundled file (electron-vite's chunk), not TypeScript loaded module by module through tsx's loader thread.
  const [workerBundle] = await childScriptArgs(join(import.meta.dirname, '../src-main/workers/list-check.worker.ts'));
  registerBundledWorker('list-check', workerBundle);
  console.log(JSON.stringify(await measureServiceImportAndReopen(file, 0)));
  process.exit(0);
}

const started = performance.now();
const rows = run();
const ms = performance.now() - started;
console.log(JSON.stringify({ phase, ms: Math.round(ms), rows, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));

/**
 * How long the main thread went without running a 5 ms ticker while `work`
 * ran (what Windows sees as "not responding"), and the same seen by
 * perf_hooks' event-loop delay histogram (its maximum).
 */
async function measureStall<T>(work: () => Promise<T>): Promise<{ totalMs: number; longestStallMs: number; eventLoopDelayMaxMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const tickMs = 5;
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const at = performance.now();
    longest = Math.max(longest, at - last - tickMs);
    last = at;
  }, tickMs);
  const started = performance.now();
  await work();
  const totalMs = Math.round(performance.now() - started);
  longest = Math.max(longest, performance.now() - last - tickMs);
  clearInterval(ticker);
  histogram.disable();
  return { totalMs, longestStallMs: Math.round(longest), eventLoopDelayMaxMs: Math.round(histogram.max / 1e6) };
}

async function measureServiceImportAndReopen(file: string, workerThresholdBytes: number) {
  const dataDir = join(benchDataDir, 'lists-service');
  rmSync(dataDir, { recursive: true, force: true });
  const deps = {
    dataDir,
    appVersion: 'bench',
    settings: createMemorySettingsStore(),
    log: (...parts: unknown[]) => console.error(...parts),
    emit: () => {},
    dialogs: { chooseOpenFile: async () => file, chooseSaveFile: async () => null },
  };
  let id = '';
  const importing = createListService(deps, { workerThresholdBytes });
  // Until the summary and the first grid page are there, as the screen shows them.
  const imported = await measureStall(async () => {
    id = (await importing.importFromDialog())!.id;
    await importing.rows({ id, offset: 0, limit: 100, filter: 'all' });
  });
  await importing.flush();
  const reopening = createListService(deps, { workerThresholdBytes });
  const reopened = await measureStall(async () => {
    await reopening.open(id);
    await reopening.rows({ id, offset: 0, limit: 100, filter: 'all' });
  });
  rmSync(dataDir, { recursive: true, force: true });
  return { import: imported, reopen: reopened };
}
