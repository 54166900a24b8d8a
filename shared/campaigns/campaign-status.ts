/**
 * What became of a campaign, read from its drop jobs (issue 11 §5): still a
 * draft, being sent, programmed, or sent (then it opens read-only and can be
 * duplicated). And whether the same list already went out a few days ago, so
 * the summary asks before a second send by mistake.
 */
import type { JobState } from '../queue/job-types';

/** The job fields these rules read (a JobView fits). */
export interface CampaignJob {
  draftId?: string;
  listId?: string;
  /** A test to the user's own phone: never the campaign's send. */
  test?: boolean;
  campaignName: string;
  state: JobState;
  programmedAt: string | null;
  onServerAt: string | null;
  createdAt: string;
  updatedAt: string;
  recipients?: number;
}

export type CampaignStatus =
  | { kind: 'draft' }
  | { kind: 'sending'; recipients: number }
  | { kind: 'programmed'; at: string; recipients: number }
  | { kind: 'sent'; at: string; recipients: number };

/** Jobs that did or will reach recipients (a refused, cancelled or failed drop sent nothing). */
const liveStates: ReadonlySet<JobState> = new Set(['queued', 'waiting', 'uploading', 'awaiting-ack', 'accepted', 'held']);

function leavesAt(job: CampaignJob): string {
  return job.programmedAt ?? job.onServerAt ?? job.updatedAt;
}

export function campaignStatusOf(draftId: string, jobs: readonly CampaignJob[], now: Date): CampaignStatus {
  const mine = jobs.filter((job) => job.draftId === draftId && !job.test && liveStates.has(job.state));
  if (mine.length === 0) return { kind: 'draft' };
  const recipients = (list: CampaignJob[]) => list.reduce((sum, job) => sum + (job.recipients ?? 0), 0);
  const accepted = mine.filter((job) => job.state === 'accepted');
  if (accepted.length > 0) {
    const last = accepted.map(leavesAt).sort().at(-1)!;
    if (Date.parse(last) > now.getTime()) return { kind: 'programmed', at: last, recipients: recipients(accepted) };
    return { kind: 'sent', at: last, recipients: recipients(accepted) };
  }
  return { kind: 'sending', recipients: recipients(mine) };
}

/** A campaign that went (or is going) out is no longer edited: it is duplicated. */
export function isCampaignLocked(status: CampaignStatus): boolean {
  return status.kind !== 'draft';
}

export interface PreviousSend {
  campaignName: string;
  at: string;
  recipients: number;
}

/** Default look-back for "already sent to this list": a few days, as the issue asks. */
export const recentSendDays = 7;

/** The latest live drop of this list in the last `days` days (by another campaign or this one), or null. */
export function previousSendOfList(listId: string, jobs: readonly CampaignJob[], now: Date, days = recentSendDays): PreviousSend | null {
  const since = now.getTime() - days * 86_400_000;
  let latest: CampaignJob | null = null;
  for (const job of jobs) {
    if (job.listId !== listId || job.test || !liveStates.has(job.state)) continue;
    if (Date.parse(job.createdAt) < since) continue;
    if (!latest || leavesAt(job) > leavesAt(latest)) latest = job;
  }
  return latest ? { campaignName: latest.campaignName, at: leavesAt(latest), recipients: latest.recipients ?? 0 } : null;
}
