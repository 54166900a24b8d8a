/** Creating a REST job's progress and reading which REST step is due (pure). */
import type { Job } from '../job-types';
import type { RestJobSetup, RestProgress } from './rest-job-types';
import { checkProgrammedTime, type ProgrammedTimeCheck } from '../../scheduling/programmed-time';

export function createRestProgress(setup: RestJobSetup, scheduleOn: string | null): RestProgress {
  return {
    step: setup.listMode === 'upload' ? 'upload-list' : 'prepare',
    payload: setup.payload,
    listMode: setup.listMode,
    listId: null,
    campaignId: null,
    expected: setup.expected,
    answered: null,
    mismatches: [],
    prepares: 0,
    injectSentAt: null,
    status: null,
    scheduleOn,
    reconcileReads: 0,
    lastReconcileAt: null,
  };
}

/** The REST driver's steps. */
export type RestAction = 'rest-upload-list' | 'rest-prepare' | 'rest-inject' | 'rest-reconcile' | 'rest-cancel';

function reached(at: string | null, now: Date): boolean {
  return at === null || Date.parse(at) <= now.getTime();
}

/**
 * What the REST driver should do for the job now:
 * - the next step of queued/waiting jobs once their backoff is over;
 * - 'rest-reconcile' for a job found 'uploading' (the process died with the
 *   inject in flight) or held "Résultat inconnu" when its next read is due —
 *   a read, never a second inject;
 * - 'rest-cancel' for an accepted scheduled campaign the user asked to cancel.
 */
export function restDueAction(job: Job, now: Date): RestAction | null {
  const rest = job.rest;
  if (!rest) return null;
  switch (job.state) {
    case 'queued':
    case 'waiting':
      if (!reached(job.nextAttemptAt, now)) return null;
      if (rest.step === 'upload-list') return 'rest-upload-list';
      if (rest.step === 'prepare') return 'rest-prepare';
      if (rest.step === 'inject' && rest.injectSentAt === null) return 'rest-inject';
      return null;
    case 'uploading':
      return 'rest-reconcile';
    case 'held':
      return job.reason?.code === 'rest-result-unknown' && reached(job.nextPollAt, now) ? 'rest-reconcile' : null;
    case 'accepted':
      return job.cancelRequested ? 'rest-cancel' : null;
    default:
      return null;
  }
}

export function restNextWakeAt(job: Job): Date | null {
  if (!job.rest) return null;
  if (job.state === 'queued' || job.state === 'waiting') return job.nextAttemptAt ? new Date(job.nextAttemptAt) : new Date(job.updatedAt);
  if (job.state === 'held' && job.reason?.code === 'rest-result-unknown' && job.nextPollAt) return new Date(job.nextPollAt);
  if (job.state === 'accepted' && job.cancelRequested) return new Date(job.updatedAt);
  return null;
}

/** MediasFlow wants scheduleOn at least 5 minutes ahead (guide §2.1.1); Dropdesk asks for 10 (the prepare and check take time). */
export const restScheduleLeadMs = 10 * 60_000;

/** A REST programmed time: the rule of programmed times with the REST lead (passed / too soon / ok). */
export function checkRestScheduleOn(programmedAt: Date, now: Date): ProgrammedTimeCheck {
  return checkProgrammedTime(programmedAt, now, restScheduleLeadMs);
}
