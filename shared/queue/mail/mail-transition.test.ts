import { describe, expect, it } from 'vitest';
import type { IsendproBatch } from '../../providers/isendpro/isendpro-job';
import { createJob } from '../job-schedule';
import type { Job } from '../job-types';
import { mailTransition, type MailTransitionEvent } from './mail-transition';
import { mailDueAction, mailNextWakeAt } from './mail-schedule';

const now = new Date('2026-12-01T10:00:00Z');

function batch(emailId: number, overrides: Partial<IsendproBatch> = {}): IsendproBatch {
  return {
    emailId,
    followUpOf: null,
    messageId: `m${emailId}`,
    mailFile: `${emailId}.eml`,
    sha256: 'x',
    recipients: [{ number: '0600000001', message: 'Bonjour' }],
    sharedMessage: null,
    smslong: 1,
    notBefore: now.toISOString(),
    state: 'ready',
    sendAttempts: 0,
    smtpAccepted: false,
    failures: 0,
    lastError: null,
    ack: null,
    notified: 0,
    alert: null,
    ...overrides,
  };
}

function mailJob(batches: IsendproBatch[]): Job {
  const job = createJob({ id: 'jtest0001', connectionId: 'cn1', providerId: 'isendpro-mail', channel: 'sms', sendType: 'notification', campaignName: 'Test', idDelivery: '20261201100000000001', templateId: null }, now);
  return { ...job, mail: { tracker: job.idDelivery, sender: '', batches, leftOutForeign: 0, recipients: batches.length, notifications: [], mailbox: null } };
}

function run(job: Job, ...events: MailTransitionEvent[]): Job {
  return events.reduce((current, event) => {
    const result = mailTransition(current, event, now);
    if (!result.ok) throw new Error(`${event.type}: ${result.error.code}`);
    return result.job;
  }, job);
}

const ack = (emailId: number, code: number) => ({ type: 'mail-ack' as const, ack: { kind: 'ack' as const, emailId, code, message: '' } });

describe('mail job state machine', () => {
  it('follows its batches: sending → uploading, sent → awaiting-ack, every batch acknowledged 0 → accepted', () => {
    let job = mailJob([batch(1), batch(2)]);
    expect(mailDueAction(job, now, { online: true, pollAllAnswers: false })).toBe('mail-send');
    job = run(job, { type: 'mail-sending', emailId: 1 });
    expect(job.state).toBe('uploading');
    job = run(job, { type: 'mail-sent', emailId: 1 }, { type: 'mail-sending', emailId: 2 }, { type: 'mail-sent', emailId: 2 });
    expect(job.state).toBe('awaiting-ack');
    expect(job.attempts).toBe(2);
    expect(mailDueAction(job, now, { online: true, pollAllAnswers: false })).toBe('mail-read');
    // The app's watcher holds the connection: only its announcement (a check of every job) reads, the clock wakes nothing.
    expect(mailDueAction(job, now, { online: true, pollAllAnswers: false, answersWatched: true })).toBeNull();
    expect(mailDueAction(job, now, { online: true, pollAllAnswers: true, answersWatched: true })).toBe('mail-read');
    expect(mailNextWakeAt(job, now, { answersWatched: true })).toBeNull();
    expect(mailNextWakeAt(job, now)?.toISOString()).toBe(now.toISOString());
    job = run(job, ack(1, 0), ack(2, 0));
    expect(job.state).toBe('accepted');
    expect(job.campaignId).toBe(job.idDelivery);
    expect(job.history.map((entry) => entry.to)).toEqual(['queued', 'uploading', 'queued', 'uploading', 'awaiting-ack', 'accepted']);
  });

  it('code 1 counts as accepted only for a batch sent more than once; on a first send it rejects with an alert', () => {
    const resent = run(mailJob([batch(1)]), { type: 'mail-sending', emailId: 1 }, { type: 'mail-send-failed', emailId: 1, error: 'cut', retryAt: now.toISOString() }, { type: 'mail-sending', emailId: 1 }, { type: 'mail-sent', emailId: 1 }, ack(1, 1));
    expect(resent.state).toBe('accepted');
    const first = run(mailJob([batch(1)]), { type: 'mail-sending', emailId: 1 }, { type: 'mail-sent', emailId: 1 }, ack(1, 1));
    expect(first.state).toBe('rejected');
    expect(first.reason?.code).toBe('isendpro-ack-1');
  });

  it('a transient failure keeps the batch "sending" (same bytes later) and due again at retryAt', () => {
    const retryAt = new Date(now.getTime() + 60_000).toISOString();
    const job = run(mailJob([batch(1)]), { type: 'mail-sending', emailId: 1 }, { type: 'mail-send-failed', emailId: 1, error: 'cut', retryAt });
    expect(job.mail!.batches[0]).toMatchObject({ state: 'sending', failures: 1, notBefore: retryAt });
    expect(mailDueAction(job, now, { online: true, pollAllAnswers: false })).toBe('mail-read');
    expect(mailDueAction(job, new Date(retryAt), { online: true, pollAllAnswers: false })).toBe('mail-send');
    expect(mailNextWakeAt(job, now)?.toISOString()).toBe(now.toISOString());
    // Watched: the batch still due again at retryAt (sending is the clock's), the read is the watcher's.
    expect(mailNextWakeAt(job, now, { answersWatched: true })?.toISOString()).toBe(retryAt);
  });

  it('cancel: nothing sent → cancelled; some sent → the rest never leaves', () => {
    expect(run(mailJob([batch(1)]), { type: 'user-cancel' }).state).toBe('cancelled');
    const partly = run(mailJob([batch(1), batch(2)]), { type: 'mail-sending', emailId: 1 }, { type: 'mail-sent', emailId: 1 }, { type: 'user-cancel' });
    expect(partly.mail!.batches.map((b) => b.state)).toEqual(['sent', 'cancelled']);
    expect(partly.state).toBe('awaiting-ack');
    expect(mailDueAction(partly, now, { online: true, pollAllAnswers: false })).toBe('mail-read');
  });

  it('retry of a failed campaign sends again only the batches that never left', () => {
    const failed = run(mailJob([batch(1), batch(2)]), { type: 'mail-sending', emailId: 1 }, { type: 'mail-sent', emailId: 1 }, { type: 'mail-failed', error: { code: 'smtp-auth', message: 'x' } });
    expect(failed.state).toBe('failed');
    const retried = run(failed, { type: 'user-retry' });
    expect(retried.mail!.batches.map((b) => b.state)).toEqual(['sent', 'ready']);
    expect(retried.reason).toBeNull();
  });

  it('a batch may be rebuilt (opt-outs left out) only before its first send; an emptied last batch cancels the job', () => {
    const job = mailJob([batch(1)]);
    expect(run(job, { type: 'mail-batch-rebuilt', batch: batch(1, { sha256: 'y' }) }).mail!.batches[0].sha256).toBe('y');
    const sent = run(job, { type: 'mail-sending', emailId: 1 });
    expect(mailTransition(sent, { type: 'mail-batch-rebuilt', batch: batch(1) }, now).ok).toBe(false);
    expect(run(job, { type: 'mail-batch-emptied', emailId: 1, removed: 1 })).toMatchObject({ state: 'cancelled', reason: { code: 'all-opted-out' } });
  });

  it('refuses confirm and reschedule (a batch is only ever resent byte for byte)', () => {
    expect(mailTransition(mailJob([batch(1)]), { type: 'user-confirm' }, now)).toMatchObject({ ok: false, error: { code: 'illegal-transition' } });
    expect(mailTransition(mailJob([batch(1)]), { type: 'user-reschedule', programmedAt: null }, now).ok).toBe(false);
  });
});
