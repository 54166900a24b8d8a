/**
 * Rapports' views of an iSendPro mail-to-SMS job (the list line and the
 * detail): its notification mails are its one, growing, report version
 * (figures: mail-report.ts; rows: report-row-source.ts).
 */
import { reportHeadline } from '@shared/reports/report-headline';
import type { ReportCampaignView, ReportDetailView } from '@shared/ipc/channels/reports';
import { reportEvolution } from '@shared/reports/diff-report-summaries';
import type { ReportSummary } from '@shared/reports/summarize-report';
import type { JobRecord } from '../queue/job-record';
import { mailReportSummary } from './mail-report';
import { campaignIdentityOf, isMailJob, sendAtOf } from './report-job-kinds';

/** A mail job's notifications as one report version (null before the first notification). */
export function mailVersionOf(record: JobRecord): { fileName: string; generatedAt: string; encoding: string; summary: ReportSummary; count: number } | null {
  const notifications = record.job.mail?.notifications ?? [];
  if (!isMailJob(record) || notifications.length === 0) return null;
  const generatedAt = notifications.map((notification) => notification.at).sort().at(-1)!;
  return { fileName: `notifications iSendPro (${notifications.length})`, generatedAt, encoding: 'ISO-8859-1', summary: mailReportSummary(record.job), count: notifications.length };
}

/** The campaign line of an iSendPro job: its notifications are its one, growing, version. */
export function mailCampaignView(record: JobRecord): ReportCampaignView {
  const version = mailVersionOf(record);
  return {
    ...campaignIdentityOf(record),
    sendAt: sendAtOf(record),
    droppedRecipients: record.job.mail?.recipients ?? record.file.recipients,
    availability: version ? 'available' : 'waiting',
    versions: version ? 1 : 0,
    latestFileName: version?.fileName ?? null,
    latestGeneratedAt: version?.generatedAt ?? null,
    headline: version ? reportHeadline(version.summary) : null,
    lastCheckedAt: null,
    // The mailbox watcher reads the answers as they arrive (no report schedule).
    nextCheckAt: null,
    lastError: null,
  };
}

/** Rapports' detail of an iSendPro job (reports:get): its notifications as the one version, no diff. */
export function mailReportDetail(record: JobRecord): ReportDetailView {
  const version = mailVersionOf(record);
  const at = version?.generatedAt ?? '';
  return {
    campaign: mailCampaignView(record),
    versions: version ? [{ fileName: version.fileName, generatedAt: at, archived: false, bytes: 0, downloadedAt: at, recipients: version.summary.recipients, delivered: version.summary.categories.delivered }] : [],
    latest: version ? { fileName: version.fileName, generatedAt: at, encoding: version.encoding, summary: version.summary } : null,
    diff: null,
    evolution: version ? reportEvolution([{ generatedAt: at, fileName: version.fileName, summary: version.summary }]) : [],
  };
}
