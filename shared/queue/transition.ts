/**
 * The job state machine: transition(job, event, now) → the next job, or a
 * clear error when the event is not allowed in the job's state. Pure: the
 * clock, the backoff policies and the random source are inputs. The queue
 * runtime persists the returned job BEFORE acting on it.
 *
 *   queued ─start-upload→ uploading ─renaming→ (maybe on server) ─uploaded→ awaiting-ack ─ack→ accepted | rejected
 *   queued/waiting/uploading ─network-error→ waiting (backoff) ─start-upload→ …
 *   any pre-answer state ─found-on-server→ awaiting-ack (never upload twice)
 *   queued/waiting ─opt-outs-unreadable→ waiting (calm backoff, nothing sent) ─start-upload→ …
 *   queued/waiting/uploading ─permanent-error→ failed ─user-retry→ queued
 *   queued/waiting/uploading ─stamp-expired | programmed-time-passed→ held ─user-confirm | user-reschedule→ queued
 *   before the file is on the server ─user-cancel→ cancelled
 */
import frQueue from '../i18n/fr/queue.json';
import { fillTemplate } from '../providers/ack-result';
import { defaultProgrammedLeadMs } from '../scheduling/programmed-time';
import { backoffDelayMs, defaultOptOutsBackoff, defaultPollBackoff, defaultSlowBackoff, defaultUploadBackoff, type BackoffPolicy } from './backoff';
import {
  finalStates,
  type HistoryEntry,
  type Job,
  type JobEvent,
  type JobReason,
  type JobState,
  type TransitionErrorCode,
  type TransitionResult,
} from './job-types';

export interface TransitionOptions {
  uploadBackoff?: BackoffPolicy;
  /** Used for network errors flagged slow (server full). */
  slowBackoff?: BackoffPolicy;
  pollBackoff?: BackoffPolicy;
  /** Re-checks of an unreadable opt-out list. */
  optOutsBackoff?: BackoffPolicy;
  /** Jitter source; none → deterministic delays. */
  random?: () => number;
  /** Network failures in a row before the job fails; null (default) retries for ever (offline drops wait). */
  maxConsecutiveFailures?: number | null;
  /** Lead a programmed time needs over now to be accepted on confirm/reschedule. */
  programmedLeadMs?: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function fail(job: Job, event: JobEvent, code: TransitionErrorCode, detail = ''): TransitionResult {
  const state = frQueue.states[job.state];
  const message = fillTemplate(frQueue.transitionErrors[code], { state, detail });
  return { ok: false, error: { code, message, state: job.state, event: event.type } };
}

function illegal(job: Job, event: JobEvent): TransitionResult {
  return fail(job, event, finalStates.has(job.state) ? 'finished' : 'illegal-transition');
}

function reasonFromCatalogue(code: keyof typeof frQueue.reasons, detail?: string): JobReason {
  const entry = frQueue.reasons[code];
  const reason: JobReason = { code, message: fillTemplate(entry.message, { detail: detail ?? '' }) };
  if (entry.action) reason.action = entry.action;
  if (detail) reason.detail = detail;
  return reason;
}

/** Applies the changes, stamps updatedAt and records the history entry when the state changes or a note is given. */
function next(job: Job, event: JobEvent, now: Date, changes: Partial<Job>, note?: string): TransitionResult {
  const to: JobState = changes.state ?? job.state;
  const at = now.toISOString();
  let history = job.history;
  if (to !== job.state || note) {
    const entry: HistoryEntry = { at, event: event.type, from: job.state, to };
    if (note) entry.note = note;
    history = [...job.history, entry];
  }
  return { ok: true, job: { ...job, ...changes, updatedAt: at, history } };
}

/** Fields reset when the job goes back to the start of the line. */
const backToQueue: Partial<Job> = {
  state: 'queued',
  waitingFor: null,
  nextAttemptAt: null,
  consecutiveFailures: 0,
  reason: null,
  uploadedBytes: 0,
};

function programmedTimeUsable(programmedAt: string | null, now: Date, leadMs: number): boolean {
  return programmedAt === null || Date.parse(programmedAt) >= now.getTime() + leadMs;
}

const beforeUpload: ReadonlySet<JobState> = new Set(['queued', 'waiting']);
const uploadPhase: ReadonlySet<JobState> = new Set(['queued', 'waiting', 'uploading']);

export function transition(job: Job, event: JobEvent, now: Date, options: TransitionOptions = {}): TransitionResult {
  const nowMs = now.getTime();
  const leadMs = options.programmedLeadMs ?? defaultProgrammedLeadMs;

  switch (event.type) {
    case 'wait-until': {
      if (!beforeUpload.has(job.state)) return illegal(job, event);
      if (Number.isNaN(Date.parse(event.until))) return fail(job, event, 'invalid-event', 'until');
      return next(job, event, now, { state: 'waiting', waitingFor: 'time', nextAttemptAt: event.until, reason: null });
    }

    case 'start-upload': {
      if (!beforeUpload.has(job.state)) return illegal(job, event);
      if (job.cancelRequested) return fail(job, event, 'cancel-requested');
      if (job.mayBeOnServer) return fail(job, event, 'may-be-on-server');
      if (!event.remoteName || !event.temporaryName) return fail(job, event, 'invalid-event', 'remoteName');
      if (!(event.totalBytes >= 0)) return fail(job, event, 'invalid-event', 'totalBytes');
      return next(job, event, now, {
        state: 'uploading',
        waitingFor: null,
        nextAttemptAt: null,
        reason: null,
        // Re-checks of an unreadable opt-out list are not network failures.
        ...(job.waitingFor === 'opt-outs' ? { consecutiveFailures: 0 } : {}),
        remoteName: event.remoteName,
        temporaryName: event.temporaryName,
        stampAt: event.stampAt ?? null,
        totalBytes: event.totalBytes,
        uploadedBytes: 0,
        attempts: job.attempts + 1,
      });
    }

    case 'progress': {
      if (job.state !== 'uploading') return illegal(job, event);
      const total = job.totalBytes ?? Number.MAX_SAFE_INTEGER;
      const bytes = Math.min(total, Math.max(0, Math.floor(event.uploadedBytes)));
      return next(job, event, now, { uploadedBytes: bytes });
    }

    case 'renaming': {
      if (job.state !== 'uploading') return illegal(job, event);
      // The runtime checks this answer: a pending cancel must win over the rename.
      if (job.cancelRequested) return fail(job, event, 'cancel-requested');
      return next(job, event, now, { mayBeOnServer: true, uploadedBytes: job.totalBytes ?? job.uploadedBytes });
    }

    case 'uploaded': {
      if (job.state !== 'uploading') return illegal(job, event);
      return next(
        job,
        event,
        now,
        {
          state: 'awaiting-ack',
          mayBeOnServer: false,
          cancelRequested: false,
          uploadedBytes: job.totalBytes ?? job.uploadedBytes,
          onServerAt: iso(nowMs),
          consecutiveFailures: 0,
          reason: null,
          ackPolls: 0,
          nextPollAt: iso(nowMs + backoffDelayMs(1, options.pollBackoff ?? defaultPollBackoff, options.random)),
        },
        job.cancelRequested ? 'cancel-too-late' : undefined,
      );
    }

    case 'found-on-server': {
      if (job.state === 'awaiting-ack' || job.state === 'accepted' || job.state === 'rejected') return illegal(job, event);
      if (!event.remoteName) return fail(job, event, 'invalid-event', 'remoteName');
      // An answered copy is read at once; a copy still waiting is polled like a fresh drop.
      const firstPoll = event.stage === 'answered' ? nowMs : nowMs + backoffDelayMs(1, options.pollBackoff ?? defaultPollBackoff, options.random);
      return next(
        job,
        event,
        now,
        {
          state: 'awaiting-ack',
          waitingFor: null,
          nextAttemptAt: null,
          remoteName: event.remoteName,
          mayBeOnServer: false,
          cancelRequested: false,
          onServerAt: job.onServerAt ?? iso(nowMs),
          consecutiveFailures: 0,
          reason: null,
          ackPolls: 0,
          nextPollAt: iso(firstPoll),
        },
        job.cancelRequested || job.state === 'cancelled' ? 'cancel-too-late' : 'found-on-server',
      );
    }

    case 'not-on-server': {
      if (!(beforeUpload.has(job.state) || job.state === 'held' || job.state === 'failed')) return illegal(job, event);
      if (job.cancelRequested) {
        return next(job, event, now, {
          state: 'cancelled',
          waitingFor: null,
          nextAttemptAt: null,
          mayBeOnServer: false,
          cancelRequested: false,
          reason: reasonFromCatalogue('cancelled-by-user'),
        });
      }
      return next(job, event, now, { mayBeOnServer: false });
    }

    case 'opt-outs-unreadable': {
      if (!beforeUpload.has(job.state)) return illegal(job, event);
      // Counted apart from network failures: never "too many attempts", only a calmer re-check.
      const checks = (job.waitingFor === 'opt-outs' ? job.consecutiveFailures : 0) + 1;
      const reason = reasonFromCatalogue('opt-outs-unreadable', event.detail);
      return next(job, event, now, {
        state: 'waiting',
        waitingFor: 'opt-outs',
        consecutiveFailures: checks,
        nextAttemptAt: iso(nowMs + backoffDelayMs(checks, options.optOutsBackoff ?? defaultOptOutsBackoff)),
        reason,
      });
    }

    case 'network-error': {
      if (!uploadPhase.has(job.state)) return illegal(job, event);
      const failures = (job.waitingFor === 'opt-outs' ? 0 : job.consecutiveFailures) + 1;
      const max = options.maxConsecutiveFailures ?? null;
      if (max !== null && failures >= max) {
        return next(job, event, now, {
          state: 'failed',
          waitingFor: null,
          nextAttemptAt: null,
          consecutiveFailures: failures,
          uploadedBytes: 0,
          lastError: event.error,
          reason: { ...reasonFromCatalogue('too-many-attempts', event.error.message), detail: event.error.message },
        });
      }
      const policy = event.slow ? (options.slowBackoff ?? defaultSlowBackoff) : (options.uploadBackoff ?? defaultUploadBackoff);
      return next(job, event, now, {
        state: 'waiting',
        waitingFor: 'network',
        consecutiveFailures: failures,
        nextAttemptAt: iso(nowMs + backoffDelayMs(failures, policy, options.random)),
        uploadedBytes: 0,
        reason: event.error,
        lastError: event.error,
      });
    }

    case 'permanent-error': {
      if (!uploadPhase.has(job.state)) return illegal(job, event);
      return next(job, event, now, {
        state: 'failed',
        waitingFor: null,
        nextAttemptAt: null,
        uploadedBytes: 0,
        reason: event.error,
        lastError: event.error,
      });
    }

    case 'interrupted': {
      if (job.state !== 'uploading') return illegal(job, event);
      return next(job, event, now, { state: 'queued', uploadedBytes: 0, nextAttemptAt: null }, 'interrupted');
    }

    case 'upload-cancelled': {
      if (job.state !== 'uploading') return illegal(job, event);
      if (job.mayBeOnServer) return fail(job, event, 'may-be-on-server');
      return next(job, event, now, {
        state: 'cancelled',
        cancelRequested: false,
        uploadedBytes: 0,
        reason: reasonFromCatalogue('cancelled-by-user'),
      });
    }

    case 'ack-accepted': {
      if (job.state !== 'awaiting-ack') return illegal(job, event);
      return next(job, event, now, {
        state: 'accepted',
        campaignId: event.campaignId,
        reason: null,
        nextPollAt: null,
        lastPolledAt: iso(nowMs),
        ackPolls: job.ackPolls + 1,
      });
    }

    case 'ack-rejected': {
      if (job.state !== 'awaiting-ack') return illegal(job, event);
      const reason: JobReason = { code: event.code, message: event.message };
      if (event.action) reason.action = event.action;
      if (event.detail) reason.detail = event.detail;
      return next(job, event, now, { state: 'rejected', reason, nextPollAt: null, lastPolledAt: iso(nowMs), ackPolls: job.ackPolls + 1 });
    }

    case 'ack-not-yet': {
      if (job.state !== 'awaiting-ack') return illegal(job, event);
      const polls = job.ackPolls + 1;
      const delay = backoffDelayMs(polls + 1, options.pollBackoff ?? defaultPollBackoff, options.random);
      return next(job, event, now, {
        ackPolls: polls,
        lastPolledAt: iso(nowMs),
        nextPollAt: iso(nowMs + delay),
        lastError: event.error ?? job.lastError,
      });
    }

    case 'stamp-expired':
    case 'programmed-time-passed': {
      if (!uploadPhase.has(job.state)) return illegal(job, event);
      const code = event.type === 'stamp-expired' ? 'stamp-expired' : event.tooSoon ? 'programmed-time-too-soon' : 'programmed-time-passed';
      return next(job, event, now, {
        state: 'held',
        waitingFor: null,
        nextAttemptAt: null,
        uploadedBytes: 0,
        reason: reasonFromCatalogue(code),
      });
    }

    case 'user-retry': {
      if (job.state !== 'failed' && job.state !== 'waiting') return illegal(job, event);
      return next(job, event, now, { ...backToQueue });
    }

    case 'user-check-ack': {
      if (job.state !== 'awaiting-ack') return illegal(job, event);
      return next(job, event, now, { nextPollAt: iso(nowMs) });
    }

    case 'user-cancel': {
      if (job.state === 'awaiting-ack' || job.state === 'accepted' || job.state === 'rejected') {
        return fail(job, event, 'already-on-server');
      }
      if (job.state === 'cancelled') return fail(job, event, 'finished');
      if (job.state === 'uploading' || job.mayBeOnServer) {
        // Cannot be decided here: the runtime aborts before the rename, or scans the server first.
        if (job.cancelRequested) return { ok: true, job };
        return next(job, event, now, { cancelRequested: true }, 'cancel-requested');
      }
      return next(job, event, now, {
        state: 'cancelled',
        waitingFor: null,
        nextAttemptAt: null,
        reason: reasonFromCatalogue('cancelled-by-user'),
      });
    }

    case 'user-reschedule': {
      if (!(beforeUpload.has(job.state) || job.state === 'held' || job.state === 'failed')) return illegal(job, event);
      if (event.programmedAt !== null && Number.isNaN(Date.parse(event.programmedAt))) {
        return fail(job, event, 'invalid-event', 'programmedAt');
      }
      if (!programmedTimeUsable(event.programmedAt, now, leadMs)) return fail(job, event, 'programmed-time-in-past');
      return next(
        job,
        event,
        now,
        { ...backToQueue, programmedAt: event.programmedAt },
        event.programmedAt === null ? 'send-now' : 'rescheduled',
      );
    }

    case 'user-confirm': {
      if (job.state !== 'held') return illegal(job, event);
      if (!programmedTimeUsable(job.programmedAt, now, leadMs)) return fail(job, event, 'programmed-time-in-past');
      return next(job, event, now, { ...backToQueue });
    }

    default: {
      const unknown: never = event;
      return fail(job, unknown as JobEvent, 'invalid-event', String((unknown as { type?: unknown }).type));
    }
  }
}

/** Applies events in order, stopping at the first refused one (handy for tests and replays). */
export function applyEvents(job: Job, steps: readonly { event: JobEvent; now: Date }[], options?: TransitionOptions): TransitionResult {
  let current: TransitionResult = { ok: true, job };
  for (const step of steps) {
    if (!current.ok) return current;
    current = transition(current.job, step.event, step.now, options);
  }
  return current;
}
