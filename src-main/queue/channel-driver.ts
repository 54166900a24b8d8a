/**
 * A channel driver: how one kind of channel moves a job from 'queued' to the
 * provider's answer. The runner (src-main/queue/runner/) is channel-agnostic:
 * it owns the jobs on disk, the lock of each job, cancel markers, the passes
 * and the loop, the user's actions and the notifications. A driver owns its
 * steps:
 *
 * - the pure part, in shared/queue/: which step is due for a job now
 *   (`dueAction`), when the clock alone makes it due again (`nextWakeAt`),
 *   and the state machine its events go through (`transition`, which also
 *   accepts the user events every driver must answer: user-cancel,
 *   user-retry, user-confirm, user-reschedule, user-check-ack);
 * - the effects, in src-main/queue/drivers/<name>/: `work()` does ONE due
 *   step on a job the runner has locked, and changes the job only through
 *   `ctx.apply(record, event, changes)`, which persists the new state BEFORE
 *   returning. A driver therefore writes "I am about to do X" to disk, then
 *   does X, then writes "X done": a crash anywhere leaves a job the next
 *   process can resume without doing X twice.
 *
 * Drivers side by side:
 * - file drop (SFTP/FTP, drivers/file-drop/): scan → upload under a
 *   temporary name → rename → poll the acknowledgement file. One job = one
 *   file.
 * - REST (MediasFlow SMS API): upload list → prepare → check → inject →
 *   accepted/scheduled; the campaign id and "inject sent" are persisted before
 *   the inject leaves, so a lost answer holds the job instead of injecting
 *   again.
 * - mail-to-SMS (iSendPro): a job is a campaign cut in batches of 500
 *   recipients, one e-mail each. Each batch has its own state (to send,
 *   sent-unknown, sent, acknowledged, refused) kept in a field of the job
 *   record the driver owns (`changes` of ctx.apply), so one `work()` call
 *   sends at most one batch after persisting it as "sending"; the
 *   acknowledgements are read from an IMAP mailbox by a later 'poll-ack'
 *   step that matches them to batches. The job's state is the summary of its
 *   batches (awaiting-ack until every batch is answered).
 *
 * Rules every driver keeps: never send twice by itself (an unknown outcome is
 * held for the user with what they can check), a lost answer to a harmless
 * read or preparation is retried, transient errors go through the backoff of
 * the state machine, anything needing a person fails with a plain-French
 * reason.
 */
import type { Job, QueueProviderId, TransitionResult } from '@shared/queue/job-types';
import type { RestTransitionEvent } from '@shared/queue/rest/rest-transition';
import type { MailJobEvent } from '@shared/queue/mail/mail-job-types';
import type { TransitionOptions } from '@shared/queue/transition';
import type { JobRecord } from './job-record';
import type { JobStore } from './job-store';
import type { EnqueueInput, QueueClock, QueueConnections, WorkAction } from './queue-types';

/** Every event a driver's state machine may be given (the file drop's, the REST steps and the mail batches). */
export type DriverEvent = RestTransitionEvent | MailJobEvent;

/** What the runner knows when it asks a driver what is due. */
export interface DueContext {
  /** The app says the network is up (always true in the CLI). */
  online: boolean;
  /** The network just came back: jobs waiting for it may go at once. */
  networkBack: boolean;
  /** The opt-out list just changed (repaired): jobs waiting for it may go at once. */
  optOutsBack?: boolean;
  /** Check every job awaiting an answer once, whatever its backoff. */
  pollAllAnswers: boolean;
}

/** What the runner gives a driver for one step on one locked job. */
export interface DriverContext {
  clock: QueueClock;
  store: JobStore;
  connections: QueueConnections;
  transitionOptions: TransitionOptions;
  /** Applies an event through the driver's state machine and persists the result before returning (throws when refused). */
  apply(record: JobRecord, event: DriverEvent, changes?: Partial<Omit<JobRecord, 'job'>>): Promise<JobRecord>;
  /** Shows a job state that is not persisted (upload progress). */
  show(record: JobRecord): void;
  /** Applies a cancel another process asked for while this one holds the lock. */
  applyCancelMarker(record: JobRecord): Promise<JobRecord>;
  /** False when another process took the job's lock over (stop before anything irreversible). */
  stillOwned(): Promise<boolean>;
  /** The provider answered: a desktop notification. */
  notify(kind: 'accepted' | 'rejected', record: JobRecord, providerName: string): void;
  /** One human line for the CLI's stderr. */
  say(line: string): void;
  log(message: string, error?: unknown): void;
}

export interface ChannelDriver {
  /** Short name for logs ('file-drop', 'rest', 'mail'). */
  readonly name: string;
  handles(providerId: QueueProviderId): boolean;
  /** The step due now, or null (nothing until the clock, the user or the provider moves). */
  dueAction(job: Job, now: Date, context: DueContext): WorkAction | null;
  /** Earliest instant the job becomes due by the clock alone; null when only the user or a lock release can move it. */
  nextWakeAt(job: Job): Date | null;
  /**
   * Optional, at enqueue: completes the new job before its record exists
   * (mail: allocates the emailIds and saves every batch's mail in the job's
   * folder first, so the record that commits the job names files on disk).
   */
  prepareJob?(job: Job, input: EnqueueInput, ctx: { clock: QueueClock; store: JobStore; connections: QueueConnections }): Promise<Job>;
  /** The driver's state machine (pure, from shared/queue/). */
  transition(job: Job, event: DriverEvent, now: Date, options: TransitionOptions): TransitionResult;
  /** Does one due step. Errors a user must see are thrown as UserFacingError; everything else ends in an applied event. */
  work(action: WorkAction, record: JobRecord, ctx: DriverContext): Promise<JobRecord>;
  /** The user asked for the provider's answer now (the runner applied user-check-ack). */
  checkAnswer(record: JobRecord, ctx: DriverContext): Promise<JobRecord>;
  /**
   * Before a user decision that leads to a new send: proves nothing of this
   * job reached the provider. `found` → the job now follows what is there
   * (nothing is sent again). Throws a UserFacingError when it cannot tell.
   */
  beforeResend(record: JobRecord, ctx: DriverContext): Promise<{ record: JobRecord; found: boolean }>;
}
