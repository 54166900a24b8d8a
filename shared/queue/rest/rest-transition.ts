/**
 * The REST job's state machine (pure): the file drop's machine
 * (shared/queue/transition.ts) for what both share — backoff on transient
 * errors, failures, held programmed times, the user's retry/reschedule — and
 * the REST steps on top:
 *
 *   queued ─rest-list-uploaded→ queued(prepare) ─rest-prepared→ queued(inject) | held (figures differ)
 *   queued(inject) ─rest-inject-sending→ uploading (persisted before the request leaves)
 *   uploading ─rest-injected→ accepted (INJECTED | SCHEDULED, campaignId)
 *   uploading ─rest-inject-refused→ failed (an answer: nothing was sent)
 *   uploading ─rest-inject-unknown | interrupted→ held "Résultat inconnu" (never injected again by itself)
 *   held(unknown) ─rest-reconciled→ accepted ; ─rest-reconcile-not-yet→ held (read again later)
 *   accepted(SCHEDULED) ─user-cancel→ cancel requested ─rest-campaign-cancelled→ cancelled | ─rest-cancel-refused→ accepted
 *
 * Once the inject may have left (rest.injectSentAt), nothing that could lead
 * to a second inject is accepted: retry, confirm, reschedule, network errors.
 */
import frQueue from '../../i18n/fr/queue.json';
import { fillTemplate } from '../../providers/ack-result';
import { backoffDelayMs, defaultPollBackoff } from '../backoff';
import type { HistoryEntry, Job, JobEvent, JobReason, JobState, TransitionErrorCode, TransitionResult } from '../job-types';
import { transition, type TransitionOptions } from '../transition';
import { compareRestFigures, describeMismatches, frenchFigureLabels } from './rest-figures';
import type { RestJobEvent, RestProgress } from './rest-job-types';

export type RestTransitionEvent = JobEvent | RestJobEvent;

/** MediasFlow takes a cancel until 10 s before the scheduled time (guide §2.6). */
export const restCancelDeadlineMs = 10_000;

const restEventTypes: ReadonlySet<string> = new Set([
  'rest-list-uploaded',
  'rest-prepared',
  'rest-inject-sending',
  'rest-injected',
  'rest-inject-refused',
  'rest-inject-unknown',
  'rest-reconciled',
  'rest-reconcile-not-yet',
  'rest-campaign-cancelled',
  'rest-cancel-refused',
]);

export function isRestEvent(event: RestTransitionEvent): event is RestJobEvent {
  return restEventTypes.has(event.type);
}

function fail(job: Job, event: RestTransitionEvent, code: TransitionErrorCode, detail = ''): TransitionResult {
  const message = fillTemplate(frQueue.transitionErrors[code], { state: frQueue.states[job.state], detail });
  return { ok: false, error: { code, message, state: job.state, event: event.type } };
}

function reason(code: 'rest-result-unknown' | 'rest-figures-mismatch' | 'rest-cancel-refused' | 'rest-cancelled', detail: string, raw?: string): JobReason {
  const entry = frQueue.reasons[code];
  const filled: JobReason = { code, message: fillTemplate(entry.message, { detail }) };
  if (entry.action) filled.action = fillTemplate(entry.action, { detail });
  if (raw ?? detail) filled.detail = raw ?? detail;
  return filled;
}

function step(job: Job, event: RestTransitionEvent, now: Date, changes: Partial<Job>, rest: Partial<RestProgress>, note?: string): TransitionResult {
  const to: JobState = changes.state ?? job.state;
  const at = now.toISOString();
  let history = job.history;
  if (to !== job.state || note) {
    const entry: HistoryEntry = { at, event: event.type, from: job.state, to };
    if (note) entry.note = note;
    history = [...job.history, entry];
  }
  return { ok: true, job: { ...job, ...changes, rest: { ...(job.rest as RestProgress), ...rest }, updatedAt: at, history } };
}

const waitingStates: ReadonlySet<JobState> = new Set(['queued', 'waiting']);

function isHeldUnknown(job: Job): boolean {
  return job.state === 'held' && job.reason?.code === 'rest-result-unknown';
}

function nextReadAt(job: Job, now: Date, reads: number, options: TransitionOptions): string {
  return new Date(now.getTime() + backoffDelayMs(reads + 1, options.pollBackoff ?? defaultPollBackoff, options.random)).toISOString();
}

/** The last instant a scheduled campaign can be cancelled (10 s before its time), or null when it is not scheduled. */
export function restCancelDeadline(job: Pick<Job, 'state' | 'rest'>): Date | null {
  const scheduleOn = job.rest?.scheduleOn;
  if (job.state !== 'accepted' || job.rest?.status !== 'SCHEDULED' || !scheduleOn) return null;
  return new Date(Date.parse(scheduleOn) - restCancelDeadlineMs);
}

/** What Envois shows for a scheduled REST campaign: the seconds left to cancel (0 once too late). */
export function restCancelCountdown(job: Pick<Job, 'state' | 'rest'>, now: Date): { deadline: Date; secondsLeft: number } | null {
  const deadline = restCancelDeadline(job);
  if (!deadline) return null;
  return { deadline, secondsLeft: Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1000)) };
}

/** Whether a scheduled campaign can still be cancelled at MediasFlow now. */
export function restCancelStillPossible(job: Job, now: Date): boolean {
  const scheduleOn = job.rest?.scheduleOn;
  return job.state === 'accepted' && job.rest?.status === 'SCHEDULED' && !!scheduleOn && Date.parse(scheduleOn) - now.getTime() > restCancelDeadlineMs;
}

export function restTransition(job: Job, event: RestTransitionEvent, now: Date, options: TransitionOptions = {}): TransitionResult {
  const rest = job.rest;
  if (!rest) return fail(job, event, 'invalid-event', 'rest');
  const injectMayHaveLeft = rest.injectSentAt !== null;

  switch (event.type) {
    case 'rest-list-uploaded': {
      if (!waitingStates.has(job.state) || rest.step !== 'upload-list') return fail(job, event, 'illegal-transition');
      if (!(Number.isInteger(event.listId) && event.listId > 0)) return fail(job, event, 'invalid-event', 'listId');
      return step(job, event, now, { state: 'queued', waitingFor: null, nextAttemptAt: null, consecutiveFailures: 0, reason: null }, { listId: event.listId, step: 'prepare' });
    }

    case 'rest-prepared': {
      if (!waitingStates.has(job.state) || rest.step !== 'prepare') return fail(job, event, 'illegal-transition');
      if (!(Number.isInteger(event.campaignId) && event.campaignId > 0)) return fail(job, event, 'invalid-event', 'campaignId');
      const prepared: Partial<RestProgress> = { campaignId: event.campaignId, answered: event.answered, status: event.status, prepares: rest.prepares + 1, step: 'inject' };
      const campaignId = String(event.campaignId);
      if (event.status !== 'DRAFT') {
        // A prepare must leave a DRAFT: anything else may already be on its way — never inject it, never prepare again.
        return step(
          job,
          event,
          now,
          { state: 'held', waitingFor: null, nextAttemptAt: null, campaignId, reason: reason('rest-result-unknown', campaignId), nextPollAt: now.toISOString() },
          { ...prepared, injectSentAt: now.toISOString() },
        );
      }
      const mismatches = compareRestFigures(rest.expected, event.answered);
      if (mismatches.length > 0) {
        return step(
          job,
          event,
          now,
          { state: 'held', waitingFor: null, nextAttemptAt: null, campaignId, reason: reason('rest-figures-mismatch', describeMismatches(mismatches, frenchFigureLabels)) },
          { ...prepared, mismatches },
        );
      }
      return step(job, event, now, { state: 'queued', waitingFor: null, nextAttemptAt: null, consecutiveFailures: 0, campaignId, reason: null }, { ...prepared, mismatches: [] });
    }

    case 'rest-inject-sending': {
      if (!waitingStates.has(job.state) || rest.step !== 'inject' || rest.campaignId === null) return fail(job, event, 'illegal-transition');
      if (injectMayHaveLeft) return fail(job, event, 'result-unknown');
      if (job.cancelRequested) return fail(job, event, 'cancel-requested');
      return step(job, event, now, { state: 'uploading', waitingFor: null, nextAttemptAt: null, attempts: job.attempts + 1, reason: null }, { injectSentAt: now.toISOString() });
    }

    case 'rest-injected':
    case 'rest-reconciled': {
      const from = event.type === 'rest-injected' ? job.state === 'uploading' : isHeldUnknown(job);
      if (!from) return fail(job, event, 'illegal-transition');
      if (event.status !== 'INJECTED' && event.status !== 'SCHEDULED' && event.status !== 'INJECTING' && event.status !== 'INPROGRESS') {
        return fail(job, event, 'invalid-event', 'status');
      }
      return step(
        job,
        event,
        now,
        { state: 'accepted', onServerAt: job.onServerAt ?? now.toISOString(), reason: null, lastError: null, nextPollAt: null, campaignId: String(rest.campaignId) },
        { status: event.status, step: 'done' },
        event.type === 'rest-reconciled' ? 'rest-reconciled' : undefined,
      );
    }

    case 'rest-inject-refused': {
      if (job.state !== 'uploading') return fail(job, event, 'illegal-transition');
      // MediasFlow answered: nothing left. The prepared DRAFT stays; a retry prepares again.
      return step(job, event, now, { state: 'failed', reason: event.error, waitingFor: null, nextAttemptAt: null }, { injectSentAt: null, step: 'prepare', campaignId: null });
    }

    case 'rest-inject-unknown': {
      if (job.state !== 'uploading') return fail(job, event, 'illegal-transition');
      const campaignId = String(rest.campaignId);
      return step(
        job,
        event,
        now,
        { state: 'held', waitingFor: null, nextAttemptAt: null, campaignId, lastError: event.error, reason: reason('rest-result-unknown', campaignId), nextPollAt: nextReadAt(job, now, 0, options) },
        {},
      );
    }

    case 'rest-reconcile-not-yet': {
      if (!isHeldUnknown(job)) return fail(job, event, 'illegal-transition');
      const reads = rest.reconcileReads + 1;
      return step(job, event, now, { nextPollAt: nextReadAt(job, now, reads, options), lastError: event.error ?? job.lastError }, { reconcileReads: reads, lastReconcileAt: now.toISOString() });
    }

    case 'rest-campaign-cancelled': {
      if (job.state !== 'accepted' || !job.cancelRequested) return fail(job, event, 'illegal-transition');
      return step(job, event, now, { state: 'cancelled', cancelRequested: false, reason: reason('rest-cancelled', '') }, { status: 'DRAFT' });
    }

    case 'rest-cancel-refused': {
      if (job.state !== 'accepted' || !job.cancelRequested) return fail(job, event, 'illegal-transition');
      return step(job, event, now, { cancelRequested: false, lastError: reason('rest-cancel-refused', event.error.message) }, {}, 'rest-cancel-refused');
    }

    // ── events the file drop's machine knows, guarded for REST ──────────────
    case 'interrupted': {
      // Found 'uploading' with a free lock: the process died with the inject in flight.
      if (job.state !== 'uploading') return fail(job, event, 'illegal-transition');
      const campaignId = String(rest.campaignId);
      return step(job, event, now, { state: 'held', campaignId, reason: reason('rest-result-unknown', campaignId), nextPollAt: now.toISOString() }, {}, 'rest-interrupted');
    }

    case 'user-cancel': {
      if (job.state === 'accepted' && rest.status === 'SCHEDULED') {
        if (!restCancelStillPossible(job, now)) return fail(job, event, 'already-on-server');
        if (job.cancelRequested) return { ok: true, job };
        return step(job, event, now, { cancelRequested: true }, {}, 'rest-cancel-requested');
      }
      if (injectMayHaveLeft) return fail(job, event, job.state === 'accepted' || job.state === 'rejected' ? 'already-on-server' : 'result-unknown');
      return transition(job, event, now, options);
    }

    case 'user-confirm': {
      if (injectMayHaveLeft || isHeldUnknown(job)) return fail(job, event, 'result-unknown');
      if (job.state === 'held' && job.reason?.code === 'rest-figures-mismatch') {
        // The user saw both columns and sends MediasFlow's campaign as it is.
        return step(job, event, now, { state: 'queued', reason: null, waitingFor: null, nextAttemptAt: null, consecutiveFailures: 0 }, {}, 'rest-send-anyway');
      }
      return transition(job, event, now, options);
    }

    case 'user-reschedule': {
      if (injectMayHaveLeft || isHeldUnknown(job)) return fail(job, event, 'result-unknown');
      const moved = transition(job, event, now, options);
      // scheduleOn travels in the prepare: a new time means a new prepare (the old DRAFT is never injected).
      if (!moved.ok) return moved;
      const back: RestProgress = { ...rest, step: rest.listMode === 'upload' && rest.listId === null ? 'upload-list' : 'prepare', campaignId: null, answered: null, mismatches: [] };
      return { ok: true, job: { ...moved.job, campaignId: null, rest: back } };
    }

    case 'user-retry':
    case 'network-error':
    case 'permanent-error':
    case 'opt-outs-unreadable':
    case 'programmed-time-passed': {
      if (injectMayHaveLeft) return fail(job, event, 'result-unknown');
      if (job.state === 'uploading') return fail(job, event, 'illegal-transition');
      return transition(job, event, now, options);
    }

    case 'user-check-ack': {
      if (!isHeldUnknown(job)) return fail(job, event, 'illegal-transition');
      return step(job, event, now, { nextPollAt: now.toISOString() }, {});
    }

    default:
      // File-drop steps (upload, rename, acknowledgement files) do not exist for REST.
      return fail(job, event, 'illegal-transition');
  }
}
