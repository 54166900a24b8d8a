/** Creating jobs and reading when a job next needs the runtime. Pure. */
import type { Channel } from '../providers/provider-ids';
import { isValidDeliveryId } from '../providers/delivery-id';
import { isValidTemplateId } from '../providers/mediasflow/mediasflow-name';
import type { SendType } from '../scheduling/send-window';
import type { RestJobSetup } from './rest/rest-job-types';
import { createRestProgress } from './rest/rest-schedule';
import { finalStates, type Job, type JobPart, type JobState, type QueueProviderId } from './job-types';

export interface NewJob {
  id: string;
  connectionId: string;
  providerId: QueueProviderId;
  channel: Channel;
  sendType: SendType;
  campaignName: string;
  /** Provider-safe name for the file (IDCAMPAGNE…); the campaign name when absent. */
  fileCampaignName?: string;
  /** The campaign draft and list it came from (Campagnes shows what was sent, and warns before sending a list twice). */
  draftId?: string | null;
  listId?: string | null;
  /** "M'envoyer un test" (the job is marked, and left out of the campaign's figures). */
  test?: boolean;
  templateId?: string | null;
  idDelivery: string;
  part?: JobPart | null;
  /** ISO instant, or null/undefined for an immediate send. */
  programmedAt?: string | null;
  /** MediasFlow REST drops: the figures to check and the prepare's content. */
  rest?: RestJobSetup;
}

export type NewJobProblem = 'id' | 'connection' | 'channel' | 'template-id' | 'delivery-id' | 'part' | 'programmed-at' | 'campaign-name' | 'rest';

/** What is wrong with a job about to be created (empty when fine). */
export function validateNewJob(input: NewJob): NewJobProblem[] {
  const problems: NewJobProblem[] = [];
  if (!input.id) problems.push('id');
  if (!input.connectionId) problems.push('connection');
  if (input.providerId !== 'mediasflow-sftp' && input.channel !== 'sms') problems.push('channel');
  if (input.providerId === 'mediasflow-sftp' && !isValidTemplateId(input.templateId ?? '')) problems.push('template-id');
  if (!isValidDeliveryId(input.idDelivery)) problems.push('delivery-id');
  if (input.campaignName.trim() === '') problems.push('campaign-name');
  const part = input.part;
  if (part && !(Number.isInteger(part.index) && part.index >= 1 && part.index <= part.count && part.groupId)) problems.push('part');
  if (input.programmedAt && Number.isNaN(Date.parse(input.programmedAt))) problems.push('programmed-at');
  if ((input.providerId === 'mediasflow-rest') !== (input.rest !== undefined)) problems.push('rest');
  return problems;
}

export function createJob(input: NewJob, now: Date): Job {
  const at = now.toISOString();
  return {
    id: input.id,
    connectionId: input.connectionId,
    providerId: input.providerId,
    channel: input.channel,
    sendType: input.sendType,
    campaignName: input.campaignName,
    ...(input.fileCampaignName ? { fileCampaignName: input.fileCampaignName } : {}),
    ...(input.draftId ? { draftId: input.draftId } : {}),
    ...(input.listId ? { listId: input.listId } : {}),
    ...(input.test ? { test: true as const } : {}),
    templateId: input.templateId ?? null,
    idDelivery: input.idDelivery,
    part: input.part ?? null,
    programmedAt: input.programmedAt ? new Date(input.programmedAt).toISOString() : null,
    state: 'queued',
    waitingFor: null,
    remoteName: null,
    temporaryName: null,
    stampAt: null,
    attempts: 0,
    consecutiveFailures: 0,
    nextAttemptAt: null,
    uploadedBytes: 0,
    totalBytes: null,
    mayBeOnServer: false,
    cancelRequested: false,
    onServerAt: null,
    ackPolls: 0,
    nextPollAt: null,
    lastPolledAt: null,
    campaignId: null,
    reason: null,
    lastError: null,
    createdAt: at,
    updatedAt: at,
    history: [{ at, event: 'created', from: null, to: 'queued' }],
    ...(input.rest ? { rest: createRestProgress(input.rest, input.programmedAt ? new Date(input.programmedAt).toISOString() : null) } : {}),
  };
}

/**
 * What the runtime should do for the job now:
 * - 'check-server': a cancel is pending on a job that may be on the server — scan, then
 *   'found-on-server' or 'not-on-server' (which cancels);
 * - 'upload': scan for a copy, then 'found-on-server' or 'start-upload';
 * - 'poll-ack': look for the provider's answer;
 * - null: nothing until the clock, the user or the provider moves.
 */
export type DueAction = 'check-server' | 'upload' | 'poll-ack' | null;

function reached(at: string | null, now: Date): boolean {
  return at === null || Date.parse(at) <= now.getTime();
}

export function dueAction(job: Job, now: Date): DueAction {
  switch (job.state) {
    case 'queued':
    case 'waiting':
      if (!reached(job.nextAttemptAt, now)) return null;
      return job.cancelRequested ? 'check-server' : 'upload';
    case 'held':
    case 'failed':
      return job.cancelRequested ? 'check-server' : null;
    case 'awaiting-ack':
      return reached(job.nextPollAt, now) ? 'poll-ack' : null;
    default:
      return null;
  }
}

/** When the next acknowledgement check is due; null when the job does not await one. */
export function nextPollAt(job: Job): Date | null {
  return job.state === 'awaiting-ack' && job.nextPollAt ? new Date(job.nextPollAt) : null;
}

/** Earliest instant the job becomes due by the clock alone; null when only the user or a lock release can move it. */
export function nextWakeAt(job: Job): Date | null {
  if (job.state === 'awaiting-ack') return nextPollAt(job);
  if (job.state === 'queued' || job.state === 'waiting') return job.nextAttemptAt ? new Date(job.nextAttemptAt) : new Date(job.updatedAt);
  return null;
}

/** No provider answer after this long deserves a warning on the Envois screen (the job keeps polling). */
export const defaultAckOverdueMs = 6 * 3_600_000;

export function isAckOverdue(job: Job, now: Date, afterMs = defaultAckOverdueMs): boolean {
  return job.state === 'awaiting-ack' && job.onServerAt !== null && now.getTime() - Date.parse(job.onServerAt) > afterMs;
}

export function isFinal(state: JobState): boolean {
  return finalStates.has(state);
}
