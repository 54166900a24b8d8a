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
import { fromIsendproNumber } from '@shared/providers/isendpro/isendpro-number';
import { recipientStatus } from '@shared/reports/recipient-status';
import { overseasTerritoryAt, reportRowCountry } from '@shared/reports/report-territory';
import type { ReportRowsFilter } from '@shared/ipc/channels/reports';

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
  // Recipients whose notification has not come yet count as « En cours », so the categories always add up to the recipients.
  const categories = { ...summary.categories, inProgress: summary.categories.inProgress + Math.max(0, summary.recipients - summary.answered) };
  const labels = new Map<string, { label: string; category: ReportCategory; known: boolean }>();
  for (const outcome of outcomes) {
    const key = outcome.code === null ? '?' : String(outcome.code);
    if (!labels.has(key)) labels.set(key, { label: outcome.label, category: outcome.category, known: recipientStatus('isendpro', 'sms', outcome.code === null ? '?' : String(outcome.code)).known });
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
  const blocked = categories.notSent + categories.blacklisted;
  const delivered = categories.delivered;
  return {
    channel: 'sms',
    recipients: summary.recipients,
    categories,
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

/**
 * The drill-down of an iSendPro campaign: one row per recipient mailed (a
 * resent recipient once), with the report columns the recipient table reads
 * (INT_MOBILE, STATUS_CODE, STATUS_TEXT: the code of its latest notification,
 * empty while none has come, and iSendPro's own words) then the number as
 * mailed and the SMS it was sent. Filtered like a MediasFlow report: by
 * category through the shared rule (recipient-status.ts), by code, by text.
 */
export const MAIL_REPORT_COLUMNS = ['INT_MOBILE', 'STATUS_CODE', 'STATUS_TEXT', 'Mobile', 'Message'] as const;

export function mailReportRows(job: Job, filter: ReportRowsFilter): string[][] {
  const mail = job.mail!;
  const outcomes = collectOutcomes(mail.notifications);
  const seen = new Set<string>();
  const rows: string[][] = [];
  for (const batch of mail.batches) {
    for (const recipient of batch.recipients) {
      if (seen.has(recipient.number)) continue;
      seen.add(recipient.number);
      const outcome = outcomes.get(recipient.number);
      const code = outcome ? (outcome.code === null ? '?' : String(outcome.code)) : '';
      rows.push([fromIsendproNumber(recipient.number) ?? recipient.number, code, outcome?.message ?? '', recipient.number, batch.sharedMessage ?? recipient.message ?? '']);
    }
  }
  const search = filter.search?.trim().toLowerCase() ?? '';
  const searchDigits = search.replace(/[\s.\-+]/g, '');
  return rows.filter((row) => {
    if (filter.code !== undefined && row[1] !== filter.code) return false;
    if (filter.category && recipientStatus('isendpro', 'sms', row[1]).category !== filter.category) return false;
    if (!search) return true;
    if (/^\d+$/.test(searchDigits) && (row[0].includes(searchDigits) || row[3].includes(searchDigits))) return true;
    return row.some((cell) => cell.toLowerCase().includes(search));
  });
}

/** A mail row's country: iSendPro only takes French 10-digit numbers, so France, or the overseas territory the number rule gives (0690… Guadeloupe). */
export function mailRowCountry(row: readonly string[]): string {
  const international = row[0] ?? '';
  return reportRowCountry('FR', overseasTerritoryAt(international, 0, international.length));
}
