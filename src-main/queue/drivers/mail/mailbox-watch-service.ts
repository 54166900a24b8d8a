/**
 * The app's mailbox watchers: ONE IMAP connection in IDLE per mail
 * connection, only while batches of that connection await iSendPro's
 * answers. A watcher starts when a batch of its connection is sent (the
 * queue's job-updated event), or at start when jobs were left waiting (app
 * restart); it stops by itself once none waits. When the server announces a
 * mail, at every reconnection and periodically, it asks the queue to check
 * the answers of that connection's jobs now (`readAnswersOf`): the mail
 * driver reads each job from ITS saved UIDVALIDITY + UID over the watcher's
 * connection (`client`) and applies the answers through the job's state
 * machine, persisted and pushed to the window at once. The queue's clock does
 * not read a watched connection (`watched`). The CLI has no watcher: its
 * `queue run --until-idle` reads the mailbox once. No singleton: built by
 * createMainServices, started and stopped by startAppServices.
 */
import { awaitsAnswers } from '@shared/queue/mail/mail-schedule';
import type { BackoffPolicy } from '@shared/queue/backoff';
import type { Job } from '@shared/queue/job-types';
import type { IsendproMailSettings } from '../../../isendpro-mail/isendpro-mail-settings';
import { createMailboxWatcher, type MailboxWatcher, type MailboxWatcherStats } from '../../../isendpro-mail/mailbox-watcher';
import type { RunReport } from '../../queue-types';
import type { MailAnswerWatch } from './mail-driver-settings';
import type { MailboxWatchView } from '@shared/ipc/channels/queue';

export interface MailboxWatchServiceOptions {
  /** Every job of the queue now (views do: only the job's fields are read). */
  jobs: () => Promise<readonly Job[]>;
  /** The mail connection's servers, secrets resolved (never logged). */
  settingsFor: (connectionId: string) => Promise<IsendproMailSettings>;
  /** The queue checks the answers of this connection's jobs now (queue.checkAnswersOf). */
  readAnswersOf: (connectionId: string) => Promise<RunReport>;
  clock?: () => Date;
  /** Catch-up read while connected (default 3 min). */
  periodicMs?: number;
  reconnectBackoff?: BackoffPolicy;
  /** A job another worker held during a read is read again this much later (default 2 s). */
  busyRetryMs?: number;
  log?: (line: string) => void;
  /** The watched connections changed (one connected, a read done, one stopped): Envois is told. */
  onChange?: (views: MailboxWatchView[]) => void;
}

/** One watched connection, in full (tests, logs). */
export interface MailboxWatchStatus extends MailboxWatcherStats {
  connectionId: string;
}

export function createMailboxWatchService(options: MailboxWatchServiceOptions) {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const watchers = new Map<string, MailboxWatcher>();
  let started = false;

  async function waitingOn(connectionId: string): Promise<boolean> {
    const now = clock();
    return (await options.jobs()).some((job) => job.connectionId === connectionId && awaitsAnswers(job, now));
  }

  function watch(connectionId: string): void {
    if (!started || watchers.get(connectionId)?.isRunning()) return;
    const watcher: MailboxWatcher = createMailboxWatcher({
      settings: () => options.settingsFor(connectionId),
      shouldWatch: () => waitingOn(connectionId),
      read: async () => {
        const report = await options.readAnswersOf(connectionId);
        // A job being sent (or read by the CLI) was skipped: read it again shortly, the announcement will not come twice.
        if (report.busy.length > 0) setTimeout(() => void watcher.poke(), options.busyRetryMs ?? 2_000).unref?.();
      },
      periodicMs: options.periodicMs,
      reconnectBackoff: options.reconnectBackoff,
      clock,
      log,
      onChange: () => options.onChange?.(views()),
    });
    watchers.set(connectionId, watcher);
    void watcher.start().then(() => {
      if (watchers.get(connectionId) !== watcher) return;
      watchers.delete(connectionId);
      // A batch sent while this watcher was stopping: watch again.
      if (started) void waitingOn(connectionId).then((waiting) => waiting && watch(connectionId)).catch(() => undefined);
    });
  }

  function status(): MailboxWatchStatus[] {
    return [...watchers.entries()].filter(([, watcher]) => watcher.isRunning()).map(([connectionId, watcher]) => ({ connectionId, ...watcher.stats() }));
  }

  /** What Envois shows: which connections' mailboxes are watched, connected or not, and when they were last read. */
  function views(): MailboxWatchView[] {
    return status().map((entry) => ({ connectionId: entry.connectionId, connected: entry.connected, lastScanAt: entry.lastScanAt ? entry.lastScanAt.toISOString() : null }));
  }

  const answerWatch: MailAnswerWatch = {
    watched: (connectionId) => watchers.get(connectionId)?.isRunning() ?? false,
    client: (connectionId) => watchers.get(connectionId)?.client() ?? null,
  };

  return {
    /** Watches every connection whose jobs await an answer (the app starts, maybe after a restart). */
    async start(): Promise<void> {
      started = true;
      const now = clock();
      const waiting = new Set((await options.jobs()).filter((job) => awaitsAnswers(job, now)).map((job) => job.connectionId));
      for (const connectionId of waiting) watch(connectionId);
    },
    /** A job changed (the queue's job-updated event): a batch that left starts its connection's watcher. */
    jobChanged(job: Job): void {
      if (started && job.mail && !answerWatch.watched(job.connectionId) && awaitsAnswers(job, clock())) watch(job.connectionId);
    },
    async stop(): Promise<void> {
      started = false;
      await Promise.all([...watchers.values()].map((watcher) => watcher.stop()));
      watchers.clear();
    },
    /** For the mail driver: who reads, and over which connection. */
    answerWatch,
    /** The connections watched now, in full. */
    status,
    /** The same for Envois (queue:mailbox-watch): « Boîte de réception surveillée ». */
    views,
  };
}

export type MailboxWatchService = ReturnType<typeof createMailboxWatchService>;
