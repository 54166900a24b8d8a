/**
 * The bridge between a queue Job carrying `mail` and the iSendPro campaign
 * the batch rules of shared/providers/isendpro/isendpro-job.ts work on: one
 * set of rules, read and written through the job record (pure).
 */
import { deriveJobState, type IsendproJob } from '../../providers/isendpro/isendpro-job';
import type { Job } from '../job-types';
import type { MailProgress } from './mail-job-types';

export function asIsendproJob(job: Job): IsendproJob {
  const mail = job.mail as MailProgress;
  return {
    formatVersion: 1,
    id: job.id,
    connectionId: job.connectionId,
    campaignName: job.campaignName,
    sendType: job.sendType,
    sender: mail.sender,
    tracker: mail.tracker,
    createdAt: job.createdAt,
    programmedAt: job.programmedAt,
    state: job.state,
    reason: job.reason,
    batches: mail.batches,
    leftOutForeign: mail.leftOutForeign,
    recipients: mail.recipients,
    notifications: mail.notifications,
    updatedAt: job.updatedAt,
  };
}

/** The job's generic fields follow its batches: state, when it next moves, attempts, when a mail first left. */
export function fromIsendproJob(job: Job, campaign: IsendproJob, now: Date): Job {
  const state = campaign.state;
  const ready = campaign.batches.filter((batch) => batch.state === 'ready' || batch.state === 'sending').map((batch) => batch.notBefore).sort();
  const firstAccepted = job.onServerAt ?? (campaign.batches.some((batch) => batch.smtpAccepted) ? now.toISOString() : null);
  return {
    ...job,
    state,
    reason: campaign.reason,
    waitingFor: state === 'waiting' ? 'time' : null,
    nextAttemptAt: state === 'queued' || state === 'waiting' || state === 'uploading' ? (ready[0] ?? null) : null,
    attempts: campaign.batches.reduce((sum, batch) => sum + batch.sendAttempts, 0),
    onServerAt: firstAccepted,
    campaignId: job.campaignId ?? (state === 'accepted' ? campaign.tracker : null),
    mail: {
      ...(job.mail as MailProgress),
      batches: campaign.batches,
      notifications: campaign.notifications,
    },
  };
}

/** The state the batches give (used when a job is created and after a user event). */
export function derivedState(job: Job, now: Date): Job['state'] {
  return deriveJobState(asIsendproJob(job), now);
}
