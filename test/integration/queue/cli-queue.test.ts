import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src-main/cli/main';
import { formatParisDateTime, toParisParts } from '@shared/scheduling/paris-time';
import { SftpTestServer } from '../servers/sftp-test-server';
import { answerMediasflow } from './provider-simulator';
import { listCsv } from './queue-harness';

const cliEntry = fileURLToPath(new URL('../../../src-main/cli/main.ts', import.meta.url));
let server: SftpTestServer;
let dataDir: string;
let listFile: string;

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), stdin: new PassThrough() });
  return { code, stdout, stderr };
}

/** Next Sunday at 10:00 Paris time: outside the marketing window whatever today is. */
function nextSundayText(): string {
  let at = Date.now() + 86_400_000;
  while (toParisParts(at).isoWeekday !== 7) at += 86_400_000;
  return `${formatParisDateTime(at).slice(0, 10)} 10:00`;
}

beforeAll(async () => {
  server = await SftpTestServer.start();
  await server.mkdirs('/Campagnes/SMS', '/Campagnes/VMS');
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-cli-queue-'));
  listFile = join(dataDir, 'clients.csv');
  await writeFile(listFile, listCsv(12));
  process.env.DD_TEST_MF_PASSWORD = server.password;
});
afterAll(async () => {
  delete process.env.DD_TEST_MF_PASSWORD;
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('CLI: connection add, drop, queue run --until-idle, queue status', () => {
  it('drops, uploads, follows the acknowledgement, and reports it', async () => {
    const added = await cli('connection', 'add', '--name', 'MF', '--provider', 'mediasflow-sftp', '--host', server.host, '--port', String(server.port), '--user', server.username, '--password-env', 'DD_TEST_MF_PASSWORD', '--host-key', server.hostKeyFingerprint, '--data-dir', dataDir, '--json');
    expect(added.code).toBe(0);
    const connection = JSON.parse(added.stdout).connection;
    expect(connection).toMatchObject({ name: 'MF', provider: 'mediasflow-sftp', passwordEnv: 'DD_TEST_MF_PASSWORD', hostKey: server.hostKeyFingerprint, passwordSource: 'env' });

    const dropped = await cli('drop', '--connection', 'MF', '--list', listFile, '--name', 'Rentrée 2025', '--template', '2725', '--type', 'notification', '--data-dir', dataDir, '--json');
    expect(dropped.code, dropped.stderr).toBe(0);
    const queued = JSON.parse(dropped.stdout);
    expect(queued).toEqual({ job: expect.stringMatching(/^j/), state: 'queued' });
    expect(dropped.stderr).toMatch(/12 destinataires, /);

    const run = await cli('queue', 'run', '--until-idle', '--data-dir', dataDir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/queued → uploading/);
    expect(run.stderr).toMatch(/uploading → awaiting-ack/);
    expect(await server.names('/Campagnes/SMS')).toHaveLength(1);

    await answerMediasflow(server, { ok: true, campaignId: '636956' });
    // Checked once whatever the backoff, then the command exits.
    expect((await cli('queue', 'run', '--until-idle', '--data-dir', dataDir)).code).toBe(0);

    const status = await cli('queue', 'status', '--json', '--data-dir', dataDir);
    expect(status.code).toBe(0);
    const { jobs } = JSON.parse(status.stdout);
    expect(jobs).toEqual([
      { id: queued.job, state: 'accepted', connection: 'MF', remoteName: expect.stringMatching(/^2725-[A-Z0-9]+-Rentrée 2025_\d{14}\.csv$/), campaignId: '636956', reason: null },
    ]);
  });

  it('queue cancel: a queued drop is cancelled; too late (at the provider, already cancelled) or unknown exits 2', async () => {
    const dropped = await cli('drop', '--connection', 'MF', '--list', listFile, '--name', 'Annulée', '--template', '2725', '--type', 'notification', '--data-dir', dataDir, '--json');
    expect(dropped.code, dropped.stderr).toBe(0);
    const { job } = JSON.parse(dropped.stdout);
    const cancelled = await cli('queue', 'cancel', '--job', job, '--json', '--data-dir', dataDir);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(JSON.parse(cancelled.stdout)).toEqual({ job, state: 'cancelled' });

    const again = await cli('queue', 'cancel', '--job', job, '--json', '--data-dir', dataDir);
    expect(again.code).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/terminé/);

    const { jobs } = JSON.parse((await cli('queue', 'status', '--json', '--data-dir', dataDir)).stdout);
    const accepted = jobs.find((line: { state: string }) => line.state === 'accepted');
    const late = await cli('queue', 'cancel', '--job', accepted.id, '--json', '--data-dir', dataDir);
    expect(late.code).toBe(2);
    expect(late.stdout).toBe('');
    expect(late.stderr).toMatch(/déjà chez le fournisseur/);

    const unknown = await cli('queue', 'cancel', '--job', 'jnotajob00', '--json', '--data-dir', dataDir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/n'existe pas/);
    expect((await cli('queue', 'cancel', '--json', '--data-dir', dataDir)).code).toBe(2);
    // The cancelled drop never got a name on the server.
    expect(jobs.find((line: { id: string }) => line.id === job)).toMatchObject({ state: 'cancelled', remoteName: null });
  });

  it('a marketing drop outside the window exits 2 with the next allowed slot on stderr and nothing on stdout', async () => {
    const result = await cli('drop', '--connection', 'MF', '--list', listFile, '--name', 'Promo', '--template', '2725', '--at', nextSundayText(), '--data-dir', dataDir, '--json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Prochain créneau autorisé : \d{4}-\d{2}-\d{2} 08:00/);
  });

  it('refuses unknown options and unknown connections with exit 2', async () => {
    expect((await cli('queue', 'status', '--bogus', '--data-dir', dataDir)).code).toBe(2);
    const missing = await cli('drop', '--connection', 'Nope', '--list', listFile, '--name', 'X', '--data-dir', dataDir, '--json');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
  });

  it('as a subprocess, stdout is pure JSON (logs go to stderr)', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cliEntry, 'drop', '--connection', 'MF', '--list', listFile, '--name', 'Sous processus', '--template', '2725', '--type', 'notification', '--data-dir', dataDir, '--json'], {
      env: { ...process.env },
    });
    const parsed = JSON.parse(stdout);
    expect(parsed.state).toBe('queued');
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/Résumé/);
    const status = await promisify(execFile)(process.execPath, ['--import', 'tsx', cliEntry, 'queue', 'status', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(status.stdout).jobs.map((job: { id: string }) => job.id)).toContain(parsed.job);
  }, 30_000);
});
