/**
 * The opt-out list at the queue's end: a drop programmed for later is checked
 * again just before its first upload (a number that answered STOP since it
 * was queued never reaches the server), and an unreadable opt-out list stops
 * every upload — in the queue, in the CLI `drop` and `queue run` — without
 * touching the file.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src-main/cli/main';
import { createOptOutService, optOutsFilePath } from '../../../src-main/opt-outs/opt-out-service';
import { SftpTestServer } from '../servers/sftp-test-server';
import { makeWorkspace } from '../queue/queue-harness';

let server: SftpTestServer;
let workspace: Awaited<ReturnType<typeof makeWorkspace>>;

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), stdin: new PassThrough() });
  return { code, stdout, stderr };
}

const stop = (number: string) => ({ number, reason: 'stop' as const, code: 17, date: '2026-11-26T10:00:00.000Z', sourceCampaign: '636956' });
const corrupt = '{"formatVersion":1,"entries":[{"number":"3361200000';

beforeAll(async () => {
  server = await SftpTestServer.start();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await server.mkdirs('/Campagnes/SMS', '/Campagnes/VMS');
  workspace = await makeWorkspace({ MF_PASSWORD: server.password });
  await workspace.addConnection({ name: 'MF', provider: 'mediasflow-sftp', host: server.host, port: server.port, user: server.username, passwordEnv: 'MF_PASSWORD', hostKey: server.hostKeyFingerprint });
});
afterEach(async () => {
  delete process.env.MF_PASSWORD;
  await workspace.cleanup();
  await rm(server.realPath('/Campagnes'), { recursive: true, force: true });
});

const dropInput = { connection: 'MF', campaignName: 'Relance hiver', templateId: '2725' };

describe('opt-outs just before the first upload', () => {
  it('leaves out of a programmed drop a number that answered STOP after it was queued', async () => {
    const queue = workspace.newQueue();
    const programmedAt = new Date(workspace.clock.ms + 3 * 3_600_000).toISOString();
    const { prepared, jobs } = await workspace.drop(queue, { ...dropInput, programmedAt });
    expect(prepared.summary.recipients).toBe(20);
    // The first two numbers of the list answer STOP to another campaign while the drop waits.
    await createOptOutService({ dataDir: workspace.dataDir }).mergeFromReport([stop('33612000000'), stop('33612000001')]);
    workspace.clock.advance(3 * 3_600_000 - 5 * 60_000);
    await queue.runOnce();
    const [name] = await server.names('/Campagnes/SMS');
    const sent = (await readFile(server.realPath(`/Campagnes/SMS/${name}`))).toString('utf8');
    expect(sent).not.toMatch(/33612000000|33612000001/);
    expect(sent.trim().split('\r\n')).toHaveLength(1 + 18);
    const job = await queue.get(jobs[0].id);
    expect(job).toMatchObject({ state: 'awaiting-ack', recipients: 18, fileBytes: Buffer.byteLength(sent) });
    expect(workspace.progress.join('\n')).toMatch(/2 destinataire\(s\) opposé\(s\) depuis la programmation retiré\(s\)/);
  });

  it('keeps them when the user chose to include opted-out numbers', async () => {
    const queue = workspace.newQueue();
    await workspace.drop(queue, { ...dropInput, includeOptedOut: true });
    await createOptOutService({ dataDir: workspace.dataDir }).mergeFromReport([stop('33612000000')]);
    await queue.runOnce();
    const [name] = await server.names('/Campagnes/SMS');
    expect((await readFile(server.realPath(`/Campagnes/SMS/${name}`))).toString('utf8')).toContain('33612000000');
  });

  it('uploads nothing while the opt-out list is unreadable, keeps the job waiting with the reason, and the file unchanged', async () => {
    const queue = workspace.newQueue();
    const { jobs } = await workspace.drop(queue, dropInput);
    await writeFile(optOutsFilePath(workspace.dataDir), corrupt);
    await queue.runOnce();
    expect(await server.names('/Campagnes/SMS')).toEqual([]);
    const job = await queue.get(jobs[0].id);
    expect(job).toMatchObject({ state: 'waiting', waitingFor: 'opt-outs', attempts: 0, reason: { code: 'opt-outs-unreadable' } });
    expect(job.reason?.message).toMatch(/^La liste d'opposition est illisible : aucun envoi tant qu'elle n'est pas réparée/);
    expect(await readFile(optOutsFilePath(workspace.dataDir), 'utf8')).toBe(corrupt);
    expect(workspace.progress.join('\n')).toMatch(/La liste d'opposition est illisible : aucun envoi tant qu'elle n'est pas réparée/);
  });

  it('re-checks on a calm backoff, never in a loop, and sends the drop once the list is repaired', async () => {
    const queue = workspace.newQueue();
    // A list written once (so its last good copy exists), then damaged.
    await createOptOutService({ dataDir: workspace.dataDir }).mergeFromReport([stop('33699999999')]);
    const { jobs } = await workspace.drop(queue, dropInput);
    await writeFile(optOutsFilePath(workspace.dataDir), corrupt);
    // Each time the queue reads the damaged list it says so once ("… Dépôt laissé en attente.").
    const checks = () => workspace.progress.filter((line) => line.endsWith('Dépôt laissé en attente.')).length;
    const startMs = workspace.clock.ms;
    // Ten minutes of the app's loop, a pass every 10 s of the (fake) clock: the list is read at 0, 30 s, 1 min 30, 3 min 30, 7 min 30.
    const checkedAt: number[] = [];
    for (let second = 0; second <= 600; second += 10) {
      const before = checks();
      await queue.runOnce();
      if (checks() > before) checkedAt.push(second);
      workspace.clock.advance(10_000);
    }
    expect(checkedAt).toEqual([0, 30, 90, 210, 450]);
    expect(await server.names('/Campagnes/SMS')).toEqual([]);
    const waiting = await queue.get(jobs[0].id);
    expect(waiting).toMatchObject({ state: 'waiting', waitingFor: 'opt-outs', attempts: 0 });
    // The next check is at most 5 minutes away, and the loop sleeps until then.
    expect(Date.parse(waiting.nextAttemptAt!) - (startMs + 450_000)).toBe(300_000);

    // The repair (restore the last good copy) wakes the queue: the drop goes at once, without waiting for the next check.
    const repaired = createOptOutService({ dataDir: workspace.dataDir, onChange: () => queue.optOutsChanged() });
    await repaired.restoreBackup();
    await queue.runOnce();
    const [name] = await server.names('/Campagnes/SMS');
    expect(name).toMatch(/^2725-.*\.csv$/);
    expect(await queue.get(jobs[0].id)).toMatchObject({ state: 'awaiting-ack', attempts: 1, reason: null });
    expect(checks()).toBe(5);
  });
});

describe('CLI with an unreadable opt-out list', () => {
  it('drop exits 2 with the message and queues nothing; queue run uploads nothing; the file is unchanged', async () => {
    process.env.MF_PASSWORD = server.password;
    const dataDir = workspace.dataDir;
    // A job queued while the list was fine.
    const queued = await cli('drop', '--connection', 'MF', '--list', workspace.listFile, '--name', 'Avant', '--template', '2725', '--type', 'notification', '--data-dir', dataDir, '--json');
    expect(queued.code, queued.stderr).toBe(0);
    const jobId = JSON.parse(queued.stdout).job as string;
    await writeFile(optOutsFilePath(dataDir), corrupt);

    const refused = await cli('drop', '--connection', 'MF', '--list', workspace.listFile, '--name', 'Apres', '--template', '2725', '--type', 'notification', '--data-dir', dataDir, '--json');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain("La liste d'opposition est illisible : aucun envoi tant qu'elle n'est pas réparée");
    const withIncluded = await cli('drop', '--connection', 'MF', '--list', workspace.listFile, '--name', 'Apres', '--template', '2725', '--type', 'notification', '--include-opted-out', '--data-dir', dataDir, '--json');
    expect(withIncluded.code).toBe(2);

    const run = await cli('queue', 'run', '--until-idle', '--data-dir', dataDir, '--json');
    expect(run.code).toBe(0);
    expect(await server.names('/Campagnes/SMS')).toEqual([]);
    const status = JSON.parse((await cli('queue', 'status', '--json', '--data-dir', dataDir)).stdout) as { jobs: { id: string; state: string }[] };
    expect(status.jobs).toEqual([expect.objectContaining({ id: jobId, state: 'waiting' })]);
    expect(await readFile(optOutsFilePath(dataDir), 'utf8')).toBe(corrupt);
  });
});
