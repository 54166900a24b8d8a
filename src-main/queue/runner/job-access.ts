/**
 * The runner's hold on jobs: the store, persisting before acting, the lock of
 * each job, cancel markers left by other processes, and the context a driver
 * gets for one step. Channel-agnostic: every state change goes through the
 * job's driver's state machine.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { JobEvent } from '@shared/queue/job-types';
import type { TransitionOptions } from '@shared/queue/transition';
import type { ChannelDriver, DriverContext } from '../channel-driver';
import type { JobRecord } from '../job-record';
import { acquireJobLock, newLockOwner, type JobLock } from '../job-lock';
import { createJobStore } from '../job-store';
import { toJobView } from '../job-view';
import type { QueueClock, QueueOptions } from '../queue-types';

const systemClock: QueueClock = { now: () => new Date() };

export function busyError(id: string): UserFacingError {
  return new UserFacingError(
    'job-busy',
    "Ce dépôt est en cours de traitement (par l'application ou la ligne de commande). Réessayez dans un instant.",
    { id },
  );
}

export function notFoundError(id: string): UserFacingError {
  return new UserFacingError('job-not-found', `Le dépôt ${id} n'existe pas.`, { id });
}

export function createJobAccess(options: QueueOptions, driverFor: (record: JobRecord) => ChannelDriver) {
  const store = createJobStore(options.dataDir);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const say = options.progress ?? (() => {});
  const owner = newLockOwner();
  const transitionOptions: TransitionOptions = { random: Math.random, ...options.transitionOptions };
  const cancelMarker = (id: string) => join(store.queueDir, `${id}.cancel`);

  const emitView = (record: JobRecord) => {
    try {
      options.emit?.(toJobView(record, clock.now()));
    } catch (error) {
      log('queue: emit failed', error);
    }
  };

  async function persist(record: JobRecord): Promise<void> {
    await store.write(record);
    emitView(record);
  }

  /** Runs `work` under the job's lock; `busy` when someone else holds it. */
  async function withLock<T>(id: string, work: (held: JobLock) => Promise<T>): Promise<{ busy: true } | { busy: false; value: T }> {
    const held = await acquireJobLock(store.queueDir, id, owner, { staleMs: options.lockStaleMs });
    if (!held) return { busy: true };
    try {
      return { busy: false, value: await work(held) };
    } finally {
      await held.release().catch((error: unknown) => log(`queue: releasing the lock of ${id} failed`, error));
    }
  }

  /** The event through the job's state machine, without applying it. */
  function tryEvent(record: JobRecord, event: JobEvent) {
    return driverFor(record).transition(record.job, event, clock.now(), transitionOptions);
  }

  /**
   * Applies an event and persists before returning: the caller acts only on
   * what is on disk. Refused events throw (a runtime bug or a user action
   * that is not allowed now).
   */
  async function apply(record: JobRecord, event: JobEvent, changes: Partial<Omit<JobRecord, 'job'>> = {}): Promise<JobRecord> {
    const result = tryEvent(record, event);
    if (!result.ok) throw new UserFacingError(result.error.code, result.error.message, { state: result.error.state, event: result.error.event });
    const next: JobRecord = { ...record, ...changes, job: result.job };
    await persist(next);
    if (next.job.state !== record.job.state) say(`${next.job.id} : ${record.job.state} → ${next.job.state}${next.job.reason ? ` (${next.job.reason.message})` : ''}`);
    return next;
  }

  async function hasCancelMarker(id: string): Promise<boolean> {
    return fsp
      .access(cancelMarker(id))
      .then(() => true)
      .catch(() => false);
  }

  async function leaveCancelMarker(id: string): Promise<void> {
    await fsp.writeFile(cancelMarker(id), JSON.stringify({ at: clock.now().toISOString(), pid: process.pid }));
  }

  async function takeCancelMarker(id: string): Promise<boolean> {
    try {
      await fsp.rm(cancelMarker(id));
      return true;
    } catch {
      return false;
    }
  }

  /** Applies a cancel another process asked for while we held the lock. */
  async function applyCancelMarker(record: JobRecord): Promise<JobRecord> {
    if (!(await takeCancelMarker(record.job.id))) return record;
    const result = tryEvent(record, { type: 'user-cancel' });
    if (!result.ok) {
      log(`queue: cancel of ${record.job.id} refused: ${result.error.message}`);
      return record;
    }
    const next = { ...record, job: result.job };
    await persist(next);
    return next;
  }

  function notify(kind: 'accepted' | 'rejected', record: JobRecord, provider: string): void {
    const { job } = record;
    const title = kind === 'accepted' ? 'Campagne acceptée' : 'Campagne refusée';
    const body =
      kind === 'accepted'
        ? `« ${job.campaignName} » : ${provider} a accepté la campagne${job.campaignId ? ` (n° ${job.campaignId})` : ''}.`
        : `« ${job.campaignName} » : ${job.reason?.message ?? `${provider} a refusé le fichier.`}`;
    try {
      options.notifier?.notify({ title, body });
    } catch (error) {
      log('queue: notification failed', error);
    }
  }

  /** What a driver gets for one step on a job whose lock is `held`. */
  function driverContext(held: JobLock | null): DriverContext {
    return {
      clock,
      store,
      connections: options.connections,
      transitionOptions,
      apply,
      show: emitView,
      applyCancelMarker,
      stillOwned: () => (held ? held.stillOwned() : Promise.resolve(false)),
      notify,
      say,
      log,
    };
  }

  return { store, clock, log, transitionOptions, persist, withLock, tryEvent, apply, hasCancelMarker, leaveCancelMarker, applyCancelMarker, driverContext };
}

export type JobAccess = ReturnType<typeof createJobAccess>;
