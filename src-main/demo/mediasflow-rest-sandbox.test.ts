/**
 * The demo MediasFlow-REST sandbox driven by the real REST driver and queue:
 * an immediate campaign goes DRAFT → INJECTED and its report moves from
 * "en cours d'envoi" to delivered; a scheduled one is SCHEDULED and can be
 * cancelled back to DRAFT. Loopback only, nothing leaves the machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueue } from '../queue/queue-runtime';
import { createRestDriver } from '../queue/drivers/rest/rest-driver';
import { createRestClient } from '../connectors/mediasflow-rest/rest-client';
import { startRestSandbox, type RestSandbox } from './mediasflow-rest-sandbox';

let sandbox: RestSandbox | null = null;
let dir: string | null = null;
afterEach(async () => {
  await sandbox?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  sandbox = null;
  dir = null;
});

const msg = 'Bonjour ${PRENOM}, à demain.';
const csv = ['MOBILE;PRENOM', ...Array.from({ length: 12 }, (_, i) => `336${String(12340000 + i)};C${i}`)].join('\r\n') + '\r\n';

async function world(clock: { at: number }) {
  sandbox = await startRestSandbox({ login: 'demo', password: 'pw', now: () => clock.at, deliverAfterMs: 1_000 });
  dir = await mkdtemp(join(tmpdir(), 'dropdesk-rest-sandbox-'));
  const endpoint = { baseUrl: sandbox.baseUrl, login: 'demo', password: 'pw' };
  const queue = createQueue({
    dataDir: dir,
    connections: { getStored: async () => { throw new Error('unused'); }, resolveConfig: async () => { throw new Error('unused'); } },
    drivers: [createRestDriver({ endpointFor: async () => endpoint, clientOptions: { timeoutMs: 5_000 } })],
    clock: { now: () => new Date(clock.at) },
  });
  const enqueue = (programmedAt: string | null) =>
    queue.enqueue({
      connection: { id: 'cndemo', name: 'Démo API MediasFlow' },
      job: {
        providerId: 'mediasflow-rest', channel: 'sms', sendType: 'notification', campaignName: 'Démo', idDelivery: `DDR${Math.random().toString(36).slice(2, 8).toUpperCase()}`, programmedAt,
        rest: {
          listMode: 'upload',
          expected: { recipients: 12, invalid: 0, duplicates: 0, blacklisted: 0, renderingErrors: 0, credits: 12, sender: null, message: msg },
          payload: { campaignName: 'Démo', msg, sender: null, typeSelect: 'NOTIFICATION', allowUCS2: false, autoREPLACEEMOJI: false, autoREPLACETOGSM7: false, checkDuplicate: true, brand: null },
        },
      },
      remoteFolder: '/lists/upload',
      file: { name: 'drop.csv', data: Buffer.from(csv), recipients: 12 },
    });
  return { queue, enqueue, client: () => createRestClient(endpoint) };
}

describe('demo MediasFlow-REST sandbox', () => {
  it('an immediate campaign is INJECTED, and its report moves from in progress to delivered', async () => {
    const clock = { at: Date.now() };
    const { queue, enqueue, client } = await world(clock);
    const job = await enqueue(null);
    for (let i = 0; i < 4; i++) await queue.runOnce();
    const done = await queue.get(job.id);
    expect(done.state).toBe('accepted');
    expect(sandbox!.campaigns.get(Number(done.campaignId))?.status).toBe('INJECTED');
    const api = client();
    const first = await api.callJson<{ STATUS_CODE: number }[]>({ method: 'GET', path: `/campaigns/reportjson/${done.campaignId}` });
    expect(first.map((row) => row.STATUS_CODE)).toEqual(Array(12).fill(9));
    clock.at += 2_000;
    const later = await api.callJson<{ STATUS_CODE: number }[]>({ method: 'GET', path: `/campaigns/reportjson/${done.campaignId}` });
    expect(later.filter((row) => row.STATUS_CODE === 16)).toHaveLength(11);
    await api.close();
  });

  it('a scheduled campaign is SCHEDULED, cancelled back to DRAFT through the queue', async () => {
    const clock = { at: Date.now() };
    const { queue, enqueue } = await world(clock);
    const job = await enqueue(new Date(clock.at + 30 * 60_000).toISOString());
    for (let i = 0; i < 4; i++) await queue.runOnce();
    const scheduled = await queue.get(job.id);
    expect(scheduled.state).toBe('accepted');
    expect(sandbox!.campaigns.get(Number(scheduled.campaignId))?.status).toBe('SCHEDULED');
    await queue.cancel(job.id);
    await queue.runOnce();
    expect((await queue.get(job.id)).state).toBe('cancelled');
    expect(sandbox!.campaigns.get(Number(scheduled.campaignId))?.status).toBe('DRAFT');
  });
});
