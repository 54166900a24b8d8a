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
}

function shortReason(reason: JobReason | null): JobStatusLine['reason'] {
  if (!reason) return null;
  return { code: reason.code, message: reason.action ? `${reason.message} ${reason.action}` : reason.message };
}

export function toStatusLine(view: Pick<JobView, 'id' | 'state' | 'connectionName' | 'remoteName' | 'campaignId' | 'reason'>): JobStatusLine {
  return {
    id: view.id,
    state: view.state,
    connection: view.connectionName,
    remoteName: view.remoteName,
    campaignId: view.campaignId,
    reason: shortReason(view.reason),
  };
}
