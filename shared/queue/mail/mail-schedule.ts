/** Which step of an iSendPro mail-to-SMS job is due, and when the clock alone makes one due (pure). */
import { dueBatches, terminalJobStates } from '../../providers/isendpro/isendpro-job';
import type { Job } from '../job-types';
import { asIsendproJob } from './mail-job-view';

/** How long after its acknowledgement a batch's notification is still awaited (the mailbox is read meanwhile). */
export const NOTIFICATION_WATCH_MS = 72 * 60 * 60_000;
/** Catch-up read of the mailbox while answers are awaited (the app's IDLE watcher rings sooner). */
export const MAILBOX_READ_INTERVAL_MS = 3 * 60_000;

/** What the runner knows when it asks which mail step is due. */
export interface MailDueContext {
  online: boolean;
  /** Check every job awaiting an answer once, whatever its next read time (queue run --until-idle, Actualiser, the watcher's announcement). */
  pollAllAnswers: boolean;
  /** The app's mailbox watcher holds this job's connection: it says when to read, the clock does not. */
  answersWatched?: boolean;
}

export type MailAction = 'mail-send' | 'mail-read';

/** True while a batch that left awaits its acknowledgement, or its notification (up to 72 h after the acknowledgement). */
export function awaitsAnswers(job: Job, now: Date): boolean {
  if (!job.mail || job.state === 'failed' || job.state === 'cancelled') return false;
  const since = now.getTime() - NOTIFICATION_WATCH_MS;
  return job.mail.batches.some(
    (batch) =>
      batch.sendAttempts > 0 &&
      (batch.state === 'sending' || batch.state === 'sent' || (batch.state === 'accepted' && batch.notified === 0 && Date.parse(batch.ack?.at ?? job.updatedAt) > since)),
  );
}

function reached(at: string | null, now: Date): boolean {
  return at === null || Date.parse(at) <= now.getTime();
}

/**
 * 'mail-send' when a batch is due (ready, or found mid-send after a crash:
 * the same bytes go again); 'mail-read' when answers are awaited and the
 * next read is due (or every awaiting job is to be checked once). While the
 * app's watcher holds the connection, only a check of every job reads (the
 * watcher asks for one when the server announces a mail, at every
 * reconnection and periodically): the clock alone never opens a second
 * connection beside it.
 */
export function mailDueAction(job: Job, now: Date, context: MailDueContext): MailAction | null {
  if (!job.mail || !context.online) return null;
  if (!terminalJobStates.has(job.state) && dueBatches(asIsendproJob(job), now).length > 0) return 'mail-send';
  if (awaitsAnswers(job, now) && (context.pollAllAnswers || (!context.answersWatched && reached(job.nextPollAt, now)))) return 'mail-read';
  return null;
}

/** `answersWatched`: the watcher reads for this job, so its next read time wakes nothing. */
export function mailNextWakeAt(job: Job, now: Date = new Date(), context: { answersWatched?: boolean } = {}): Date | null {
  if (!job.mail) return null;
  const times: number[] = [];
  if (!terminalJobStates.has(job.state)) {
    for (const batch of job.mail.batches) if (batch.state === 'ready' || batch.state === 'sending') times.push(Date.parse(batch.notBefore));
  }
  if (awaitsAnswers(job, now) && !context.answersWatched) times.push(job.nextPollAt ? Date.parse(job.nextPollAt) : now.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}
