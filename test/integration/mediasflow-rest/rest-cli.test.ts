/**
 * The CLI contract with a mediasflow-rest connection, against the stateful
 * fake MediasFlow on 127.0.0.1: connection add → drop → queue run
 * --until-idle (accepted with campaignId) → queue status → report --job →
 * a scheduled drop cancelled with queue cancel (and "too late" → exit 2) →
 * opt-outs sync [--push]. One command runs in the real CLI process.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatParisDateTime } from '@shared/scheduling/paris-time';
import { runCli } from '../../../src-main/cli/main';
import { createOptOutService } from '../../../src-main/opt-outs/opt-out-service';
import { startFakeMediasflow, type FakeMediasflow } from './fake-mediasflow';
import { restListCsv } from './rest-queue-harness';

const cliEntry = fileURLToPath(new URL('../../../src-main/cli/main.ts', import.meta.url));
let fake: FakeMediasflow;
let dataDir: string;
let listFile: string;
let messageFile: string;

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), stdin: new PassThrough() });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  fake = await startFakeMediasflow();
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-rest-cli-'));
  listFile = join(dataDir, 'clients.csv');
  messageFile = join(dataDir, 'message.txt');
  await writeFile(listFile, restListCsv(12));
  await writeFile(messageFile, 'Bonjour ${PRENOM}, votre RDV est confirmé.\n');
  process.env.DD_TEST_MF_REST_PASSWORD = fake.password;
});
afterAll(async () => {
  delete process.env.DD_TEST_MF_REST_PASSWORD;
  await fake.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('CLI with a mediasflow-rest connection (fake MediasFlow on 127.0.0.1)', () => {
  it('connection add, drop, queue run to accepted, queue status, report', async () => {
    const added = await cli('connection', 'add', '--name', 'MF API', '--provider', 'mediasflow-rest', '--url', fake.baseUrl, '--user', fake.login, '--password-env', 'DD_TEST_MF_REST_PASSWORD', '--brand', 'GARAGE', '--json');
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout).connection).toMatchObject({ name: 'MF API', provider: 'mediasflow-rest', profile: 'mediasflow-rest', passwordSource: 'env', rest: { baseUrl: fake.baseUrl, brand: 'GARAGE', loginPath: '/login' } });

    const dropped = await cli('drop', '--connection', 'MF API', '--list', listFile, '--name', 'Rappel RDV', '--message-file', messageFile, '--sender', 'GARAGE', '--type', 'notification', '--json');
    expect(dropped.code, dropped.stderr).toBe(0);
    const queued = JSON.parse(dropped.stdout);
    expect(queued).toEqual({ job: expect.stringMatching(/^j/), state: 'queued' });
    expect(fake.state.requests).toBe(0);

    const run = await cli('queue', 'run', '--until-idle', '--json');
    expect(run.code, run.stderr).toBe(0);
    const job = JSON.parse(run.stdout).jobs.find((line: { id: string }) => line.id === queued.job);
    expect(job).toMatchObject({ state: 'accepted', campaignId: expect.stringMatching(/^\d+$/), reason: null });
    expect(fake.state.injects).toBe(1);
    expect(fake.state.violations).toEqual([]);
    const campaign = fake.campaigns.get(Number(job.campaignId))!;
    // The text typed is what is sent, with MediasFlow's BASIC placeholders.
    expect(campaign.msg).toBe('Bonjour ${PRENOM}, votre RDV est confirmé.');
    expect(campaign.recipients).toBe(12);

    const status = await cli('queue', 'status', '--json');
    expect(JSON.parse(status.stdout).jobs).toContainEqual(expect.objectContaining({ id: queued.job, state: 'accepted', campaignId: job.campaignId }));

    const report = await cli('report', '--job', queued.job, '--json');
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ jobId: queued.job, campaignId: job.campaignId, versions: 1, recipients: 12, categories: { delivered: 12 }, newVersions: 1 });
    // The same rows again: no new version.
    const again = JSON.parse((await cli('report', '--job', queued.job, '--json')).stdout);
    expect(again).toMatchObject({ versions: 1, newVersions: 0 });
    expect(fake.state.injects).toBe(1);
  });

  it('a scheduled drop is cancelled with queue cancel; an immediate one is too late (exit 2)', async () => {
    const at = formatParisDateTime(Date.now() + 40 * 60_000);
    const tooSoon = await cli('drop', '--connection', 'MF API', '--list', listFile, '--name', 'Trop tôt', '--message-file', messageFile, '--type', 'notification', '--at', formatParisDateTime(Date.now() + 3 * 60_000), '--json');
    expect(tooSoon.code).toBe(2);
    expect(tooSoon.stderr).toMatch(/10 minutes/);
    const dropped = await cli('drop', '--connection', 'MF API', '--list', listFile, '--name', 'Programmée', '--message-file', messageFile, '--type', 'notification', '--at', at, '--json');
    expect(dropped.code, dropped.stderr).toBe(0);
    const { job } = JSON.parse(dropped.stdout);
    await cli('queue', 'run', '--until-idle');
    const injectsBefore = fake.state.injects;
    const scheduled = [...fake.campaigns.values()].at(-1)!;
    expect(scheduled.status).toBe('SCHEDULED');
    expect(scheduled.scheduleOn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);

    const cancelled = await cli('queue', 'cancel', '--job', job, '--json');
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(JSON.parse(cancelled.stdout)).toEqual({ job, state: 'cancelled' });
    expect(scheduled.status).toBe('DRAFT');
    expect(fake.state.injects).toBe(injectsBefore);

    const first = JSON.parse((await cli('queue', 'status', '--json')).stdout).jobs.find((line: { state: string; id: string }) => line.state === 'accepted' && line.id !== job);
    const late = await cli('queue', 'cancel', '--job', first.id, '--json');
    expect(late.code).toBe(2);
    expect(late.stdout).toBe('');
    expect(late.stderr).toMatch(/[a-zé]/);
  });

  it('opt-outs sync pulls the account blacklist into the local list, --push sends local opt-outs', async () => {
    fake.blacklist.push('+33612349999', '+33612340003');
    const pulled = await cli('opt-outs', 'sync', '--connection', 'MF API', '--json');
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(JSON.parse(pulled.stdout)).toEqual({ pulled: 2, pushed: 0 });
    expect(await createOptOutService({ dataDir }).numberSet()).toEqual(new Set(['33612349999', '33612340003']));
    await createOptOutService({ dataDir }).add({ number: '06 12 34 11 11' });
    const pushed = await cli('opt-outs', 'sync', '--connection', 'MF API', '--push', '--json');
    expect(JSON.parse(pushed.stdout)).toEqual({ pulled: 0, pushed: 1 });
    expect(fake.blacklist).toContain('+33612341111');
    expect(fake.state.violations).toEqual([]);
  });

  it('an unreadable opt-out list refuses the sync and blocks the drop (fail closed)', async () => {
    await writeFile(join(dataDir, 'opt-outs.json'), '{ pas du json');
    const sync = await cli('opt-outs', 'sync', '--connection', 'MF API', '--json');
    expect(sync.code).toBe(2);
    expect(sync.stdout).toBe('');
    const drop = await cli('drop', '--connection', 'MF API', '--list', listFile, '--name', 'Bloquée', '--message-file', messageFile, '--type', 'notification', '--json');
    expect(drop.code).toBe(2);
    expect(drop.stderr).toMatch(/opposition/);
  });

  it('the real CLI process prints the status of REST jobs', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cliEntry, 'queue', 'status', '--json', '--data-dir', dataDir]);
    const jobs = JSON.parse(stdout).jobs as { state: string; campaignId: string | null }[];
    expect(jobs.map((job) => job.state).sort()).toEqual(['accepted', 'cancelled']);
  });
});
