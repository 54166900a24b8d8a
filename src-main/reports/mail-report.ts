/**
 * The report of an iSendPro mail-to-SMS campaign, from the notification mails
 * its job received: the same fields as a MediasFlow report (`report --job ID
 * --json`), `campaignId` being the drop's IDDELIVERY, `versions` the
 * notifications received, `stop` and `clicks` always 0, plus `answered`.
 */
import { collectOutcomes, summarizeOutcomes, type IsendproReportSummary } from '@shared/providers/isendpro/isendpro-report';
import type { Job } from '@shared/queue/job-types';

export type MailReportView = Omit<IsendproReportSummary, 'answered'> & {
  campaignId: string;
  versions: number;
  latest: string | null;
  jobId: string;
  newVersions: number;
  answered: number;
};

export function mailReportView(job: Job, newNotifications: number): MailReportView {
  const mail = job.mail!;
  const summary = summarizeOutcomes(collectOutcomes(mail.notifications).values(), mail.recipients);
  const last = mail.notifications.at(-1);
  return {
    campaignId: mail.tracker,
    versions: mail.notifications.length,
    latest: last ? `emailId ${last.emailId} ${last.at}` : null,
    recipients: summary.recipients,
    categories: summary.categories,
    stop: 0,
    clicks: 0,
    byCode: summary.byCode,
    jobId: job.id,
    newVersions: newNotifications,
    answered: summary.answered,
  };
}
