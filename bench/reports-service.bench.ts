/**
 * Delivery reports through the main-process service, end to end, on the
 * 1,000,000-row report of bench/reports.bench.ts: "download" (from a local
 * stand-in for the SFTP server) → atomic save → parse in a worker thread →
 * state.json → opt-outs, then the screens' requests (summary, a page of a
 * category, a search, a CSV export) and a cold re-parse from disk. While the
 * worker parses, a 10 ms timer on the main thread measures how late it fires:
 * that is how long the window would wait for main (the "freeze").
 * Figures go to stdout; nothing is asserted.
 */
import { createReadStream, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { formatReportFileName } from '../shared/reports/report-file-name';
import type { RemoteFileSystem } from '../src-main/connectors/remote-file-system';
import { createOptOutService } from '../src-main/opt-outs/opt-out-service';
import { createReportService } from '../src-main/reports/report-service';
import { seedJob } from '../test/integration/reports/report-fixtures';
import { ensureBenchReport, reportOptions } from './reports.bench';

const ms = (value: number): string => `${Math.round(value).toLocaleString('en')} ms`;

/** Serves one local file as /Campagnes/Report/<name>, like the provider's folder. */
function localReportFolder(path: string, name: string): RemoteFileSystem {
  const size = statSync(path).size;
  const missing = () => Promise.reject(Object.assign(new Error('not used'), { kind: 'unexpected' }));
  return {
    protocol: 'sftp',
    host: '127.0.0.1',
    port: 0,
    passwordTravelsInClear: false,
    connect: async () => {},
    close: async () => {},
    list: async (folder) => (folder === '/Campagnes/Report' ? [{ name, size, isDirectory: false }] : []),
    stat: async () => null,
    mkdirp: missing,
    upload: missing,
    rename: missing,
    remove: missing,
    readText: missing,
    download: (_remote, destination) => pipeline(createReadStream(path), destination),
  };
}

/** Longest delay of a 10 ms main-thread timer while `work` runs. */
async function mainThreadLag<T>(work: () => Promise<T>): Promise<{ value: T; maxLagMs: number; ticks: number }> {
  let maxLagMs = 0;
  let ticks = 0;
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - expected);
    expected = now + 10;
    ticks++;
  }, 10);
  try {
    return { value: await work(), maxLagMs, ticks };
  } finally {
    clearInterval(timer);
  }
}

export async function run(): Promise<Record<string, number>> {
  const ROWS = typeof reportOptions.rows === 'number' ? reportOptions.rows : reportOptions.rows.length;
  console.log(`reports service: ${ROWS.toLocaleString('en')}-row report through the worker, end to end`);
  const source = await ensureBenchReport();
  const dropName = basename(String(reportOptions.dropName));
  const remoteName = formatReportFileName(dropName, reportOptions.campaignId, '20241117150000');
  const dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-bench-reports-'));
  try {
    const jobId = 'jbenchreport1';
    await seedJob(dataDir, {
      id: jobId,
      campaignName: 'Bench million',
      remoteName: dropName,
      campaignId: String(reportOptions.campaignId),
      connection: { id: 'c-bench', name: 'Bench' },
      acceptedAt: '2024-11-16T14:00:00Z',
      recipients: ROWS,
    });
    const make = () =>
      createReportService({
        dataDir,
        connections: { getStored: async () => ({ id: 'c-bench' }) as never, resolveConfig: async () => ({}) as never },
        optOuts: createOptOutService({ dataDir }),
        fileSystemFactory: () => localReportFolder(source, remoteName),
      });
    const service = make();

    let started = performance.now();
    const fetched = await mainThreadLag(() => service.fetchNew(jobId));
    const fetchMs = performance.now() - started;
    const summary = fetched.value.state.versions[0].summary;
    console.log(`  fetch + save + worker parse + state + opt-outs   ${ms(fetchMs).padStart(10)}   main thread: longest stall ${ms(fetched.maxLagMs)} over ${fetched.ticks} ticks`);
    console.log(`    ${summary.recipients.toLocaleString('en')} recipients, ${summary.categories.delivered.toLocaleString('en')} delivered, ${summary.stop} STOP`);

    started = performance.now();
    await service.get(jobId);
    const getMs = performance.now() - started;
    console.log(`  reports:get (figures, diff, evolution)           ${ms(getMs).padStart(10)}`);

    started = performance.now();
    const page = await service.rows({ jobId, category: 'undelivered', offset: 0, limit: 200 });
    const categoryPageMs = performance.now() - started;
    started = performance.now();
    await service.rows({ jobId, category: 'undelivered', offset: 20_000, limit: 200 });
    const nextPageMs = performance.now() - started;
    console.log(`  reports:rows undelivered, first page (filter)    ${ms(categoryPageMs).padStart(10)}   ${page.total.toLocaleString('en')} rows`);
    console.log(`  reports:rows undelivered, page at 20,000 (cached) ${ms(nextPageMs).padStart(9)}`);
    started = performance.now();
    const searched = await mainThreadLag(() => service.rows({ jobId, search: 'lefèvre', offset: 0, limit: 200 }));
    const searchMs = performance.now() - started;
    console.log(`  reports:rows search "lefèvre"                     ${ms(searchMs).padStart(9)}   ${searched.value.total.toLocaleString('en')} rows, main thread: longest stall ${ms(searched.maxLagMs)}`);
    const exportPath = join(dataDir, 'export.csv');
    const exporting = createReportService({
      dataDir,
      connections: { getStored: async () => ({ id: 'c-bench' }) as never, resolveConfig: async () => ({}) as never },
      optOuts: createOptOutService({ dataDir }),
      dialogs: { chooseOpenFile: async () => null, chooseSaveFile: async () => exportPath },
    });
    await exporting.rows({ jobId, offset: 0, limit: 1 });
    started = performance.now();
    const exported = await mainThreadLag(() => exporting.exportRows({ jobId, filter: { category: 'delivered' } }));
    const exportMs = performance.now() - started;
    console.log(`  export CSV of ${exported.value?.rows.toLocaleString('en')} delivered rows          ${ms(exportMs).padStart(9)}   main thread: longest stall ${ms(exported.maxLagMs)}`);
    await exporting.close();

    const cold = make();
    started = performance.now();
    const coldRead = await mainThreadLag(() => cold.rows({ jobId, offset: 0, limit: 200 }));
    const coldMs = performance.now() - started;
    console.log(`  cold reports:rows (worker re-parses from disk)   ${ms(coldMs).padStart(10)}   main thread: longest stall ${ms(coldRead.maxLagMs)}`);
    await Promise.all([service.close(), cold.close()]);
    return {
      reportServiceRows: ROWS,
      fetchParseStoreMs: fetchMs,
      fetchMainThreadMaxStallMs: fetched.maxLagMs,
      getMs,
      categoryFirstPageMs: categoryPageMs,
      cachedPageMs: nextPageMs,
      searchMs,
      coldRowsMs: coldMs,
      coldMainThreadMaxStallMs: coldRead.maxLagMs,
      searchMainThreadMaxStallMs: searched.maxLagMs,
      exportMs,
      exportMainThreadMaxStallMs: exported.maxLagMs,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
