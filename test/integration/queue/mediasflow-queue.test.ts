import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeMediasflowCode } from '@shared/providers/mediasflow/mediasflow-ack';
import { parseMediasflowName } from '@shared/providers/mediasflow/mediasflow-name';
import { SftpTestServer } from '../servers/sftp-test-server';
import { answerMediasflow } from './provider-simulator';
import { makeWorkspace, statesOf } from './queue-harness';
import { SwitchableRelay } from './switchable-relay';

let server: SftpTestServer;
let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
let connectionId: string;

beforeAll(async () => {
  server = await SftpTestServer.start();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await server.mkdirs('/Campagnes/SMS', '/Campagnes/VMS');
  workspace = await makeWorkspace({ MF_PASSWORD: server.password });
  const saved = await workspace.addConnection({
    name: 'MediasFlow test',
    provider: 'mediasflow-sftp',
    host: server.host,
    port: server.port,
    user: server.username,
    passwordEnv: 'MF_PASSWORD',
    hostKey: server.hostKeyFingerprint,
  });
  connectionId = saved.connection.id;
  for (const key of Object.keys(server.faults)) delete (server.faults as Record<string, unknown>)[key];
});
afterEach(async () => {
  await workspace.cleanup();
  const { rm } = await import('node:fs/promises');
  await rm(server.realPath('/Campagnes'), { recursive: true, force: true });
});

const dropInput = () => ({ connection: 'MediasFlow test', campaignName: 'Relance été 2025', templateId: '2725' });

describe('MediasFlow drops through the queue (in-process SFTP server)', () => {
  it('goes queued → uploading → awaiting-ack → accepted with the campaign number, the very bytes prepared', async () => {
    const queue = workspace.newQueue();
    const { prepared, jobs } = await workspace.drop(queue, dropInput());
    expect(prepared.summary.recipients).toBe(20);
    expect(prepared.summary.excluded).toMatchObject({ invalid: 1, duplicates: 1 });
    const id = jobs[0].id;

    const first = await queue.runOnce();
    expect(first.worked.map((w) => w.action)).toEqual(['upload']);
    const dropped = await server.names('/Campagnes/SMS');
    expect(dropped).toHaveLength(1);
    const parsed = parseMediasflowName(dropped[0])!;
    expect(parsed).toMatchObject({ idMediasflow: '2725', idDelivery: prepared.parts[0].idDelivery, campaignName: 'Relance été 2025' });
    const onServer = await readFile(server.realPath(`/Campagnes/SMS/${dropped[0]}`));
    expect(onServer.equals(prepared.parts[0].data)).toBe(true);
    expect((await queue.get(id)).state).toBe('awaiting-ack');

    await answerMediasflow(server, { ok: true, campaignId: '483443', arName: 'name.csv.ar' });
    await queue.runOnce({ pollAllAcks: true });
    const job = await queue.get(id);
    expect(job).toMatchObject({ state: 'accepted', campaignId: '483443', remoteName: dropped[0], attempts: 1 });
    expect(statesOf(workspace.events, id)).toEqual(['queued', 'uploading', 'awaiting-ack', 'accepted']);
    expect(workspace.notifications).toEqual([{ title: 'Campagne acceptée', body: expect.stringContaining('483443') }]);
    // The job file on disk holds what the view says.
    const record = JSON.parse(await readFile(join(workspace.dataDir, 'queue', `${id}.json`), 'utf8'));
    expect(record.job.state).toBe('accepted');
  });

  it('a rejection with code 03 is shown in plain French with what to do', async () => {
    const queue = workspace.newQueue();
    const { jobs } = await workspace.drop(queue, dropInput());
    await queue.runOnce();
    await answerMediasflow(server, { ok: false, code: '03' });
    await queue.runOnce({ pollAllAcks: true });
    const job = await queue.get(jobs[0].id);
    expect(job.state).toBe('rejected');
    expect(job.reason).toMatchObject({ code: '03', message: describeMediasflowCode('03').problem, action: describeMediasflowCode('03').action });
    expect(job.reason!.message).toMatch(/campagne modèle n'existe pas/);
    expect(workspace.notifications[0].title).toBe('Campagne refusée');
  });

  it('an authentication error fails at once, without retrying', async () => {
    const saved = await workspace.addConnection({ id: connectionId, ...{ name: 'MediasFlow test', provider: 'mediasflow-sftp' as const, host: server.host, port: server.port, user: server.username, hostKey: server.hostKeyFingerprint, passwordEnv: null, password: 'wrong' } });
    expect(saved.password).toBe('encrypted');
    const stored = JSON.parse(await readFile(join(workspace.dataDir, 'connections.json'), 'utf8'));
    expect(JSON.stringify(stored)).not.toContain('wrong');
    const queue = workspace.newQueue();
    const { jobs } = await workspace.drop(queue, dropInput());
    await queue.runOnce();
    const job = await queue.get(jobs[0].id);
    expect(job).toMatchObject({ state: 'failed', attempts: 0, reason: { code: 'auth' } });
    expect(job.reason!.message).toMatch(/refusé l'identifiant ou le mot de passe/);
    expect(await server.names('/Campagnes/SMS')).toEqual([]);
  });

  it('network down → waiting with a next attempt; when the server is back the drop goes, once', async () => {
    const relay = await SwitchableRelay.start(server.port);
    try {
      await workspace.addConnection({ id: connectionId, name: 'MediasFlow test', provider: 'mediasflow-sftp', host: '127.0.0.1', port: relay.port, user: server.username, hostKey: server.hostKeyFingerprint, passwordEnv: 'MF_PASSWORD' });
      const queue = workspace.newQueue();
      const { jobs } = await workspace.drop(queue, dropInput());
      relay.setDown(true);
      await queue.runOnce();
      let job = await queue.get(jobs[0].id);
      expect(job).toMatchObject({ state: 'waiting', waitingFor: 'network', reason: { code: 'network' }, consecutiveFailures: 1 });
      expect(Date.parse(job.nextAttemptAt!) - workspace.clock.ms).toBe(10_000);
      // Not due yet: nothing happens.
      expect((await queue.runOnce()).worked).toEqual([]);
      relay.setDown(false);
      workspace.clock.advance(10_000);
      await queue.runOnce();
      job = await queue.get(jobs[0].id);
      expect(job.state).toBe('awaiting-ack');
      expect(await server.names('/Campagnes/SMS')).toEqual([job.remoteName]);
    } finally {
      await relay.stop();
    }
  });

  it('a connection cut right after the rename: the retry finds the file and never sends a second one', async () => {
    const queue = workspace.newQueue();
    const { jobs } = await workspace.drop(queue, dropInput());
    let cuts = 0;
    server.faults.afterRename = () => {
      cuts++;
      // The rename went through but the client never hears it: like a crash right after the rename.
      server.cutConnections();
    };
    await queue.runOnce();
    delete server.faults.afterRename;
    let job = await queue.get(jobs[0].id);
    const names = await server.names('/Campagnes/SMS');
    expect(cuts).toBe(1);
    expect(names).toHaveLength(1);
    // Outcome unknown to the client: it must look before anything else.
    expect(job).toMatchObject({ state: 'waiting', mayBeOnServer: true, reason: { code: 'network' } });
    workspace.clock.advance(60_000);
    await queue.runOnce();
    job = await queue.get(jobs[0].id);
    expect(job.state).toBe('awaiting-ack');
    expect(job.attempts).toBe(1);
    expect(job.history.some((entry) => entry.note === 'found-on-server')).toBe(true);
    expect(await server.names('/Campagnes/SMS')).toEqual(names);
  });

  it('a stamp too old for MediasFlow holds the job; a fresh drop only after the user confirms and the server shows no copy', async () => {
    const queue = workspace.newQueue();
    const { jobs } = await workspace.drop(queue, dropInput());
    const id = jobs[0].id;
    server.faults.cutConnectionAfterBytes = 100;
    await queue.runOnce();
    delete server.faults.cutConnectionAfterBytes;
    let job = await queue.get(id);
    expect(job.state).toBe('waiting');
    const firstName = job.remoteName!;
    expect(firstName).toBeTruthy();

    // Two hours later (the laptop was closed): the persisted stamp can no longer be used.
    workspace.clock.advance(2 * 3_600_000);
    await queue.runOnce();
    job = await queue.get(id);
    expect(job).toMatchObject({ state: 'held', remoteName: firstName, reason: { code: 'stamp-expired' } });
    expect(await server.names('/Campagnes/SMS')).toEqual([]);
    // Held: nothing happens by itself.
    expect((await queue.runOnce({ pollAllAcks: true })).worked).toEqual([]);

    const decided = await queue.decide(id, { type: 'confirm' });
    expect(decided).toMatchObject({ state: 'queued', foundOnServer: false });
    await queue.runOnce();
    job = await queue.get(id);
    expect(job.state).toBe('awaiting-ack');
    expect(job.remoteName).not.toBe(firstName);
    expect(parseMediasflowName(job.remoteName!)!.stamp!.at.getTime()).toBe(Math.floor(workspace.clock.ms / 1000) * 1000);
    expect(await server.names('/Campagnes/SMS')).toEqual([job.remoteName]);
  });

  it('confirming a held job whose file is in fact on the server follows that copy instead of sending again', async () => {
    const queue = workspace.newQueue();
    const { jobs } = await workspace.drop(queue, dropInput());
    const id = jobs[0].id;
    server.faults.cutConnectionAfterBytes = 100;
    await queue.runOnce();
    delete server.faults.cutConnectionAfterBytes;
    workspace.clock.advance(2 * 3_600_000);
    await queue.runOnce();
    expect((await queue.get(id)).state).toBe('held');
    // Meanwhile a copy reached the provider (e.g. sent by another computer of the office with this job's files).
    const { writeFile } = await import('node:fs/promises');
    const job = await queue.get(id);
    await writeFile(server.realPath(`/Campagnes/SMS/${job.remoteName}`), 'MOBILE\r\n33612000000\r\n');
    const decided = await queue.decide(id, { type: 'confirm' });
    expect(decided).toMatchObject({ state: 'awaiting-ack', foundOnServer: true });
    expect(await server.names('/Campagnes/SMS')).toEqual([job.remoteName]);
  });
});
