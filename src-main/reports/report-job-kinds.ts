/** Which provider's report a job has, and when its campaign left (the report screens' one rule). */
import type { ReportCampaignView } from '@shared/ipc/channels/reports';
import type { JobRecord } from '../queue/job-record';

/** MediasFlow publishes reports: files for SFTP drops, the per-campaign report for REST campaigns. */
export function isMediasflowJob(record: JobRecord): boolean {
  return record.job.providerId === 'mediasflow-sftp' || record.job.providerId === 'mediasflow-rest';
}

/** iSendPro mail-to-SMS: the report is the notification mails the job received (no file to download). */
export function isMailJob(record: JobRecord): boolean {
  return record.job.providerId === 'isendpro-mail' && record.job.mail !== undefined;
}

export function acceptedAtOf(record: JobRecord): string | null {
  const entry = [...record.job.history].reverse().find((item) => item.to === 'accepted');
  return entry?.at ?? (record.job.state === 'accepted' ? record.job.updatedAt : null);
}

/** When the campaign left: its programmed time, else when it was accepted. */
export function sendAtOf(record: JobRecord): string | null {
  return record.job.programmedAt ?? acceptedAtOf(record) ?? record.job.onServerAt;
}

/** What names a campaign in the report screens, the same for every provider. */
export function campaignIdentityOf(
  record: JobRecord,
): Pick<ReportCampaignView, 'jobId' | 'campaignName' | 'campaignId' | 'providerId' | 'channel' | 'connectionId' | 'connectionName' | 'idDelivery' | 'remoteName' | 'acceptedAt'> {
  return {
    jobId: record.job.id,
    campaignName: record.job.campaignName,
    campaignId: record.job.campaignId,
    providerId: record.job.providerId,
    channel: record.job.channel,
    connectionId: record.job.connectionId,
    connectionName: record.connectionName,
    idDelivery: record.job.idDelivery,
    remoteName: record.job.remoteName,
    acceptedAt: acceptedAtOf(record),
  };
}
