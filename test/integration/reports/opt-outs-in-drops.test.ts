/**
 * The opt-out list fed by reports reaches the next drop: numbers that replied
 * STOP or are blacklisted are left out of the file and counted in the
 * summary, and the list summary's figure counts them too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDrop } from '../../../src-main/drops/prepare-drop';
import { createOptOutService } from '../../../src-main/opt-outs/opt-out-service';
import type { StoredConnection } from '../../../src-main/connections/connection-types';

let dataDir: string;
const connection: StoredConnection = {
  id: 'c1',
  name: 'MediasFlow',
  provider: 'mediasflow-sftp',
  demo: false,
  host: '127.0.0.1',
  port: 22,
  user: 'u',
  ftps: false,
  hostKey: null,
  passwordEnv: null,
  encryptedPassword: null,
  createdAt: '2024-11-01T00:00:00.000Z',
  updatedAt: '2024-11-01T00:00:00.000Z',
};
const list = new TextEncoder().encode(['MOBILE;PRENOM', '06 12 34 56 78;Élodie', '06 98 76 54 32;François', '07 81 23 45 67;Zoé', '06 98 76 54 32;Doublon'].join('\r\n'));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-opt-out-drop-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('opt-outs in a drop', () => {
  const prepare = (includeOptedOut = false) =>
    prepareDrop(
      { list: { fileName: 'clients.csv', bytes: list }, connection: 'c1', channel: 'sms', campaignName: 'Soldes', templateId: '428992', type: 'notification', includeOptedOut },
      { dataDir, connections: { getStored: async () => connection }, now: () => new Date('2024-11-26T09:00:00Z') },
    );

  it('sends to everyone sendable while the opt-out list is empty', async () => {
    const drop = await prepare();
    expect(drop.summary.recipients).toBe(3);
    expect(drop.summary.excluded.optedOut).toBe(0);
  });

  it('leaves out STOP and blacklisted numbers, and says how many', async () => {
    await createOptOutService({ dataDir }).mergeFromReport([
      { number: '33612345678', reason: 'stop', code: 17, date: '2024-11-20T10:00:00.000Z', sourceCampaign: '636956' },
      { number: '33698765432', reason: 'blacklist', code: 14, date: '2024-11-20T10:00:00.000Z', sourceCampaign: '636956' },
    ]);
    const drop = await prepare();
    expect(drop.summary.excluded).toMatchObject({ optedOut: 2, duplicates: 1, invalid: 0 });
    expect(drop.summary.recipients).toBe(1);
    const text = drop.parts.map((part) => part.data.toString('utf8')).join('');
    expect(text).toContain('Zoé');
    expect(text).not.toMatch(/Élodie|François/);
  });

  it('sends to them only when the user explicitly includes them, with a warning', async () => {
    const drop = await prepare(true);
    expect(drop.summary.excluded.optedOut).toBe(0);
    expect(drop.summary.recipients).toBe(3);
    expect(drop.summary.warnings.map((warning) => warning.code)).toContain('opted-out-included');
    const text = drop.parts.map((part) => part.data.toString('utf8')).join('');
    expect(text).toMatch(/Élodie/);
    expect(text).toMatch(/François/);
  });
});
