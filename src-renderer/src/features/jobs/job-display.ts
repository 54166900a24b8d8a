/**
 * How the "Envois" screen reads a job (pure, unit tested): the steps of the
 * normal path and where the job stands on it, the upload progress, which
 * actions the state machine allows, and the reason in the user's language.
 */
import type { JobView } from '@shared/ipc/channels/queue';
import type { JobReason, JobState } from '@shared/queue/job-types';
import type { Language } from '@shared/settings/app-settings';

/** The path every successful drop takes, in order (the last step is the provider's answer). */
export const jobPath = ['queued', 'waiting', 'uploading', 'awaiting-ack', 'answer'] as const;
export type JobStep = (typeof jobPath)[number];
export type StepStatus = 'done' | 'current' | 'todo' | 'skipped' | 'blocked';

const stepIndexOfState: Partial<Record<JobState, number>> = {
  queued: 0,
  waiting: 1,
  uploading: 2,
  'awaiting-ack': 3,
  accepted: 4,
  rejected: 4,
};

/**
 * Where the job stands on the path. A failed or held job is "blocked" on the
 * step it could not get through (the upload, unless it got further); a
 * cancelled one just stops.
 */
export function stepStatuses(job: Pick<JobView, 'state' | 'history'>): Record<JobStep, StepStatus> {
  const onPath = stepIndexOfState[job.state];
  const furthest = Math.max(0, ...job.history.map((entry) => stepIndexOfState[entry.to] ?? -1));
  const waited = job.state === 'waiting' || job.history.some((entry) => entry.to === 'waiting');
  const uploadStep = jobPath.indexOf('uploading');
  let reached: number;
  let marker: StepStatus;
  if (onPath !== undefined) {
    reached = onPath;
    marker = job.state === 'accepted' || job.state === 'rejected' ? 'done' : 'current';
  } else if (job.state === 'failed' || job.state === 'held') {
    reached = Math.max(furthest, uploadStep);
    marker = 'blocked';
  } else {
    reached = furthest;
    marker = 'done';
  }
  const statuses = {} as Record<JobStep, StepStatus>;
  jobPath.forEach((step, index) => {
    if (index < reached) statuses[step] = step === 'waiting' && !waited ? 'skipped' : 'done';
    else if (index === reached) statuses[step] = marker;
    else statuses[step] = 'todo';
  });
  return statuses;
}

/** 0–100 while uploading; null when the size is not known yet. */
export function uploadPercent(job: Pick<JobView, 'uploadedBytes' | 'totalBytes' | 'fileBytes'>): number | null {
  const total = job.totalBytes ?? job.fileBytes;
  if (!total) return null;
  return Math.max(0, Math.min(100, Math.round((job.uploadedBytes / total) * 100)));
}

const units: Record<Language, string[]> = { fr: ['o', 'Ko', 'Mo', 'Go'], en: ['B', 'KB', 'MB', 'GB'] };

export function formatBytes(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units[language].length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
  return `${number} ${units[language][unit]}`;
}

export interface JobActions {
  cancel: boolean;
  retry: boolean;
  checkNow: boolean;
  /** Held: the decisions offered. */
  confirm: boolean;
  sendNow: boolean;
  reschedule: boolean;
}

/** The buttons a job shows: only what shared/queue/transition.ts would accept. */
export function jobActions(job: Pick<JobView, 'state' | 'mayBeOnServer' | 'cancelRequested' | 'reason'> & Partial<Pick<JobView, 'rest'>>): JobActions {
  const { state } = job;
  if (job.rest) return restJobActions(job);
  const beforeServer = state === 'queued' || state === 'waiting' || state === 'uploading' || state === 'held' || state === 'failed';
  return {
    cancel: beforeServer && !job.cancelRequested,
    retry: state === 'failed' || (state === 'waiting' && job.reason !== null),
    checkNow: state === 'awaiting-ack',
    confirm: state === 'held' && job.reason?.code === 'stamp-expired',
    sendNow: state === 'held',
    reschedule: state === 'held',
  };
}

/**
 * A MediasFlow REST job (shared/queue/rest/rest-transition.ts): once the
 * inject may have left ("Résultat inconnu"), only a new check is offered —
 * never anything that could send again; a figures mismatch offers "send
 * anyway" (confirm), another date or cancel.
 */
function restJobActions(job: Pick<JobView, 'state' | 'cancelRequested' | 'reason'> & Partial<Pick<JobView, 'rest'>>): JobActions {
  const { state } = job;
  const injectMayHaveLeft = job.rest?.injectSentAt != null;
  const unknown = state === 'held' && job.reason?.code === 'rest-result-unknown';
  const mismatch = state === 'held' && job.reason?.code === 'rest-figures-mismatch';
  const beforeInject = !injectMayHaveLeft && (state === 'queued' || state === 'waiting' || state === 'held' || state === 'failed');
  return {
    cancel: !job.cancelRequested && (beforeInject || (state === 'accepted' && job.rest?.status === 'SCHEDULED')),
    retry: !injectMayHaveLeft && (state === 'failed' || (state === 'waiting' && job.reason !== null)),
    checkNow: unknown,
    confirm: mismatch && !injectMayHaveLeft,
    sendNow: state === 'held' && !unknown && !mismatch && !injectMayHaveLeft,
    reschedule: state === 'held' && !unknown && !injectMayHaveLeft,
  };
}

/** Newest first: the drop just sent is on top. */
export function sortJobs(jobs: readonly JobView[]): JobView[] {
  return [...jobs].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/**
 * The list main answered to queue:list, with the job events that arrived
 * while it was on its way: the answer may have been read before them (a demo
 * REST job is accepted within milliseconds), so the newer version of a job
 * wins and a job created meanwhile stays. Main's list is otherwise the truth.
 */
export function mergeJobLists(listed: readonly JobView[], arrivedMeanwhile: readonly JobView[]): JobView[] {
  let jobs = sortJobs(listed);
  for (const job of arrivedMeanwhile) jobs = upsertJob(jobs, job);
  return jobs;
}

/** Adds or replaces one job (an event from main) and keeps the order. */
export function upsertJob(jobs: readonly JobView[], job: JobView): JobView[] {
  const index = jobs.findIndex((existing) => existing.id === job.id);
  if (index === -1) return sortJobs([...jobs, job]);
  // Events can cross: never go back to an older version of the job.
  if (jobs[index].updatedAt > job.updatedAt) return [...jobs];
  const next = [...jobs];
  next[index] = job;
  return next;
}

/**
 * Catalogue keys that word a reason in the user's language, most specific
 * first; main's French text is the fallback (it is always there).
 */
export function reasonKeys(job: Pick<JobView, 'providerId'>, reason: JobReason): { message: string[]; action: string[] } {
  const code = reason.code;
  const message: string[] = [];
  const action: string[] = [];
  if (job.providerId === 'mediasflow-sftp' && /^0\d$/.test(code)) {
    message.push(`campaigns:mediasflowAck.codes.${code}.problem`);
    action.push(`campaigns:mediasflowAck.codes.${code}.action`);
  }
  if (job.providerId !== 'mediasflow-sftp') {
    message.push(`campaigns:allmysmsAck.reasons.${code}.problem`);
    action.push(`campaigns:allmysmsAck.reasons.${code}.action`);
  }
  message.push(`queue:reasons.${code}.message`);
  action.push(`queue:reasons.${code}.action`);
  return { message, action };
}
