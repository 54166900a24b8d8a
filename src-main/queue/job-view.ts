/** What the renderer and the CLI see of a job. */
import { isAckOverdue } from '@shared/queue/job-schedule';
import type { Job, JobReason } from '@shared/queue/job-types';
import type { JobView } from '@shared/ipc/channels/queue';
import type { JobRecord } from './job-record';

export type { JobView } from '@shared/ipc/channels/queue';

export function toJobView(record: JobRecord, now: Date = new Date()): JobView {
  return {
    ...record.job,
    connectionName: record.connectionName,
    remoteFolder: record.remoteFolder,
    fileBytes: record.file.bytes,
    recipients: record.file.recipients,
    ackOverdue: isAckOverdue(record.job, now),
  };
}

/** One line of `queue status --json` (a public contract: field names are stable). */
export interface JobStatusLine {
  id: string;
  state: Job['state'];
  connection: string;
  remoteName: string | null;
  campaignId: string | null;
  reason: { code: string; message: string } | null;
  /** Mail-to-SMS jobs: one line per batch (one e-mail each). */
  batches?: { emailId: number; state: string; recipients: number; ack: number | null; followUpOf: number | null }[];
}

function shortReason(reason: JobReason | null): JobStatusLine['reason'] {
  if (!reason) return null;
  return { code: reason.code, message: reason.action ? `${reason.message} ${reason.action}` : reason.message };
}

export function toStatusLine(view: Pick<JobView, 'id' | 'state' | 'connectionName' | 'remoteName' | 'campaignId' | 'reason' | 'mail'>): JobStatusLine {
  const line: JobStatusLine = {
    id: view.id,
    state: view.state,
    connection: view.connectionName,
    remoteName: view.remoteName,
    campaignId: view.campaignId,
    reason: shortReason(view.reason),
  };
  if (view.mail) {
    line.batches = view.mail.batches.map((batch) => ({ emailId: batch.emailId, state: batch.state, recipients: batch.recipients.length, ack: batch.ack ? batch.ack.code : null, followUpOf: batch.followUpOf }));
  }
  return line;
}
