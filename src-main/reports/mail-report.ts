/**
 * The report of an iSendPro mail-to-SMS campaign, from the notification mails
 * its job received: the same fields as a MediasFlow report (`report --job ID
 * --json`), `campaignId` being the drop's IDDELIVERY, `versions` the
 * notifications received, `stop` and `clicks` always 0, plus `answered`.
 */
import { collectOutcomes, summarizeOutcomes, type IsendproReportSummary } from '@shared/providers/isendpro/isendpro-report';
import type { Job } from '@shared/queue/job-types';
import type { CodeCount, ReportSummary } from '@shared/reports/summarize-report';
import type { ReportCategory } from '@shared/reports/status-codes';
import { formatParisDateTime } from '@shared/scheduling/paris-time';

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

/**
 * The notifications as the report screens read a MediasFlow version's
 * figures (ReportSummary): one row per answered recipient, categories and
 * codes from the annex (isendpro-codes.ts), the delivered rate over the
 * recipients mailed. iSendPro reports no clicks, previews, replies, country
 * or delivery date: those stay 0/empty; the timeline counts answers by the
 * hour their notification arrived.
 */
export function mailReportSummary(job: Job): ReportSummary {
  const mail = job.mail!;
  const outcomes = [...collectOutcomes(mail.notifications).values()];
  const summary = summarizeOutcomes(outcomes, mail.recipients);
  const labels = new Map<string, { label: string; category: ReportCategory; known: boolean }>();
  for (const outcome of outcomes) {
    const key = outcome.code === null ? '?' : String(outcome.code);
    if (!labels.has(key)) labels.set(key, { label: outcome.label, category: outcome.category, known: outcome.code !== null && !outcome.label.startsWith('Code iSendPro') });
  }
  const codes: CodeCount[] = Object.entries(summary.byCode)
    .map(([code, count]) => ({ code, count, ...labels.get(code)! }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code, 'fr', { numeric: true }));
  const perHour = new Map<number, { delivered: number; total: number }>();
  const emailOf = new Map(outcomes.map((outcome) => [outcome.number, outcome.emailId]));
  const arrival = new Map<number, string>();
  for (const notification of mail.notifications) arrival.set(notification.emailId, notification.at);
  for (const outcome of outcomes) {
    const at = arrival.get(emailOf.get(outcome.number) ?? -1);
    if (!at) continue;
    const hour = Math.floor(Date.parse(at) / 3_600_000) * 3_600_000;
    const point = perHour.get(hour) ?? { delivered: 0, total: 0 };
    point.total++;
    if (outcome.category === 'delivered') point.delivered++;
    perHour.set(hour, point);
  }
  const times = mail.notifications.map((notification) => notification.at).sort();
  const blocked = summary.categories.notSent + summary.categories.blacklisted;
  const delivered = summary.categories.delivered;
  return {
    channel: 'sms',
    recipients: summary.recipients,
    categories: summary.categories,
    stop: 0,
    clicks: 0,
    uniqueClickers: 0,
    previews: 0,
    uniquePreviewers: 0,
    replies: 0,
    byCode: summary.byCode,
    codes,
    countries: {},
    deliveredRate: summary.recipients > 0 ? delivered / summary.recipients : 0,
    deliveredRateOfSent: summary.recipients - blocked > 0 ? delivered / (summary.recipients - blocked) : 0,
    mfAllowFalse: 0,
    mfValidFalse: 0,
    firstDeliveryAt: times[0] ?? null,
    lastDeliveryAt: times.at(-1) ?? null,
    timeline: {
      bucket: 'hour',
      points: [...perHour.entries()]
        .sort(([a], [b]) => a - b)
        .map(([start, point]) => ({ start: new Date(start).toISOString(), label: formatParisDateTime(new Date(start)), delivered: point.delivered, total: point.total })),
    },
    unreadableDates: 0,
  };
}
