import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { FtpTestServer } from '../servers/ftp-test-server';
import { answerAllmysms } from './provider-simulator';
import { makeWorkspace, statesOf } from './queue-harness';

let server: FtpTestServer;
let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
const folders = ['/SEND_SMS', '/PROCESSING', '/ARCHIVES', '/INVALIDS'];

beforeAll(async () => {
  server = await FtpTestServer.start();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await server.mkdirs(...folders);
  workspace = await makeWorkspace({ AMS_PASSWORD: server.password });
  const saved = await workspace.addConnection({
    name: 'AllMySMS',
    provider: 'allmysms-ftp',
    host: server.host,
    port: server.port,
    user: server.username,
    passwordEnv: 'AMS_PASSWORD',
  });
  expect(saved.connection.passwordTravelsInClear).toBe(true);
});
afterEach(async () => {
  await workspace.cleanup();
  for (const folder of folders) await rm(server.realPath(folder), { recursive: true, force: true });
});

const message = { text: 'Bonjour ${PRENOM},\nvotre commande est prête. STOP au 36180', sender: 'Boutique' };

describe('AllMySMS drops over FTP (ftp-srv)', () => {
  it('uploads the per-recipient file as .tmp, renames it .csv, and is accepted once archived', async () => {
    const queue = workspace.newQueue();
    const { jobs, prepared } = await workspace.drop(queue, { connection: 'AllMySMS', campaignName: 'Commande prête', message });
    const id = jobs[0].id;
    expect(prepared.summary).toMatchObject({ recipients: 20, segments: { total: 20 }, credits: 20 });
    await queue.runOnce();
    const sent = await server.names('/SEND_SMS');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^CommandePrete[A-Z0-9]+_\d{14}_HQ\.csv$/);
    const text = await readFile(server.realPath(`/SEND_SMS/${sent[0]}`), 'utf8');
    expect(text.split('\r\n')[0]).toBe('"33612000000";"Bonjour Prénom0,\\nvotre commande est prête. STOP au 36180";"Boutique"');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(20);

    await answerAllmysms(server, { ok: true });
    await queue.runOnce({ pollAllAcks: true });
    const job = await queue.get(id);
    expect(job).toMatchObject({ state: 'accepted', campaignId: null });
    expect(statesOf(workspace.events, id)).toEqual(['queued', 'uploading', 'awaiting-ack', 'accepted']);
  });

  it('INVALIDS: the reason in the name is shown in plain French', async () => {
    const queue = workspace.newQueue();
    const { jobs } = await workspace.drop(queue, { connection: 'AllMySMS', campaignName: 'Crédits', message });
    await queue.runOnce();
    await answerAllmysms(server, { ok: false, reason: 'Not_enough_credits' });
    await queue.runOnce({ pollAllAcks: true });
    const job = await queue.get(jobs[0].id);
    expect(job.state).toBe('rejected');
    expect(job.reason).toMatchObject({ code: 'Not_enough_credits' });
    expect(job.reason!.message).toMatch(/pas assez de crédits/);
  });
});
