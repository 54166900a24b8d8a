/**
 * An iSendPro mail-to-SMS campaign as the queue keeps it: one job, its
 * batches inside (one mail each), plain JSON saved before every step.
 * Transitions are pure: (job, event, now) → job. The main process saves the
 * result before acting on it.
 *
 * Exactly once: a batch's emailId and mail bytes are fixed when it is
 * created. `sendAttempts` is counted and saved *before* each SMTP attempt, so
 * after a crash Dropdesk knows a resend is a resend (iSendPro answers code 1
 * "emailId déjà traité" to the copy and sends nothing twice). Recipients
 * iSendPro reports as not sent for the hours (24) or overflow (29, 999) get a
 * follow-up batch with a new emailId holding only them; a recipient with any
 * other answer is never put in a mail again.
 */
import type { JobReason, JobState } from '../../queue/job-types';
import type { SendType } from '../../scheduling/send-window';
import type { AckAnswer, NotificationAnswer, NotificationState } from './isendpro-answers';
import { ACK_LABELS } from './isendpro-codes';
import type { EnvoiRecipient } from './isendpro-envoi';
import { notificationEffect } from './isendpro-report';

/** A recipient held (24) or overflowed (29, 999) is put in a new mail at most this many times. */
export const ISENDPRO_MAX_FOLLOW_UPS = 5;

export type BatchState = 'ready' | 'sending' | 'sent' | 'accepted' | 'rejected' | 'cancelled';

export interface IsendproBatch {
  emailId: number;
  /** The emailId whose held or overflowed recipients this batch resends; null for the campaign's own batches. */
  followUpOf: number | null;
  messageId: string;
  /** File name of the saved mail (bytes exactly as sent), beside the job file. */
  mailFile: string;
  sha256: string;
  recipients: EnvoiRecipient[];
  sharedMessage: string | null;
  smslong: number;
  /** Not sent before this instant (programmed time, window, retry later). */
  notBefore: string;
  state: BatchState;
  /** SMTP attempts started (saved before each attempt). */
  sendAttempts: number;
  /** The SMTP server accepted the DATA at least once. */
  smtpAccepted: boolean;
  /** SMTP failures in a row (backoff). */
  failures: number;
  lastError: string | null;
  ack: { code: number; message: string; at: string } | null;
  /** Notifications received for this batch (usually one). */
  notified: number;
  /** Plain-French alert for the user (e.g. code 1 on a first send). */
  alert: string | null;
}

export interface ReceivedNotification {
  emailId: number;
  at: string;
  states: NotificationState[];
}

export interface IsendproJob {
  formatVersion: 1;
  id: string;
  connectionId: string;
  campaignName: string;
  sendType: SendType;
  sender: string;
  /** The drop's IDDELIVERY, written in every batch's <tracker>. */
  tracker: string;
  createdAt: string;
  programmedAt: string | null;
  state: JobState;
  reason: JobReason | null;
  batches: IsendproBatch[];
  /** Sendable rows left out (not French). */
  leftOutForeign: number;
  recipients: number;
  notifications: ReceivedNotification[];
  updatedAt: string;
}

export const terminalJobStates: ReadonlySet<JobState> = new Set(['accepted', 'rejected', 'failed', 'cancelled']);

/** What the job is, from its batches (one rule, used after every transition). */
export function deriveJobState(job: Pick<IsendproJob, 'batches' | 'reason' | 'state'>, now: Date): JobState {
  if (job.state === 'failed' || job.state === 'cancelled') return job.state;
  const live = job.batches.filter((batch) => batch.state !== 'cancelled');
  if (live.some((batch) => batch.state === 'rejected')) return 'rejected';
  if (live.length > 0 && live.every((batch) => batch.state === 'accepted')) return 'accepted';
  if (live.some((batch) => batch.state === 'sending')) return 'uploading';
  const ready = live.filter((batch) => batch.state === 'ready');
  if (ready.length === 0) return 'awaiting-ack';
  if (ready.every((batch) => Date.parse(batch.notBefore) > now.getTime())) return 'waiting';
  return 'queued';
}

function withState(job: IsendproJob, now: Date): IsendproJob {
  return { ...job, state: deriveJobState(job, now), updatedAt: now.toISOString() };
}

function replaceBatch(job: IsendproJob, emailId: number, change: (batch: IsendproBatch) => IsendproBatch): IsendproJob {
  return { ...job, batches: job.batches.map((batch) => (batch.emailId === emailId ? change(batch) : batch)) };
}

/** The batches to send now, in order (never one of a finished job). */
export function dueBatches(job: IsendproJob, now: Date): IsendproBatch[] {
  if (terminalJobStates.has(job.state)) return [];
  return job.batches.filter((batch) => (batch.state === 'ready' || batch.state === 'sending') && Date.parse(batch.notBefore) <= now.getTime());
}

/** Saved just before the SMTP attempt. */
export function markSending(job: IsendproJob, emailId: number, now: Date): IsendproJob {
  return withState(replaceBatch(job, emailId, (batch) => ({ ...batch, state: 'sending', sendAttempts: batch.sendAttempts + 1 })), now);
}

/** The SMTP server took the DATA (250). */
export function markSent(job: IsendproJob, emailId: number, now: Date): IsendproJob {
  return withState(
    replaceBatch(job, emailId, (batch) => ({ ...batch, state: batch.state === 'sending' ? 'sent' : batch.state, smtpAccepted: true, failures: 0, lastError: null })),
    now,
  );
}

/**
 * A transient SMTP failure (network, 4xx, a cut after DATA): the batch stays
 * 'sending' (it may have arrived) and the same bytes go again at `retryAt`.
 */
export function markSendFailed(job: IsendproJob, emailId: number, error: string, retryAt: Date, now: Date): IsendproJob {
  return withState(
    replaceBatch(job, emailId, (batch) => ({ ...batch, failures: batch.failures + 1, lastError: error, notBefore: retryAt.toISOString() })),
    now,
  );
}

/** A marketing batch outside the window waits for the next slot (nothing was sent). */
export function postponeBatch(job: IsendproJob, emailId: number, until: Date, now: Date): IsendproJob {
  return withState(replaceBatch(job, emailId, (batch) => ({ ...batch, notBefore: until.toISOString() })), now);
}

/** A permanent failure (authentication, the server refused the mail): the campaign stops with what to do. */
export function failJob(job: IsendproJob, reason: JobReason, now: Date): IsendproJob {
  const batches = job.batches.map((batch) => (batch.state === 'ready' ? { ...batch, state: 'cancelled' as const } : batch));
  return { ...job, batches, state: 'failed', reason, updatedAt: now.toISOString() };
}

export function findBatch(job: IsendproJob, emailId: number): IsendproBatch | undefined {
  return job.batches.find((batch) => batch.emailId === emailId);
}

/** Whether an answer with this emailId can be about this job (a batch Dropdesk started sending). */
export function ownsEmailId(job: IsendproJob, emailId: number): boolean {
  const batch = findBatch(job, emailId);
  return batch !== undefined && batch.sendAttempts > 0;
}

export function applyAck(job: IsendproJob, ack: AckAnswer & { emailId: number }, now: Date): IsendproJob {
  const batch = findBatch(job, ack.emailId);
  if (!batch || batch.sendAttempts === 0) return job;
  if (batch.state === 'accepted' || batch.state === 'rejected' || batch.state === 'cancelled') return job;
  const at = now.toISOString();
  const recorded = { code: ack.code ?? -1, message: ack.message, at };
  if (ack.code === 0 || (ack.code === 1 && batch.sendAttempts > 1)) {
    return withState(replaceBatch(job, ack.emailId, (current) => ({ ...current, state: 'accepted', ack: recorded })), now);
  }
  if (ack.code === 1) {
    // A first send that iSendPro says it already processed: never resend, tell the user.
    const alert = `iSendPro indique que l'e-mail ${ack.emailId} a déjà été traité alors que Dropdesk ne l'a envoyé qu'une fois. Vérifiez l'envoi dans votre espace client iSendPro avant toute autre action.`;
    const rejected = replaceBatch(job, ack.emailId, (current) => ({ ...current, state: 'rejected', ack: recorded, alert }));
    return withState({ ...rejected, reason: { code: 'isendpro-ack-1', message: alert, action: "Vérifiez l'envoi dans votre espace client iSendPro." } }, now);
  }
  const label = ack.code === 2 ? ACK_LABELS[2] : `Réponse iSendPro inconnue (code ${ack.code ?? '?'})`;
  const rejected = replaceBatch(job, ack.emailId, (current) => ({ ...current, state: 'rejected', ack: recorded }));
  return withState({ ...rejected, reason: { code: `isendpro-ack-${ack.code ?? '?'}`, message: label, detail: ack.message } }, now);
}

/** A follow-up the main process must create (new emailId, new mail) for held or overflowed recipients. */
export interface FollowUpRequest {
  followUpOf: number;
  recipients: EnvoiRecipient[];
  sharedMessage: string | null;
  smslong: number;
  notBefore: Date;
  reason: 'hold' | 'retry';
}

export interface NotificationOutcome {
  job: IsendproJob;
  followUps: FollowUpRequest[];
}

export interface NotificationTiming {
  /** Next instant inside the (margin-shortened) window, for recipients refused with 24. */
  nextWindowSlot: Date | null;
  /** When to resend recipients refused with 29/999. */
  retryAt: Date;
}

/**
 * Records a notification (once per batch and content), implies the batch was
 * accepted, fails the campaign on an account error, and asks for follow-ups.
 */
export function applyNotification(job: IsendproJob, notification: NotificationAnswer & { emailId: number }, now: Date, timing: NotificationTiming): NotificationOutcome {
  const batch = findBatch(job, notification.emailId);
  if (!batch || batch.sendAttempts === 0) return { job, followUps: [] };
  const signature = JSON.stringify(notification.states);
  if (job.notifications.some((seen) => seen.emailId === notification.emailId && JSON.stringify(seen.states) === signature)) return { job, followUps: [] };
  const at = now.toISOString();
  let next: IsendproJob = {
    ...job,
    notifications: [...job.notifications, { emailId: notification.emailId, at, states: notification.states }],
  };
  next = replaceBatch(next, notification.emailId, (current) => ({
    ...current,
    notified: current.notified + 1,
    // iSendPro only notifies what it processed: the acknowledgement may come later, or never.
    state: current.state === 'sent' || current.state === 'sending' ? 'accepted' : current.state,
  }));
  const effect = notificationEffect(notification, batch.recipients.map((recipient) => recipient.number));
  if (effect.accountError) {
    const failed = failJob(next, { code: `isendpro-${effect.accountError.code}`, message: effect.accountError.label, action: effect.accountError.action }, now);
    return { job: failed, followUps: [] };
  }
  const followUps: FollowUpRequest[] = [];
  if (followUpDepth(job, batch.emailId) >= ISENDPRO_MAX_FOLLOW_UPS) return { job: withState(next, now), followUps };
  const pick = (numbers: string[]) => {
    const wanted = new Set(numbers);
    return batch.recipients.filter((recipient) => wanted.has(recipient.number));
  };
  if (effect.hold.length > 0) {
    if (timing.nextWindowSlot === null) {
      next = { ...next, reason: { code: 'isendpro-24', message: "iSendPro a refusé l'envoi commercial hors des heures autorisées et la plage d'envoi configurée n'autorise aucun créneau.", action: "Vérifiez la plage d'envoi dans les Paramètres." } };
    } else {
      followUps.push({ followUpOf: batch.emailId, recipients: pick(effect.hold), sharedMessage: batch.sharedMessage, smslong: batch.smslong, notBefore: timing.nextWindowSlot, reason: 'hold' });
    }
  }
  if (effect.retry.length > 0) {
    followUps.push({ followUpOf: batch.emailId, recipients: pick(effect.retry), sharedMessage: batch.sharedMessage, smslong: batch.smslong, notBefore: timing.retryAt, reason: 'retry' });
  }
  return { job: withState(next, now), followUps };
}

/** Adds created follow-up batches (already saved as mail files) and re-derives the state. */
export function addBatches(job: IsendproJob, batches: IsendproBatch[], now: Date): IsendproJob {
  return withState({ ...job, batches: [...job.batches, ...batches] }, now);
}

/** How many follow-ups deep a batch is (a recipient is retried at most a few times). */
export function followUpDepth(job: IsendproJob, emailId: number): number {
  let depth = 0;
  let current = findBatch(job, emailId);
  while (current && current.followUpOf !== null && depth < 100) {
    depth++;
    current = findBatch(job, current.followUpOf);
  }
  return depth;
}
