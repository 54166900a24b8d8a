/**
 * Report fetching against the in-process SFTP server: three versions of one
 * campaign (one already archived, one Windows-1252 with an upper-case
 * '.CSV', one UTF-8), a report of another campaign beside them, the real
 * worker parser. Each version is downloaded once, the latest and its diff are
 * right, the opt-outs are extracted, the CLI prints the contract.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAndSummarizeReport } from '../../../shared/reports/parse-and-summarize-report';
import { diffReportSummaries } from '../../../shared/reports/diff-report-summaries';
import { exportReportRowsCsv, filterReportRows } from '../../../shared/reports/report-drill-down';
import { extractOptOuts } from '../../../shared/reports/opt-outs';
import type { GenerateReportOptions } from '../../../shared/reports/generate-report';
import { createSftpFileSystem } from './sftp-factory';
import { createReportService, type ReportService } from '../../../src-main/reports/report-service';
import { createOptOutService, type OptOutService } from '../../../src-main/opt-outs/opt-out-service';
import { createConnectionService } from '../../../src-main/connections/connection-service';
import { runCli } from '../../../src-main/cli/main';
import { SftpTestServer } from '../servers/sftp-test-server';
import { placeReport, seedConnection, seedJob, PASSWORD_ENV, type PlacedReport } from './report-fixtures';
import type { Dialogs } from '../../../src-main/main-deps';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dropName = '428992-MEDIAFLOWSMS-SOLDES HIVER_20241126100000.csv';
const campaignId = '636956';
const jobId = 'jreports0001';
const allMySmsJobId = 'jreports0002';
const pendingJobId = 'jreports0003';
// 40 rows, each code 4 times: final figures are known by hand.
const codes = [21, 21, 21, 21, 21, 17, 20, 14, 2, 999];
const base: Omit<GenerateReportOptions, 'generatedAt'> = { channel: 'sms', dropName, campaignId, sentAt: '2024-11-26T09:00:00Z', rows: 40, codes, seed: 7 };

let server: SftpTestServer;
let dataDir: string;
let service: ReportService;
let optOuts: OptOutService;
let downloads: string[];
let versions: PlacedReport[];
const saveQueue: string[] = [];
const dialogs: Dialogs = {
  chooseOpenFile: async () => null,
  chooseSaveFile: async () => saveQueue.shift() ?? null,
};

beforeAll(async () => {
  server = await SftpTestServer.start();
  await server.mkdirs('/Campagnes/SMS', '/Campagnes/VMS', '/Campagnes/Report/archive');
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-reports-'));
  const connection = await seedConnection(dataDir, server);
  await seedJob(dataDir, { id: jobId, campaignName: 'Soldes d’hiver', remoteName: dropName, campaignId, connection, acceptedAt: '2024-11-26T09:00:00Z' });
  await seedJob(dataDir, {
    id: allMySmsJobId,
    providerId: 'allmysms-ftp',
    campaignName: 'Rappel RDV',
    remoteName: 'rappel.csv',
    campaignId: null,
    connection,
    acceptedAt: '2024-11-27T09:00:00Z',
  });
  await seedJob(dataDir, { id: pendingJobId, campaignName: 'En attente', remoteName: 'x.csv', campaignId: null, connection, acceptedAt: '2024-11-27T09:00:00Z', state: 'awaiting-ack' });
  versions = [
    await placeReport(server, { ...base, generatedAt: '2024-11-26T09:15:00Z' }, { folder: '/Campagnes/Report/archive' }),
    await placeReport(server, { ...base, generatedAt: '2024-11-27T09:00:00Z' }, { encoding: 'windows-1252', upperCaseExtension: true }),
    await placeReport(server, { ...base, generatedAt: '2024-11-29T09:00:00Z' }),
  ];
  // Another campaign's report, and the same drop name with another campaign number: never ours.
  await placeReport(server, { ...base, dropName: '428992-MEDIAFLOWSMS-AUTRE_20241126100000.csv', generatedAt: '2024-11-29T09:00:00Z' });
  await placeReport(server, { ...base, campaignId: '999999', generatedAt: '2024-11-29T10:00:00Z' });
  downloads = [];
  optOuts = createOptOutService({ dataDir, dialogs });
  service = createReportService({
    dataDir,
    connections: createConnectionService({ dataDir }),
    optOuts,
    dialogs,
    fileSystemFactory: (config) => createSftpFileSystem(config, downloads),
    now: () => new Date('2024-11-29T12:00:00Z'),
  });
});

afterAll(async () => {
  await service?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('fetching MediasFlow reports', () => {
  it('downloads every version of the campaign once, from Report/ and Report/archive/', async () => {
    const outcome = await service.fetchNew(jobId);
    expect(outcome.newVersions.map((version) => version.fileName)).toEqual(versions.map((version) => version.fileName));
    expect(outcome.newVersions.map((version) => version.archived)).toEqual([true, false, false]);
    expect(outcome.newVersions.map((version) => version.encoding)).toEqual(['utf-8', 'windows-1252', 'utf-8']);
    expect(downloads).toEqual(versions.map((version) => version.remotePath));
    const stored = (await readdir(join(dataDir, 'reports', jobId))).sort();
    expect(stored).toEqual([...versions.map((version) => version.fileName), 'state.json'].sort());
    for (const version of versions) expect(new Uint8Array(await readFile(join(dataDir, 'reports', jobId, version.fileName)))).toEqual(version.bytes);
  });

  it('does not download anything again', async () => {
    const outcome = await service.fetchNew(jobId);
    expect(outcome.newVersions).toEqual([]);
    expect(downloads).toHaveLength(3);
  });

  it('shows the latest version and how it changed since the previous one', async () => {
    const detail = await service.get(jobId);
    const oracle = versions.map((version) => parseAndSummarizeReport(version.bytes, version.fileName).summary);
    expect(detail.latest?.fileName).toBe(versions[2].fileName);
    expect(detail.latest?.summary).toEqual(oracle[2]);
    // Final figures, by hand: 40 rows, each code 4 times.
    expect(detail.latest?.summary.categories).toEqual({ delivered: 24, inProgress: 0, sentUnconfirmed: 0, undelivered: 4, notSent: 4, blacklisted: 4, other: 4 });
    expect(detail.latest?.summary.byCode).toEqual({ 2: 4, 14: 4, 17: 4, 20: 4, 21: 20, 999: 4 });
    expect(detail.latest?.summary.stop).toBe(4);
    expect(detail.diff).toEqual(diffReportSummaries(oracle[1], oracle[2]));
    expect(detail.evolution.map((point) => point.delivered)).toEqual(oracle.map((summary) => summary.categories.delivered));
    expect(detail.versions).toHaveLength(3);
    expect(detail.campaign).toMatchObject({ availability: 'available', versions: 3, campaignId, headline: { recipients: 40, delivered: 24, stop: 4 } });
  });

  it('feeds STOP and blacklisted numbers to the opt-out list', async () => {
    const list = await optOuts.read();
    const expected = new Map<string, string>();
    for (const version of versions) {
      const { parsed, file } = parseAndSummarizeReport(version.bytes, version.fileName);
      for (const entry of extractOptOuts(parsed, { campaignId, reportDate: file!.generatedAt })) if (!expected.has(entry.number)) expected.set(entry.number, entry.reason);
    }
    expect(list.entries.map((entry) => [entry.number, entry.reason])).toEqual([...expected.entries()].sort(([a], [b]) => a.localeCompare(b)));
    expect(list.entries.filter((entry) => entry.reason === 'stop')).toHaveLength(4);
    expect(list.entries.filter((entry) => entry.reason === 'blacklist')).toHaveLength(4);
    expect(list.entries.every((entry) => entry.sourceCampaign === campaignId)).toBe(true);
  });

  it('pages, filters and exports the recipients of a category or a code', async () => {
    const page = await service.rows({ jobId, category: 'blacklisted', offset: 0, limit: 100 });
    expect(page.total).toBe(4);
    expect(page.columns.slice(0, 4)).toEqual(['REF_LIST', 'ID_LINE', 'INT_MOBILE', 'STATUS_CODE']);
    expect(page.rows.every((row) => row[3] === '14')).toBe(true);
    expect((await service.rows({ jobId, code: '999', offset: 0, limit: 100 })).total).toBe(4);
    const target = join(dataDir, 'export-undelivered.csv');
    saveQueue.push(target);
    expect(await service.exportRows({ jobId, filter: { category: 'other' } })).toEqual({ path: target, rows: 4 });
    const { parsed } = parseAndSummarizeReport(versions[2].bytes, versions[2].fileName);
    expect(await readFile(target, 'utf8')).toBe(exportReportRowsCsv(parsed, filterReportRows(parsed, { category: 'other' })));
  });

  it('picks up a version published later', async () => {
    const later = await placeReport(server, { ...base, generatedAt: '2024-12-03T09:00:00Z' });
    const result = await service.refresh({ jobId });
    expect(result.jobs).toEqual([{ jobId, newVersions: 1, versions: 4, error: null }]);
    expect(downloads.at(-1)).toBe(later.remotePath);
    expect((await service.get(jobId)).diff?.changed).toBe(false);
  });

  it('says AllMySMS publishes no report file, and refuses a job not accepted yet', async () => {
    const list = await service.list();
    expect(list.find((view) => view.jobId === allMySmsJobId)).toMatchObject({ availability: 'not-published', versions: 0, nextCheckAt: null });
    expect(list.some((view) => view.jobId === pendingJobId)).toBe(false);
    await expect(service.fetchNew(allMySmsJobId)).rejects.toMatchObject({ code: 'report-not-published' });
    await expect(service.fetchNew(pendingJobId)).rejects.toMatchObject({ code: 'report-not-accepted' });
    await expect(service.fetchNew('jnosuchjob99')).rejects.toMatchObject({ code: 'report-job-not-found' });
  });

  it('schedules the next automatic look after the last one (+7 days), and looks only when due', async () => {
    const view = (await service.list()).find((candidate) => candidate.jobId === jobId)!;
    expect(view.lastCheckedAt).toBe('2024-11-29T12:00:00.000Z');
    expect(view.nextCheckAt).toBe('2024-12-03T09:00:00.000Z');
    expect(await service.runDue()).toEqual({ checked: [], failed: [] });
  });

  it('reads a VMS report (§7 columns, §8 codes): 116 is blacklisted and feeds the opt-outs', async () => {
    const vmsDrop = '2001-MEDIAFLOWVMS-MESSAGE VOCAL_20241126100000.csv';
    const vmsJob = 'jreports0004';
    const connection = { id: 'c-test', name: 'MediasFlow (test)' };
    await seedJob(dataDir, { id: vmsJob, channel: 'vms', idDelivery: 'MEDIAFLOWVMS', campaignName: 'Message vocal', remoteName: vmsDrop, campaignId: '700001', connection, acceptedAt: '2024-11-26T09:00:00Z' });
    const placed = await placeReport(
      server,
      { channel: 'vms', dropName: vmsDrop, campaignId: '700001', generatedAt: '2024-11-27T09:00:00Z', rows: 20, codes: [21, 21, 117, 116, 2], seed: 3 },
      { encoding: 'windows-1252', upperCaseExtension: true },
    );
    const outcome = await service.fetchNew(vmsJob);
    expect(outcome.newVersions.map((version) => version.fileName)).toEqual([placed.fileName]);
    const summary = (await service.get(vmsJob)).latest!.summary;
    expect(summary.channel).toBe('vms');
    expect(summary.categories).toEqual({ delivered: 8, inProgress: 0, sentUnconfirmed: 0, undelivered: 4, notSent: 4, blacklisted: 4, other: 0 });
    expect(summary.stop).toBe(0);
    const fromVms = (await optOuts.read()).entries.filter((entry) => entry.sourceCampaign === '700001');
    expect(fromVms).toHaveLength(4);
    expect(fromVms.every((entry) => entry.reason === 'blacklist' && entry.code === 116)).toBe(true);
    const page = await service.rows({ jobId: vmsJob, code: '116', offset: 0, limit: 10 });
    expect(page.columns).toEqual(['REF_LIST', 'ID_LINE', 'INT_MOBILE', 'STATUS_CODE', 'STATUS_TEXT', 'DELIVERYDATE', 'MF_ALLOW', 'MF_VALID', 'MF_COUNTRY', 'MOBILE', 'CIVILITE', 'PRENOM', 'NOM', 'VILLE', 'MONTANT', 'COMMENTAIRE']);
    expect(page.total).toBe(4);
  });

  it('summarises across campaigns', async () => {
    expect(await service.overview({})).toMatchObject({ campaigns: 2, recipients: 60, delivered: 32, stop: 4 });
    const overview = await service.overview({ channel: 'sms' });
    expect(overview).toMatchObject({ campaigns: 1, recipients: 40, delivered: 24, stop: 4 });
    expect(overview.overTime).toEqual([{ day: '2024-11-26', recipients: 40, delivered: 24, deliveredRate: 0.6, campaigns: 1 }]);
    expect(overview.byConnection[0]).toMatchObject({ label: 'MediasFlow (test)', recipients: 40 });
    expect((await service.overview({ from: '2024-11-27' })).campaigns).toBe(0);
    expect((await service.overview({ from: '2024-11-26', to: '2024-11-26', channel: 'sms' })).campaigns).toBe(1);
    expect((await service.overview({ channel: 'vms' })).campaigns).toBe(1);
    expect((await service.overview({})).byDelivery.map((group) => group.key).sort()).toEqual(['MEDIAFLOWSMS', 'MEDIAFLOWVMS']);
  });
});

describe('npm run cli -- report', () => {
  function capture() {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (text: string) => void (out.stdout += text), stderr: (text: string) => void (out.stderr += text), stdin: process.stdin } };
  }

  it('prints the contract in-process', async () => {
    const { out, io } = capture();
    expect(await runCli(['report', '--job', jobId, '--json', '--data-dir', dataDir], io)).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json).toEqual({
      campaignId,
      versions: 4,
      latest: expect.stringMatching(/_636956_20241203100000\.csv$/),
      recipients: 40,
      categories: { delivered: 24, inProgress: 0, sentUnconfirmed: 0, undelivered: 4, notSent: 4, blacklisted: 4, other: 4 },
      stop: 4,
      clicks: expect.any(Number),
      byCode: { 2: 4, 14: 4, 17: 4, 20: 4, 21: 20, 999: 4 },
      jobId,
      newVersions: 0,
    });
  });

  it('refuses an unknown job, a job not accepted yet and an AllMySMS job with exit 2', async () => {
    for (const [job, pattern] of [
      ['jnosuchjob99', /n'existe pas/],
      [pendingJobId, /pas encore été acceptée/],
      [allMySmsJobId, /AllMySMS ne publie pas/],
    ] as const) {
      const { out, io } = capture();
      expect(await runCli(['report', '--job', job, '--json', '--data-dir', dataDir], io)).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(pattern);
    }
  });

  it('prints pure JSON on stdout as a subprocess', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'report', '--job', jobId, '--json', '--data-dir', dataDir], {
      cwd: repoRoot,
      env: { ...process.env, [PASSWORD_ENV]: server.password },
    });
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ campaignId, versions: 4, recipients: 40, stop: 4 });
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });
});
