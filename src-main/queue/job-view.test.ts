import { describe, expect, it } from 'vitest';
import { createJob } from '@shared/queue/job-schedule';
import type { Job } from '@shared/queue/job-types';
import type { JobRecord } from './job-record';
import { toJobView } from './job-view';

const t0 = new Date('2026-03-02T08:00:00.000Z');
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);

function record(changes: Partial<Job>): JobRecord {
  const job = createJob(
    { id: 'jtest0001', connectionId: 'cn1', providerId: 'mediasflow-sftp', channel: 'sms', sendType: 'notification', campaignName: 'Rappel', templateId: '1001', idDelivery: 'DD1' },
    t0,
  );
  return {
    formatVersion: 1,
    job: { ...job, ...changes },
    connectionName: 'MediasFlow',
    remoteFolder: '/Campagnes/SMS',
    file: { name: 'drop.csv', bytes: 10, sha256: 'x', recipients: 2 },
    renewName: false,
  };
}

describe('the job view', () => {
  it('flags a file on the server with no answer after 6 h, for the Envois warning', () => {
    const awaiting = record({ state: 'awaiting-ack', onServerAt: t0.toISOString() });
    expect(toJobView(awaiting, hours(5.9)).ackOverdue).toBe(false);
    expect(toJobView(awaiting, hours(6.1)).ackOverdue).toBe(true);
    expect(toJobView(record({ state: 'accepted', onServerAt: t0.toISOString() }), hours(30)).ackOverdue).toBe(false);
    expect(toJobView(record({ state: 'queued' }), hours(30)).ackOverdue).toBe(false);
  });

  it('carries the record facts the screen shows', () => {
    const view = toJobView(record({}), t0);
    expect(view).toMatchObject({ connectionName: 'MediasFlow', remoteFolder: '/Campagnes/SMS', fileBytes: 10, recipients: 2, state: 'queued' });
  });
});
