import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJob } from '@shared/queue/job-schedule';
import { buildMediasflowFile } from '@shared/providers/mediasflow/mediasflow-file';
import type { JobRecord } from '../queue/job-record';
import { createJobStore, sha256Hex, type JobStore } from '../queue/job-store';
import { optOutsUnreadableError } from './opt-out-service';
import { recheckOptOutsBeforeFirstUpload } from './recheck-before-upload';

let dir: string;
let store: JobStore;
const id = 'jtest0001';
const file = buildMediasflowFile({
  columns: ['MOBILE', 'PRENOM'],
  rows: [
    ['06 12 34 56 78', 'Élodie'],
    ['07 81 23 45 67', 'Zoé'],
  ],
  mobileColumn: 0,
  checks: [
    { status: 'valid', normalized: '33612345678' },
    { status: 'valid', normalized: '33781234567' },
  ],
});

async function queuedRecord(changes: Partial<JobRecord> = {}): Promise<JobRecord> {
  const saved = await store.saveFile(id, 'drop.csv', Buffer.from(file.text, 'utf8'), 2);
  const job = createJob({ id, connectionId: 'c1', providerId: 'mediasflow-sftp', channel: 'sms', sendType: 'marketing', campaignName: 'Soldes', templateId: '1001', idDelivery: 'DDABCDEF123456', programmedAt: '2026-12-01T09:00:00.000Z' }, new Date('2026-11-30T09:00:00Z'));
  const record: JobRecord = { formatVersion: 1, job, connectionName: 'Démo', remoteFolder: '/Campagnes/SMS', file: saved, renewName: false, ...changes };
  await store.write(record);
  return record;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dropdesk-recheck-'));
  store = createJobStore(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('opt-out recheck before the first upload', () => {
  const deps = (numbers: string[]) => ({ store, numberSet: async () => new Set(numbers), persist: (record: JobRecord) => store.write(record) });

  it('rebuilds and saves the file without a number that answered STOP since the drop was queued', async () => {
    const record = await queuedRecord();
    const result = await recheckOptOutsBeforeFirstUpload(record, deps(['33612345678']));
    expect(result).toMatchObject({ removed: 1, emptied: false });
    const saved = (await store.read(id))!;
    expect(saved.file).toEqual(result.record.file);
    expect(saved.file.recipients).toBe(1);
    const bytes = await store.readFile(id, saved.file);
    expect(sha256Hex(bytes)).toBe(saved.file.sha256);
    expect(bytes.toString('utf8')).toBe('MOBILE;PRENOM\r\n33781234567;Zoé\r\n');
    expect(await readdir(join(dir, 'queue', id))).toEqual([saved.file.name]);
  });

  it('leaves the job alone once a remote name is fixed (a byte may have left), or when opted-out numbers were included', async () => {
    const started = await queuedRecord();
    const named = { ...started, job: { ...started.job, remoteName: '1001-DDABCDEF123456-Soldes_20261201090000.csv' } };
    expect(await recheckOptOutsBeforeFirstUpload(named, deps(['33612345678']))).toEqual({ record: named, removed: 0, emptied: false });
    const included = await queuedRecord({ optOuts: 'included' });
    expect((await recheckOptOutsBeforeFirstUpload(included, deps(['33612345678']))).removed).toBe(0);
    expect((await store.readFile(id, included.file)).toString('utf8')).toBe(file.text);
  });

  it('says when nobody is left, and throws (changing nothing) when the opt-out list is unreadable', async () => {
    const record = await queuedRecord();
    expect(await recheckOptOutsBeforeFirstUpload(record, deps(['33612345678', '33781234567']))).toMatchObject({ removed: 2, emptied: true, record });
    const unreadable = { ...deps([]), numberSet: async () => Promise.reject(optOutsUnreadableError()) };
    await expect(recheckOptOutsBeforeFirstUpload(record, unreadable)).rejects.toMatchObject({ code: 'opt-outs-unreadable' });
    expect((await store.read(id))!.file).toEqual(record.file);
  });
});
