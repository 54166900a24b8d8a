/**
 * The iSendPro mail-to-SMS job's state machine (pure). The job's state is
 * the summary of its batches (isendpro-job.ts's deriveJobState): every event
 * changes one batch (or adds follow-ups) through the batch rules, and the
 * job's generic fields follow. The user events every driver answers:
 * cancel (batches not sent yet never leave; a campaign with nothing sent is
 * cancelled), retry (a failed campaign's batches that never left go again),
 * check-ack (read the mailbox now). Confirm and reschedule do not apply: a
 * batch is never "sent again under a new name", its emailId is its identity.
 */
import frQueue from '../../i18n/fr/queue.json';
import { fillTemplate } from '../../providers/ack-result';
import {
  addBatches,
  applyAck,
  applyNotification,
  deriveJobState,
  failJob,
  markSendFailed,
  markSending,
  markSent,
  postponeBatch,
  type IsendproJob,
} from '../../providers/isendpro/isendpro-job';
import type { HistoryEntry, Job, JobEvent, TransitionErrorCode, TransitionResult } from '../job-types';
import { finalStates } from '../job-types';
import { asIsendproJob, fromIsendproJob } from './mail-job-view';
import type { MailJobEvent, MailProgress } from './mail-job-types';

export type MailTransitionEvent = JobEvent | MailJobEvent;

function fail(job: Job, event: MailTransitionEvent, code: TransitionErrorCode, detail = ''): TransitionResult {
  const message = fillTemplate(frQueue.transitionErrors[code], { state: frQueue.states[job.state], detail });
  return { ok: false, error: { code, message, state: job.state, event: event.type } };
}

function done(job: Job, event: MailTransitionEvent, campaign: IsendproJob, now: Date, extra: Partial<Job> = {}): TransitionResult {
  const next = { ...fromIsendproJob(job, campaign, now), ...extra, updatedAt: now.toISOString() };
  let history = job.history;
  if (next.state !== job.state) {
    const entry: HistoryEntry = { at: now.toISOString(), event: event.type, from: job.state, to: next.state };
    history = [...job.history, entry];
  }
  return { ok: true, job: { ...next, history } };
}

function withBatches(campaign: IsendproJob, now: Date): IsendproJob {
  return { ...campaign, state: deriveJobState(campaign, now), updatedAt: now.toISOString() };
}

export function mailTransition(job: Job, event: MailTransitionEvent, now: Date): TransitionResult {
  if (!job.mail) return fail(job, event, 'invalid-event', 'mail');
  const campaign = asIsendproJob(job);
  const mail = job.mail as MailProgress;
  const has = (emailId: number) => mail.batches.some((batch) => batch.emailId === emailId);
  switch (event.type) {
    case 'mail-sending':
      if (!has(event.emailId)) return fail(job, event, 'invalid-event', 'emailId');
      if (finalStates.has(job.state) || job.state === 'failed') return fail(job, event, 'finished');
      return done(job, event, markSending(campaign, event.emailId, now), now);
    case 'mail-sent':
      if (!has(event.emailId)) return fail(job, event, 'invalid-event', 'emailId');
      return done(job, event, markSent(campaign, event.emailId, now), now);
    case 'mail-send-failed':
      if (!has(event.emailId)) return fail(job, event, 'invalid-event', 'emailId');
      return done(job, event, markSendFailed(campaign, event.emailId, event.error, new Date(event.retryAt), now), now, {
        lastError: { code: 'smtp-transient', message: event.error },
        consecutiveFailures: job.consecutiveFailures + 1,
      });
    case 'mail-postponed':
      if (!has(event.emailId)) return fail(job, event, 'invalid-event', 'emailId');
      return done(job, event, postponeBatch(campaign, event.emailId, new Date(event.until), now), now);
    case 'mail-failed':
      return done(job, event, failJob(campaign, event.error, now), now);
    case 'mail-batch-rebuilt': {
      const current = mail.batches.find((batch) => batch.emailId === event.batch.emailId);
      // Only a batch that never left may change: its bytes were never seen by anyone.
      if (!current || current.sendAttempts > 0 || current.state !== 'ready') return fail(job, event, 'invalid-event', 'batch');
      const batches = mail.batches.map((batch) => (batch.emailId === event.batch.emailId ? event.batch : batch));
      return done(job, event, withBatches({ ...campaign, batches }, now), now);
    }
    case 'mail-batch-emptied': {
      const current = mail.batches.find((batch) => batch.emailId === event.emailId);
      if (!current || current.sendAttempts > 0 || current.state !== 'ready') return fail(job, event, 'invalid-event', 'batch');
      const batches = mail.batches.map((batch) => (batch.emailId === event.emailId ? { ...batch, state: 'cancelled' as const, lastError: `opt-outs:${event.removed}` } : batch));
      const left = batches.some((batch) => batch.state !== 'cancelled');
      if (!left) {
        const reason = { code: 'all-opted-out', message: `Tous les destinataires de ce dépôt (${event.removed}) ont demandé à ne plus recevoir de messages depuis sa programmation : rien n'a été envoyé.` };
        return done(job, event, { ...campaign, batches, state: 'cancelled', reason }, now);
      }
      return done(job, event, withBatches({ ...campaign, batches }, now), now);
    }
    case 'mail-ack':
      return done(job, event, applyAck(campaign, event.ack, now), now);
    case 'mail-notification': {
      const timing = { nextWindowSlot: event.timing.nextWindowSlot ? new Date(event.timing.nextWindowSlot) : null, retryAt: new Date(event.timing.retryAt) };
      const outcome = applyNotification(campaign, event.notification, now, timing);
      const added = outcome.job === campaign ? outcome.job : addBatches(outcome.job, event.added, now);
      return done(job, event, added, now);
    }
    case 'mail-mailbox-read':
      return {
        ok: true,
        job: {
          ...job,
          mail: { ...mail, mailbox: { uidValidity: event.uidValidity, lastUid: event.lastUid } },
          ackPolls: job.ackPolls + 1,
          lastPolledAt: now.toISOString(),
          nextPollAt: event.nextReadAt,
          updatedAt: now.toISOString(),
        },
      };
    case 'interrupted':
      // A batch found 'sending' is simply sent again (same bytes, same emailId): nothing to change.
      return { ok: true, job };
    case 'user-check-ack':
      if (job.state === 'cancelled') return fail(job, event, 'finished');
      return { ok: true, job: { ...job, nextPollAt: now.toISOString(), updatedAt: now.toISOString() } };
    case 'user-cancel': {
      if (finalStates.has(job.state)) return fail(job, event, 'finished');
      const batches = mail.batches.map((batch) => (batch.state === 'ready' ? { ...batch, state: 'cancelled' as const } : batch));
      const anySent = batches.some((batch) => batch.sendAttempts > 0);
      const reason = { code: 'cancelled', message: anySent ? 'Annulé : les e-mails pas encore envoyés ne partiront pas ; ceux déjà partis suivent leur cours.' : 'Annulé avant tout envoi.' };
      const next: IsendproJob = anySent ? { ...withBatches({ ...campaign, batches, state: 'queued' }, now), reason } : { ...campaign, batches, state: 'cancelled', reason };
      return done(job, event, next, now);
    }
    case 'user-retry': {
      if (job.state !== 'failed') return fail(job, event, 'illegal-transition');
      const at = now.toISOString();
      const batches = mail.batches.map((batch) => (batch.state === 'cancelled' && batch.sendAttempts === 0 ? { ...batch, state: 'ready' as const, notBefore: at } : batch));
      return done(job, event, { ...withBatches({ ...campaign, batches, state: 'queued', reason: null }, now), reason: null }, now, { consecutiveFailures: 0, lastError: null });
    }
    default:
      return fail(job, event, 'illegal-transition');
  }
}
