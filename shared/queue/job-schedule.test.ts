import { describe, expect, it } from 'vitest';
import { createJob, dueAction, isAckOverdue, nextPollAt, nextWakeAt, validateNewJob, type NewJob } from './job-schedule';
import type { Job } from './job-types';

const t0 = new Date('2024-11-16T14:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const input: NewJob = {
  id: 'job-1',
  connectionId: 'conn-1',
  providerId: 'mediasflow-sftp',
  channel: 'vms',
  sendType: 'notification',
  campaignName: 'Rappel',
  templateId: '2725',
  idDelivery: 'DDK1',
  programmedAt: '2024-11-17T08:00:00+01:00',
};
const job = createJob(input, t0);
const withState = (extra: Partial<Job>): Job => ({ ...job, ...extra });

describe('createJob', () => {
  it('creates a queued job, persisted-ready, with a first history entry', () => {
    expect(job).toMatchObject({ state: 'queued', attempts: 0, programmedAt: '2024-11-17T07:00:00.000Z', templateId: '2725', part: null, createdAt: t0.toISOString() });
    expect(job.history).toEqual([{ at: t0.toISOString(), event: 'created', from: null, to: 'queued' }]);
    expect(JSON.parse(JSON.stringify(job))).toEqual(job);
  });

  it('validates the input', () => {
    expect(validateNewJob(input)).toEqual([]);
    expect(validateNewJob({ ...input, templateId: null, idDelivery: 'DD_1', campaignName: ' ' })).toEqual(['template-id', 'delivery-id', 'campaign-name']);
    expect(validateNewJob({ ...input, providerId: 'allmysms-ftp', templateId: null })).toEqual(['channel']);
    expect(validateNewJob({ ...input, part: { index: 3, count: 2, groupId: 'g' }, programmedAt: 'demain' })).toEqual(['part', 'programmed-at']);
  });
});

describe('when a job is due', () => {
  it('uploads a queued job at once, a waiting one when its time comes', () => {
    expect(dueAction(job, t0)).toBe('upload');
    const waiting = withState({ state: 'waiting', nextAttemptAt: at(20).toISOString() });
    expect(dueAction(waiting, at(19))).toBeNull();
    expect(dueAction(waiting, at(20))).toBe('upload');
    expect(nextWakeAt(waiting)).toEqual(at(20));
  });

  it('polls an awaiting job when its poll is due', () => {
    const awaiting = withState({ state: 'awaiting-ack', nextPollAt: at(10).toISOString() });
    expect(dueAction(awaiting, at(9))).toBeNull();
    expect(dueAction(awaiting, at(10))).toBe('poll-ack');
    expect(nextPollAt(awaiting)).toEqual(at(10));
    expect(nextPollAt(job)).toBeNull();
  });

  it('checks the server first when a cancel waits on a doubtful job', () => {
    expect(dueAction(withState({ state: 'waiting', mayBeOnServer: true, cancelRequested: true }), t0)).toBe('check-server');
    expect(dueAction(withState({ state: 'failed', mayBeOnServer: true, cancelRequested: true }), t0)).toBe('check-server');
  });

  it('never picks jobs that wait for the user, are mid-upload or are finished', () => {
    for (const state of ['uploading', 'held', 'failed', 'accepted', 'rejected', 'cancelled'] as const) {
      expect(dueAction(withState({ state }), at(10_000)), state).toBeNull();
      expect(nextWakeAt(withState({ state }))).toBeNull();
    }
  });

  it('flags a missing answer after 6 h, only while the answer is awaited', () => {
    const awaiting = withState({ state: 'awaiting-ack', onServerAt: t0.toISOString() });
    expect(isAckOverdue(awaiting, at(6 * 3600))).toBe(false);
    expect(isAckOverdue(awaiting, at(6 * 3600 + 1))).toBe(true);
    expect(isAckOverdue({ ...awaiting, state: 'accepted' }, at(7 * 3600))).toBe(false);
    expect(isAckOverdue(job, at(7 * 3600))).toBe(false);
  });
});
