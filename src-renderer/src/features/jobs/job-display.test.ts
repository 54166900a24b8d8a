import { describe, expect, it } from 'vitest';
import type { JobView } from '@shared/ipc/channels/queue';
import type { JobState } from '@shared/queue/job-types';
import { createJob } from '@shared/queue/job-schedule';
import { formatBytes, jobActions, mergeJobLists, reasonKeys, stepStatuses, upsertJob, uploadPercent } from './job-display';

/** A job as the queue creates it (shared createJob), in the given state, as main sends it to the renderer. */
function job(state: JobState, overrides: Partial<JobView> = {}): JobView {
  const created = createJob(
    { id: 'j1', connectionId: 'cn1', providerId: 'mediasflow-sftp', channel: 'sms', sendType: 'marketing', campaignName: 'Soldes', templateId: '1001', idDelivery: 'D1' },
    new Date('2025-06-16T08:00:00.000Z'),
  );
  return {
    ...created,
    state,
    connectionName: 'Démo MediasFlow',
    remoteFolder: '/Campagnes/SMS',
    fileBytes: 2048,
    recipients: 5,
    ackOverdue: false,
    ...overrides,
  };
}

const through = (...states: JobState[]) => states.map((to, i) => ({ at: `2025-06-16T08:0${i}:00.000Z`, event: 'created' as const, from: null, to }));

describe('where a job stands', () => {
  it('marks the steps done, current and skipped on the normal path', () => {
    expect(stepStatuses(job('queued'))).toEqual({ queued: 'current', waiting: 'todo', uploading: 'todo', 'awaiting-ack': 'todo', answer: 'todo' });
    expect(stepStatuses(job('awaiting-ack', { history: through('queued', 'uploading', 'awaiting-ack') }))).toEqual({
      queued: 'done',
      waiting: 'skipped',
      uploading: 'done',
      'awaiting-ack': 'current',
      answer: 'todo',
    });
    expect(stepStatuses(job('accepted', { history: through('queued', 'waiting', 'uploading', 'awaiting-ack', 'accepted') })).answer).toBe('done');
    expect(stepStatuses(job('accepted', { history: through('queued', 'waiting', 'uploading', 'awaiting-ack', 'accepted') })).waiting).toBe('done');
  });

  it('shows a failed or held job blocked on the step it could not get through', () => {
    expect(stepStatuses(job('failed', { history: through('queued', 'uploading', 'failed') }))).toEqual({
      queued: 'done',
      waiting: 'skipped',
      uploading: 'blocked',
      'awaiting-ack': 'todo',
      answer: 'todo',
    });
    // Refused at login, before any upload: blocked on the upload all the same.
    expect(stepStatuses(job('failed', { history: through('queued', 'failed') })).uploading).toBe('blocked');
    expect(stepStatuses(job('held', { history: through('queued', 'waiting', 'held') }))).toMatchObject({ waiting: 'done', uploading: 'blocked' });
    expect(stepStatuses(job('cancelled', { history: through('queued', 'cancelled') }))).toMatchObject({ queued: 'done', waiting: 'todo', uploading: 'todo' });
  });
});

describe('upload progress', () => {
  it('gives a percentage of the bytes and words the sizes', () => {
    expect(uploadPercent(job('uploading', { uploadedBytes: 512, totalBytes: 2048 }))).toBe(25);
    expect(uploadPercent(job('uploading', { uploadedBytes: 512, totalBytes: null, fileBytes: 1024 }))).toBe(50);
    expect(uploadPercent(job('uploading', { totalBytes: 0, fileBytes: 0 }))).toBeNull();
    expect(formatBytes(185, 'fr')).toBe('185 o');
    expect(formatBytes(1536, 'fr')).toBe('1,5 Ko');
    expect(formatBytes(240 * 1024, 'en')).toBe('240 KB');
    expect(formatBytes(8 * 1024 * 1024, 'fr')).toBe('8 Mo');
  });
});

describe('the actions a job offers', () => {
  it('offers only what the state machine accepts', () => {
    expect(jobActions(job('queued'))).toMatchObject({ cancel: true, retry: false, checkNow: false });
    expect(jobActions(job('awaiting-ack'))).toMatchObject({ cancel: false, checkNow: true });
    expect(jobActions(job('failed'))).toMatchObject({ cancel: true, retry: true });
    expect(jobActions(job('accepted'))).toEqual({ cancel: false, retry: false, checkNow: false, confirm: false, sendNow: false, reschedule: false });
    expect(jobActions(job('uploading', { cancelRequested: true })).cancel).toBe(false);
    expect(jobActions(job('held', { reason: { code: 'stamp-expired', message: '' } }))).toMatchObject({ confirm: true, sendNow: true, reschedule: true, cancel: true });
    expect(jobActions(job('held', { reason: { code: 'programmed-time-passed', message: '' } })).confirm).toBe(false);
  });
});

describe('the job list', () => {
  it('adds new jobs on top and never goes back to an older version', () => {
    const older = job('queued', { id: 'a', createdAt: '2025-06-16T08:00:00.000Z' });
    const newer = job('queued', { id: 'b', createdAt: '2025-06-16T09:00:00.000Z' });
    let jobs = upsertJob([older], newer);
    expect(jobs.map((entry) => entry.id)).toEqual(['b', 'a']);
    jobs = upsertJob(jobs, { ...newer, state: 'uploading', updatedAt: '2025-06-16T09:00:05.000Z' });
    jobs = upsertJob(jobs, { ...newer, state: 'queued', updatedAt: '2025-06-16T09:00:01.000Z' });
    expect(jobs[0].state).toBe('uploading');
  });

  it('keeps what events brought while an older queue:list answer was on its way, and only that', () => {
    const sent = job('queued', { id: 'b', createdAt: '2025-06-16T09:00:00.000Z', updatedAt: '2025-06-16T09:00:00.000Z' });
    const accepted = { ...sent, state: 'accepted' as const, updatedAt: '2025-06-16T09:00:00.250Z' };
    const other = job('accepted', { id: 'a' });
    const newest = job('queued', { id: 'c', createdAt: '2025-06-16T09:01:00.000Z', updatedAt: '2025-06-16T09:01:00.000Z' });
    // The listing was read while 'b' was still queued and before 'c' existed; their events came first.
    const merged = mergeJobLists([sent, other], [accepted, newest]);
    expect(merged.map((entry) => [entry.id, entry.state])).toEqual([
      ['c', 'queued'],
      ['b', 'accepted'],
      ['a', 'accepted'],
    ]);
    // Nothing arrived meanwhile: main's list is the list (a job main does not hold is gone).
    expect(mergeJobLists([other], []).map((entry) => entry.id)).toEqual(['a']);
    // A listing newer than the event wins.
    expect(mergeJobLists([accepted], [sent])[0].state).toBe('accepted');
  });
});

describe('reasons in the user language', () => {
  it('looks up a MediasFlow code, an AllMySMS reason, then the queue reasons', () => {
    expect(reasonKeys(job('rejected'), { code: '03', message: '' }).message[0]).toBe('campaigns:mediasflowAck.codes.03.problem');
    expect(reasonKeys(job('rejected', { providerId: 'allmysms-ftp' }), { code: 'Not_enough_credits', message: '' }).action[0]).toBe(
      'campaigns:allmysmsAck.reasons.Not_enough_credits.action',
    );
    expect(reasonKeys(job('held'), { code: 'stamp-expired', message: '' }).message).toEqual(['queue:reasons.stamp-expired.message']);
  });
});

describe('the buttons of a MediasFlow REST job', () => {
  const rest = (changes: Partial<NonNullable<JobView['rest']>> = {}) =>
    ({
      step: 'inject', payload: { campaignName: 'Soldes', msg: 'x', sender: null, typeSelect: 'MKG', allowUCS2: false, autoREPLACEEMOJI: false, autoREPLACETOGSM7: false, checkDuplicate: true, brand: null },
      listMode: 'upload', listId: 1, campaignId: 943, expected: { recipients: 1, invalid: 0, duplicates: 0, blacklisted: 0, renderingErrors: 0, credits: 1, sender: null, message: 'x' },
      answered: null, mismatches: [], prepares: 1, injectSentAt: null, status: 'DRAFT', scheduleOn: null, reconcileReads: 0, lastReconcileAt: null, ...changes,
    }) as NonNullable<JobView['rest']>;

  it('offers only a new check on a held "Résultat inconnu": nothing that could send again', () => {
    const held = job('held', { reason: { code: 'rest-result-unknown', message: 'Résultat inconnu' }, rest: rest({ injectSentAt: '2026-03-02T08:00:00.000Z' }) });
    expect(jobActions(held)).toEqual({ cancel: false, retry: false, checkNow: true, confirm: false, sendNow: false, reschedule: false });
  });

  it('offers send anyway, another date or cancel when the figures differ', () => {
    const held = job('held', { reason: { code: 'rest-figures-mismatch', message: 'Chiffres' }, rest: rest() });
    expect(jobActions(held)).toEqual({ cancel: true, retry: false, checkNow: false, confirm: true, sendNow: false, reschedule: true });
  });

  it('offers cancel on a scheduled campaign, not on one already injected', () => {
    expect(jobActions(job('accepted', { rest: rest({ status: 'SCHEDULED', injectSentAt: 'x' }) })).cancel).toBe(true);
    expect(jobActions(job('accepted', { rest: rest({ status: 'INJECTED', injectSentAt: 'x' }) })).cancel).toBe(false);
  });
});
