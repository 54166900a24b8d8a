import { describe, expect, it } from 'vitest';
import frQueue from '../i18n/fr/queue.json';
import { createJob } from './job-schedule';
import { jobStates, type Job, type JobEvent, type JobEventType, type JobState } from './job-types';
import { applyEvents, transition } from './transition';

const t0 = new Date('2024-11-16T14:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

const baseJob = createJob(
  {
    id: 'job-1',
    connectionId: 'conn-1',
    providerId: 'mediasflow-sftp',
    channel: 'sms',
    sendType: 'marketing',
    campaignName: 'Soldes',
    templateId: '2725',
    idDelivery: 'DDK1',
  },
  t0,
);

const inState = (state: JobState, extra: Partial<Job> = {}): Job => ({ ...baseJob, state, ...extra });
const ok = (result: ReturnType<typeof transition>): Job => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.job;
};

const networkError = { code: 'network', message: 'Serveur injoignable' };
const events: Record<JobEventType, JobEvent> = {
  'wait-until': { type: 'wait-until', until: at(3600).toISOString() },
  'start-upload': { type: 'start-upload', remoteName: '2725-DDK1-Soldes_20241116150000.csv', temporaryName: '2725-DDK1-Soldes_20241116150000.tmp', totalBytes: 1000, stampAt: t0.toISOString() },
  progress: { type: 'progress', uploadedBytes: 500 },
  renaming: { type: 'renaming' },
  uploaded: { type: 'uploaded' },
  'found-on-server': { type: 'found-on-server', remoteName: '2725-DDK1-Soldes_20241116150000.csv', stage: 'dropped' },
  'not-on-server': { type: 'not-on-server' },
  'network-error': { type: 'network-error', error: networkError },
  'opt-outs-unreadable': { type: 'opt-outs-unreadable', detail: 'Unexpected end of JSON input' },
  'permanent-error': { type: 'permanent-error', error: { code: 'auth', message: 'Identifiant ou mot de passe refusé' } },
  interrupted: { type: 'interrupted' },
  'upload-cancelled': { type: 'upload-cancelled' },
  'ack-accepted': { type: 'ack-accepted', campaignId: '483443' },
  'ack-rejected': { type: 'ack-rejected', code: '03', message: 'Campagne modèle inexistante', action: 'Vérifiez le numéro' },
  'ack-not-yet': { type: 'ack-not-yet' },
  'stamp-expired': { type: 'stamp-expired' },
  'programmed-time-passed': { type: 'programmed-time-passed' },
  'user-retry': { type: 'user-retry' },
  'user-check-ack': { type: 'user-check-ack' },
  'user-cancel': { type: 'user-cancel' },
  'user-reschedule': { type: 'user-reschedule', programmedAt: at(7200).toISOString() },
  'user-confirm': { type: 'user-confirm' },
};

/** Where each event is allowed (job flags at their defaults) and the state it leads to. */
const allowed: Record<JobEventType, Partial<Record<JobState, JobState>>> = {
  'wait-until': { queued: 'waiting', waiting: 'waiting' },
  'start-upload': { queued: 'uploading', waiting: 'uploading' },
  progress: { uploading: 'uploading' },
  renaming: { uploading: 'uploading' },
  uploaded: { uploading: 'awaiting-ack' },
  'found-on-server': { queued: 'awaiting-ack', waiting: 'awaiting-ack', uploading: 'awaiting-ack', failed: 'awaiting-ack', held: 'awaiting-ack', cancelled: 'awaiting-ack' },
  'not-on-server': { queued: 'queued', waiting: 'waiting', held: 'held', failed: 'failed' },
  'network-error': { queued: 'waiting', waiting: 'waiting', uploading: 'waiting' },
  'opt-outs-unreadable': { queued: 'waiting', waiting: 'waiting' },
  'permanent-error': { queued: 'failed', waiting: 'failed', uploading: 'failed' },
  interrupted: { uploading: 'queued' },
  'upload-cancelled': { uploading: 'cancelled' },
  'ack-accepted': { 'awaiting-ack': 'accepted' },
  'ack-rejected': { 'awaiting-ack': 'rejected' },
  'ack-not-yet': { 'awaiting-ack': 'awaiting-ack' },
  'stamp-expired': { queued: 'held', waiting: 'held', uploading: 'held' },
  'programmed-time-passed': { queued: 'held', waiting: 'held', uploading: 'held' },
  'user-retry': { failed: 'queued', waiting: 'queued' },
  'user-check-ack': { 'awaiting-ack': 'awaiting-ack' },
  'user-cancel': { queued: 'cancelled', waiting: 'cancelled', held: 'cancelled', failed: 'cancelled', uploading: 'uploading' },
  'user-reschedule': { queued: 'queued', waiting: 'queued', held: 'queued', failed: 'queued' },
  'user-confirm': { held: 'queued' },
};

describe('transition table', () => {
  for (const type of Object.keys(events) as JobEventType[]) {
    for (const state of jobStates) {
      const expected = allowed[type][state];
      it(`${type} in ${state} → ${expected ?? 'refused'}`, () => {
        const job = inState(state);
        const result = transition(job, events[type], at(10));
        if (expected) {
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.job.state).toBe(expected);
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error.state).toBe(state);
            expect(result.error.event).toBe(type);
            expect(result.error.message.length).toBeGreaterThan(10);
            if (state === 'accepted' || state === 'rejected' || state === 'cancelled') {
              expect(['finished', 'already-on-server']).toContain(result.error.code);
            }
          }
        }
        expect(job).toEqual(inState(state));
      });
    }
  }
});

describe('opt-out list unreadable before the first upload', () => {
  it('waits on a calm backoff (30 s doubling to 5 min), never fails, with the reason in plain French', () => {
    let job = baseJob;
    const delays: number[] = [];
    for (let check = 0; check < 7; check++) {
      const now = at(10 + check * 1000);
      job = ok(transition(job, events['opt-outs-unreadable'], now, { maxConsecutiveFailures: 3 }));
      delays.push((Date.parse(job.nextAttemptAt!) - now.getTime()) / 1000);
    }
    expect(delays).toEqual([30, 60, 120, 240, 300, 300, 300]);
    expect(job).toMatchObject({ state: 'waiting', waitingFor: 'opt-outs', attempts: 0, uploadedBytes: 0 });
    expect(job.reason).toMatchObject({ code: 'opt-outs-unreadable', detail: 'Unexpected end of JSON input' });
    expect(job.reason?.message).toMatch(/^La liste d'opposition est illisible : aucun envoi tant qu'elle n'est pas réparée/);
    expect(job.reason?.action).toMatch(/Liste d'opposition/);
  });

  it('counts apart from network failures: the upload after the repair starts afresh', () => {
    const blocked = ok(transition(ok(transition(baseJob, events['opt-outs-unreadable'], at(10))), events['opt-outs-unreadable'], at(50)));
    expect(blocked.consecutiveFailures).toBe(2);
    const network = ok(transition(blocked, events['network-error'], at(200)));
    expect(network).toMatchObject({ waitingFor: 'network', consecutiveFailures: 1, nextAttemptAt: at(210).toISOString() });
    const uploading = ok(transition(blocked, events['start-upload'], at(200)));
    expect(uploading).toMatchObject({ state: 'uploading', consecutiveFailures: 0, reason: null, waitingFor: null });
    // A network wait that then meets an unreadable list starts the calm backoff at 30 s.
    expect(ok(transition(network, events['opt-outs-unreadable'], at(300))).nextAttemptAt).toBe(at(330).toISOString());
  });
});

describe('happy path', () => {
  it('queued → uploading → awaiting-ack → accepted, with history and progress', () => {
    const result = applyEvents(baseJob, [
      { event: events['start-upload'], now: at(1) },
      { event: { type: 'progress', uploadedBytes: 400 }, now: at(2) },
      { event: { type: 'progress', uploadedBytes: 5000 }, now: at(3) },
      { event: { type: 'renaming' }, now: at(4) },
      { event: { type: 'uploaded' }, now: at(5) },
      { event: { type: 'ack-not-yet' }, now: at(15) },
      { event: { type: 'ack-accepted', campaignId: '483443' }, now: at(30) },
    ]);
    const job = ok(result);
    expect(job).toMatchObject({
      state: 'accepted',
      campaignId: '483443',
      attempts: 1,
      uploadedBytes: 1000,
      totalBytes: 1000,
      remoteName: '2725-DDK1-Soldes_20241116150000.csv',
      temporaryName: '2725-DDK1-Soldes_20241116150000.tmp',
      stampAt: t0.toISOString(),
      onServerAt: at(5).toISOString(),
      ackPolls: 2,
      nextPollAt: null,
      mayBeOnServer: false,
      reason: null,
    });
    expect(job.history.map((entry) => `${entry.from ?? '-'}>${entry.to}`)).toEqual(['-' + '>queued', 'queued>uploading', 'uploading>awaiting-ack', 'awaiting-ack>accepted']);
    expect(job.history[3].at).toBe(at(30).toISOString());
  });

  it('clamps progress to the total and records no history for it', () => {
    const uploading = ok(transition(baseJob, events['start-upload'], at(1)));
    const progressed = ok(transition(uploading, { type: 'progress', uploadedBytes: 99_999 }, at(2)));
    expect(progressed.uploadedBytes).toBe(1000);
    expect(progressed.history).toHaveLength(uploading.history.length);
    expect(ok(transition(uploading, { type: 'progress', uploadedBytes: -5 }, at(2))).uploadedBytes).toBe(0);
  });

  it('keeps the rejection code, message and action', () => {
    const awaiting = inState('awaiting-ack');
    expect(ok(transition(awaiting, events['ack-rejected'], at(1)))).toMatchObject({
      state: 'rejected',
      reason: { code: '03', message: 'Campagne modèle inexistante', action: 'Vérifiez le numéro' },
    });
  });

  it('refuses malformed events', () => {
    expect(transition(baseJob, { type: 'start-upload', remoteName: '', temporaryName: 'x.tmp', totalBytes: 1 }, at(1))).toMatchObject({ ok: false, error: { code: 'invalid-event' } });
    expect(transition(baseJob, { type: 'start-upload', remoteName: 'x.csv', temporaryName: 'x.tmp', totalBytes: Number.NaN }, at(1))).toMatchObject({ ok: false, error: { code: 'invalid-event' } });
    expect(transition(baseJob, { type: 'wait-until', until: 'demain' }, at(1))).toMatchObject({ ok: false, error: { code: 'invalid-event' } });
  });
});

describe('network errors and backoff', () => {
  it('waits 10 s, 20 s, 40 s … capped at 10 minutes, deterministically', () => {
    let job = baseJob;
    const delays: number[] = [];
    let now = at(0);
    for (let i = 0; i < 9; i++) {
      job = ok(transition(job, events['start-upload'], now));
      job = ok(transition(job, events['network-error'], now));
      expect(job).toMatchObject({ state: 'waiting', waitingFor: 'network', reason: networkError, lastError: networkError, uploadedBytes: 0 });
      const next = Date.parse(job.nextAttemptAt!);
      delays.push((next - now.getTime()) / 1000);
      now = new Date(next);
    }
    expect(delays).toEqual([10, 20, 40, 80, 160, 320, 600, 600, 600]);
    expect(job.attempts).toBe(9);
    expect(job.consecutiveFailures).toBe(9);
  });

  it('uses the slow policy for a full server and jitter when a random source is injected', () => {
    const slow = ok(transition(baseJob, { type: 'network-error', error: { code: 'server-full', message: 'Disque plein' }, slow: true }, t0));
    expect(Date.parse(slow.nextAttemptAt!) - t0.getTime()).toBe(5 * 60_000);
    const jittered = ok(transition(baseJob, events['network-error'], t0, { random: () => 1 }));
    expect(Date.parse(jittered.nextAttemptAt!) - t0.getTime()).toBe(8_000);
  });

  it('resets the backoff once the file is on the server or the user retries', () => {
    const waiting = ok(transition(inState('uploading', { consecutiveFailures: 4 }), events['network-error'], t0));
    expect(waiting.consecutiveFailures).toBe(5);
    const retried = ok(transition(waiting, { type: 'user-retry' }, at(1)));
    expect(retried).toMatchObject({ state: 'queued', consecutiveFailures: 0, nextAttemptAt: null, reason: null, waitingFor: null });
    const uploaded = ok(transition(inState('uploading', { consecutiveFailures: 4 }), { type: 'uploaded' }, t0));
    expect(uploaded.consecutiveFailures).toBe(0);
  });

  it('fails after the configured number of failures in a row, and keeps retrying for ever by default', () => {
    const options = { maxConsecutiveFailures: 3 };
    const second = ok(transition(inState('waiting', { consecutiveFailures: 1 }), events['network-error'], t0, options));
    expect(second.state).toBe('waiting');
    const third = ok(transition(second, events['network-error'], t0, options));
    expect(third).toMatchObject({ state: 'failed', reason: { code: 'too-many-attempts', detail: 'Serveur injoignable' } });
    expect(third.reason?.message).toContain('Serveur injoignable');
    expect(ok(transition(inState('waiting', { consecutiveFailures: 500 }), events['network-error'], t0)).state).toBe('waiting');
  });

  it('fails at once on a permanent error, and a retry goes back to the queue', () => {
    const failed = ok(transition(inState('uploading'), events['permanent-error'], t0));
    expect(failed).toMatchObject({ state: 'failed', reason: { code: 'auth' } });
    expect(ok(transition(failed, { type: 'user-retry' }, at(1)))).toMatchObject({ state: 'queued', reason: null });
  });

  it('waits for a chosen time', () => {
    const waiting = ok(transition(baseJob, events['wait-until'], t0));
    expect(waiting).toMatchObject({ state: 'waiting', waitingFor: 'time', nextAttemptAt: at(3600).toISOString() });
  });
});

describe('acknowledgement polling', () => {
  it('polls with backoff until the answer arrives', () => {
    let job = ok(transition(inState('uploading', { totalBytes: 10 }), { type: 'uploaded' }, t0));
    expect(Date.parse(job.nextPollAt!) - t0.getTime()).toBe(10_000);
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      const now = new Date(job.nextPollAt!);
      job = ok(transition(job, { type: 'ack-not-yet' }, now));
      gaps.push((Date.parse(job.nextPollAt!) - now.getTime()) / 1000);
    }
    expect(gaps).toEqual([15, 22.5, 33.75, 50.625]);
    expect(job.ackPolls).toBe(4);
    expect(job.history).toHaveLength(baseJob.history.length + 1);
  });

  it('records a polling error without leaving awaiting-ack, and checks now on demand', () => {
    const polled = ok(transition(inState('awaiting-ack'), { type: 'ack-not-yet', error: networkError }, t0));
    expect(polled).toMatchObject({ state: 'awaiting-ack', lastError: networkError, reason: null });
    expect(ok(transition(polled, { type: 'user-check-ack' }, at(1))).nextPollAt).toBe(at(1).toISOString());
  });
});

describe('exactly once', () => {
  it('a copy found on the server skips the upload and takes its name', () => {
    const found = ok(transition(inState('queued'), { type: 'found-on-server', remoteName: '2725-DDK1-Soldes_20241116170000.csv', stage: 'dropped' }, t0));
    expect(found).toMatchObject({ state: 'awaiting-ack', remoteName: '2725-DDK1-Soldes_20241116170000.csv', onServerAt: t0.toISOString(), attempts: 0 });
    expect(found.history.at(-1)?.note).toBe('found-on-server');
    expect(Date.parse(found.nextPollAt!)).toBeGreaterThan(t0.getTime());
    const answered = ok(transition(inState('waiting'), { type: 'found-on-server', remoteName: 'x.csv', stage: 'answered' }, t0));
    expect(answered.nextPollAt).toBe(t0.toISOString());
  });

  it('after a crash during the rename, no new upload before the server was checked', () => {
    const renaming = ok(applyEvents(baseJob, [
      { event: events['start-upload'], now: at(1) },
      { event: { type: 'renaming' }, now: at(2) },
    ]));
    expect(renaming.mayBeOnServer).toBe(true);
    const restarted = ok(transition(renaming, { type: 'interrupted' }, at(100)));
    expect(restarted).toMatchObject({ state: 'queued', mayBeOnServer: true });
    expect(restarted.history.at(-1)?.note).toBe('interrupted');
    expect(transition(restarted, events['start-upload'], at(101))).toMatchObject({ ok: false, error: { code: 'may-be-on-server' } });
    // The rename had gone through: the scan finds it.
    expect(ok(transition(restarted, events['found-on-server'], at(101))).state).toBe('awaiting-ack');
    // It had not: the scan clears the doubt and the upload may start again.
    const cleared = ok(transition(restarted, { type: 'not-on-server' }, at(101)));
    expect(cleared).toMatchObject({ state: 'queued', mayBeOnServer: false });
    expect(ok(transition(cleared, events['start-upload'], at(102)))).toMatchObject({ state: 'uploading', attempts: 2 });
  });

  it('a network error during the rename keeps the doubt', () => {
    const waiting = ok(transition(inState('uploading', { mayBeOnServer: true }), events['network-error'], t0));
    expect(waiting).toMatchObject({ state: 'waiting', mayBeOnServer: true });
    expect(transition(waiting, events['start-upload'], at(60))).toMatchObject({ ok: false, error: { code: 'may-be-on-server' } });
  });
});

describe('cancel', () => {
  it('cancels at once before the upload', () => {
    for (const state of ['queued', 'waiting', 'held', 'failed'] as const) {
      expect(ok(transition(inState(state), { type: 'user-cancel' }, t0))).toMatchObject({ state: 'cancelled', reason: { code: 'cancelled-by-user' }, nextAttemptAt: null });
    }
  });

  it('refuses once the file is on the server, with a message that says what to do', () => {
    const result = transition(inState('awaiting-ack'), { type: 'user-cancel' }, t0);
    expect(result).toMatchObject({ ok: false, error: { code: 'already-on-server', message: frQueue.transitionErrors['already-on-server'] } });
  });

  it('during the upload: a request the runtime honours before the rename', () => {
    const uploading = ok(transition(baseJob, events['start-upload'], t0));
    const requested = ok(transition(uploading, { type: 'user-cancel' }, at(1)));
    expect(requested).toMatchObject({ state: 'uploading', cancelRequested: true });
    expect(requested.history.at(-1)?.note).toBe('cancel-requested');
    expect(ok(transition(requested, { type: 'user-cancel' }, at(2)))).toBe(requested);
    expect(transition(requested, { type: 'renaming' }, at(2))).toMatchObject({ ok: false, error: { code: 'cancel-requested' } });
    expect(ok(transition(requested, { type: 'upload-cancelled' }, at(3)))).toMatchObject({ state: 'cancelled', cancelRequested: false });
  });

  it('too late when the rename had already gone through', () => {
    const renamed = inState('uploading', { mayBeOnServer: true });
    const requested = ok(transition(renamed, { type: 'user-cancel' }, t0));
    expect(requested.cancelRequested).toBe(true);
    expect(transition(requested, { type: 'upload-cancelled' }, t0)).toMatchObject({ ok: false, error: { code: 'may-be-on-server' } });
    const uploaded = ok(transition(requested, { type: 'uploaded' }, at(1)));
    expect(uploaded).toMatchObject({ state: 'awaiting-ack', cancelRequested: false });
    expect(uploaded.history.at(-1)?.note).toBe('cancel-too-late');
  });

  it('a job that may be on the server is cancelled only after the scan proves it is not', () => {
    const doubtful = inState('waiting', { mayBeOnServer: true });
    const requested = ok(transition(doubtful, { type: 'user-cancel' }, t0));
    expect(requested).toMatchObject({ state: 'waiting', cancelRequested: true });
    expect(transition(requested, events['start-upload'], at(1))).toMatchObject({ ok: false, error: { code: 'cancel-requested' } });
    expect(ok(transition(requested, { type: 'not-on-server' }, at(1)))).toMatchObject({ state: 'cancelled', mayBeOnServer: false, cancelRequested: false });
    expect(ok(transition(requested, events['found-on-server'], at(1)))).toMatchObject({ state: 'awaiting-ack', cancelRequested: false });
  });
});

describe('held jobs', () => {
  const programmed = inState('queued', { programmedAt: at(60).toISOString() });

  it('a programmed time that passed holds the job until the user decides', () => {
    const held = ok(transition(programmed, { type: 'programmed-time-passed' }, at(120)));
    expect(held).toMatchObject({ state: 'held', reason: { code: 'programmed-time-passed' } });
    expect(held.reason?.action).toBeTruthy();
    expect(transition(held, { type: 'user-confirm' }, at(130))).toMatchObject({ ok: false, error: { code: 'programmed-time-in-past' } });
    expect(transition(held, { type: 'user-retry' }, at(130)).ok).toBe(false);
    expect(ok(transition(held, { type: 'user-reschedule', programmedAt: null }, at(130)))).toMatchObject({ state: 'queued', programmedAt: null, reason: null });
    expect(ok(transition(held, { type: 'user-reschedule', programmedAt: at(3600).toISOString() }, at(130)))).toMatchObject({ state: 'queued', programmedAt: at(3600).toISOString() });
    expect(transition(held, { type: 'user-reschedule', programmedAt: at(150).toISOString() }, at(130))).toMatchObject({ ok: false, error: { code: 'programmed-time-in-past' } });
    expect(transition(held, { type: 'user-reschedule', programmedAt: 'bientôt' }, at(130))).toMatchObject({ ok: false, error: { code: 'invalid-event' } });
  });

  it('a too-close programmed time says so', () => {
    expect(ok(transition(programmed, { type: 'programmed-time-passed', tooSoon: true }, at(30)))).toMatchObject({ reason: { code: 'programmed-time-too-soon' } });
  });

  it('an expired MediasFlow stamp holds; confirming drops again with a new stamp', () => {
    const uploading = ok(transition(baseJob, events['start-upload'], t0));
    const held = ok(transition(uploading, { type: 'stamp-expired' }, at(7200)));
    expect(held).toMatchObject({ state: 'held', reason: { code: 'stamp-expired' } });
    const confirmed = ok(transition(held, { type: 'user-confirm' }, at(7300)));
    expect(confirmed).toMatchObject({ state: 'queued', reason: null });
    const again = ok(transition(confirmed, { ...events['start-upload'], type: 'start-upload', stampAt: at(7300).toISOString() } as JobEvent, at(7300)));
    expect(again).toMatchObject({ state: 'uploading', attempts: 2, stampAt: at(7300).toISOString() });
  });
});
