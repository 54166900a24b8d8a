/** An iSendPro mail-to-SMS job's batches as Envois shows them (pure): how many e-mails left, were accepted, were refused. */
import type { JobView } from '@shared/ipc/channels/queue';

export interface MailBatchSummary {
  mails: number;
  sent: number;
  accepted: number;
  rejected: number;
  recipients: number;
}

export function mailBatchSummary(job: Pick<JobView, 'mail'>): MailBatchSummary | null {
  if (!job.mail) return null;
  const live = job.mail.batches.filter((batch) => !(batch.state === 'cancelled' && batch.sendAttempts === 0));
  return {
    mails: live.length,
    sent: live.filter((batch) => batch.smtpAccepted || batch.state === 'accepted' || batch.state === 'rejected').length,
    accepted: live.filter((batch) => batch.state === 'accepted').length,
    rejected: live.filter((batch) => batch.state === 'rejected').length,
    recipients: job.mail.recipients,
  };
}
