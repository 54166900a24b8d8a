/**
 * The persistent job queue (plain Node: the app and the CLI run the same
 * code on the same <dataDir>/queue), channel-agnostic. Every change of a job
 * goes through its driver's pure state machine and is written to disk BEFORE
 * anything is done for it; every piece of work on a job happens under its
 * lock file, so two processes never work on one job at once. What a step
 * does is the driver's (src-main/queue/channel-driver.ts): the runner picks
 * the driver of each job, asks it what is due, and gives it one locked step
 * at a time.
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import { createJob, validateNewJob, type NewJob } from '@shared/queue/job-schedule';
import type { JobEvent } from '@shared/queue/job-types';
import type { HeldDecision } from '@shared/ipc/channels/queue';
import type { ChannelDriver } from '../channel-driver';
import { createFileDropDriver } from '../drivers/file-drop/file-drop-driver';
import { createRestDriver, restEndpointOfJob } from '../drivers/rest/rest-driver';
import { restClientOptionsFor } from '../../connections/rest-connection';
import { createMailDriver } from '../drivers/mail/mail-driver';
import { createOptOutService } from '../../opt-outs/opt-out-service';
import type { JobRecord } from '../job-record';
import { lockHolder } from '../job-lock';
import { newJobId } from '../job-store';
import { toJobView, type JobView } from '../job-view';
import type { EnqueueInput, QueueOptions, RunOptions, RunReport, WorkAction } from '../queue-types';
import { busyError, createJobAccess, notFoundError } from './job-access';
import { frenchCount } from '@shared/i18n/french-count';

export function createQueue(options: QueueOptions) {
  const drivers: readonly ChannelDriver[] = options.drivers ?? [
    createFileDropDriver({
      fileSystemFactory: options.fileSystemFactory,
      stampMarginMs: options.stampMarginMs,
      progressIntervalMs: options.progressIntervalMs,
      optOutNumbers: () => createOptOutService({ dataDir: options.dataDir }).numberSet(),
    }),
    createRestDriver({
      endpointFor: (record) => restEndpointOfJob(options.connections, record),
      clientOptions: (endpoint) => restClientOptionsFor(endpoint, process.env),
      optOutNumbers: () => createOptOutService({ dataDir: options.dataDir }).numberSet(),
    }),
    createMailDriver({
      dataDir: options.dataDir,
      optOutNumbers: () => createOptOutService({ dataDir: options.dataDir }).numberSet(),
      onOptOuts: async (entries) => {
        const merged = await createOptOutService({ dataDir: options.dataDir }).mergeFromReport(entries);
        if (merged.added > 0) options.progress?.(`iSendPro : ${frenchCount(merged.added, 'numéro en liste noire ajouté', 'numéros en liste noire ajoutés')} à la liste d'opposition.`);
      },
      ...options.mail,
    }),
  ];
  function driverFor(record: JobRecord): ChannelDriver {
    const driver = drivers.find((candidate) => candidate.handles(record.job.providerId));
    if (!driver) throw new UserFacingError('provider-unsupported', `Aucun moyen d'envoi ne sait traiter le fournisseur « ${record.job.providerId} ».`, { id: record.job.id });
    return driver;
  }
  const jobs = createJobAccess(options, driverFor);
  const { store, clock, log, apply, withLock } = jobs;

  let online = true;
  let networkBack = false;
  let optOutsBack = false;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let currentRun: Promise<RunReport> | null = null;

  // ── passes ───────────────────────────────────────────────────────────────
  function chooseAction(record: JobRecord, now: Date, run: RunOptions, marker: boolean): WorkAction | null {
    if (marker) return 'apply-cancel';
    return driverFor(record).dueAction(record.job, now, { online, networkBack, optOutsBack, pollAllAnswers: run.pollAllAcks === true });
  }

  async function work(id: string, run: RunOptions, done: ReadonlySet<string>): Promise<{ busy: boolean; action: WorkAction | null; record?: JobRecord }> {
    const outcome = await withLock(id, async (held) => {
      // Read again under the lock: another process may have moved the job since the listing.
      let record = await store.read(id);
      if (!record) return { action: null };
      const action = chooseAction(record, clock.now(), run, await jobs.hasCancelMarker(id));
      if (!action || done.has(`${id}:${action}`)) return { action: null, record };
      if (action === 'apply-cancel') record = await jobs.applyCancelMarker(record);
      else record = await driverFor(record).work(action, record, jobs.driverContext(held));
      record = await jobs.applyCancelMarker(record);
      return { action, record };
    });
    if (outcome.busy) return { busy: true, action: null };
    return { busy: false, ...outcome.value };
  }

  async function runPass(run: RunOptions): Promise<RunReport> {
    const report: RunReport = { worked: [], busy: [] };
    const done = new Set<string>();
    // Passes until nothing more is due now (a pending cancel applied may make a check due, etc.).
    for (let pass = 0; pass < 5; pass++) {
      let progressed = false;
      const records = await store.readAll();
      const now = clock.now();
      for (const record of records) {
        const marker = await jobs.hasCancelMarker(record.job.id);
        let action: WorkAction | null;
        try {
          action = chooseAction(record, now, run, marker);
        } catch (error) {
          log(`queue: ${record.job.id} skipped`, error);
          continue;
        }
        // Each kind of work at most once per job and pass: an upload may be followed by one ack check, never by a loop.
        if (!action || done.has(`${record.job.id}:${action}`)) continue;
        const result = await work(record.job.id, run, done);
        if (result.busy) {
          if (!report.busy.includes(record.job.id)) report.busy.push(record.job.id);
          continue;
        }
        if (!result.action || !result.record) continue;
        report.worked.push({ id: record.job.id, action: result.action, state: result.record.job.state });
        done.add(`${record.job.id}:${result.action}`);
        progressed = true;
      }
      if (!progressed) break;
    }
    networkBack = false;
    optOutsBack = false;
    return report;
  }

  /** Does what is due now; concurrent calls share one pass. */
  function runOnce(run: RunOptions = {}): Promise<RunReport> {
    if (currentRun) {
      // A pass is under way: chain one more so a request made now (refresh, enqueue) is seen.
      const after: Promise<RunReport> = currentRun.catch(() => undefined).then(() => runOnce(run));
      return after;
    }
    const pass = runPass(run).finally(() => {
      if (currentRun === pass) currentRun = null;
    });
    currentRun = pass;
    return pass;
  }

  /**
   * Checks now the answers of every job on one connection (the app's mailbox
   * watcher: the server announced a mail, a reconnection, its periodic
   * check). Beside any pass under way: each job is worked under its own lock,
   * a job another worker holds is reported busy. Wakes the loop afterwards,
   * so what the answers made due (a follow-up batch) goes at once.
   */
  async function checkAnswersOf(connectionId: string): Promise<RunReport> {
    const report: RunReport = { worked: [], busy: [] };
    const run: RunOptions = { pollAllAcks: true };
    for (const record of await store.readAll()) {
      if (record.job.connectionId !== connectionId) continue;
      const result = await work(record.job.id, run, new Set());
      if (result.busy) report.busy.push(record.job.id);
      else if (result.action && result.record) report.worked.push({ id: record.job.id, action: result.action, state: result.record.job.state });
    }
    if (report.worked.length > 0) wake();
    return report;
  }

  // ── app loop ─────────────────────────────────────────────────────────────
  async function loop(): Promise<void> {
    timer = null;
    if (!running) return;
    try {
      await runOnce();
    } catch (error) {
      log('queue: pass failed', error);
    }
    if (!running) return;
    const now = clock.now().getTime();
    let wakeAt = now + (options.maxSleepMs ?? 60_000);
    for (const record of await store.readAll().catch(() => [] as JobRecord[])) {
      const driver = drivers.find((candidate) => candidate.handles(record.job.providerId));
      const at = driver?.nextWakeAt(record.job);
      if (at) wakeAt = Math.min(wakeAt, at.getTime());
    }
    // At least a second between passes so a job that cannot move (server check failing) never spins.
    const delay = Math.max(1_000, wakeAt - now);
    if (running && !timer) timer = setTimeout(() => void loop(), delay);
  }

  function wake(): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void loop(), 0);
  }

  // ── user actions ─────────────────────────────────────────────────────────
  async function readOrThrow(id: string): Promise<JobRecord> {
    const record = await store.read(id);
    if (!record) throw notFoundError(id);
    return record;
  }

  async function enqueue(input: EnqueueInput): Promise<JobView> {
    const now = clock.now();
    const id = newJobId(now);
    const newJob: NewJob = { ...input.job, id, connectionId: input.connection.id };
    const problems = validateNewJob(newJob);
    if (problems.length > 0) {
      throw new UserFacingError('job-invalid', `Le dépôt ne peut pas être créé (${problems.join(', ')}).`, { problems: problems.join(',') });
    }
    // The file first, then the record that commits it: a crash in between leaves an orphan folder, never a job without its file.
    const file = await store.saveFile(id, input.file.name, input.file.data, input.file.recipients);
    let job = createJob(newJob, now);
    const driver = drivers.find((candidate) => candidate.handles(job.providerId));
    if (driver?.prepareJob) job = await driver.prepareJob(job, input, { clock, store, connections: options.connections });
    const record: JobRecord = {
      formatVersion: 1,
      job,
      connectionName: input.connection.name,
      remoteFolder: input.remoteFolder,
      file,
      renewName: false,
      optOuts: input.optOuts ?? 'left-out',
    };
    driverFor(record);
    await jobs.persist(record);
    wake();
    return toJobView(record, clock.now());
  }

  async function cancel(id: string): Promise<JobView & { cancelPending?: boolean }> {
    const outcome = await withLock(id, async () => toJobView(await apply(await readOrThrow(id), { type: 'user-cancel' }), clock.now()));
    if (!outcome.busy) {
      wake();
      return outcome.value;
    }
    // Someone is working on it: check the cancel is possible, then leave the request for the worker.
    const current = await readOrThrow(id);
    const check = jobs.tryEvent(current, { type: 'user-cancel' });
    if (!check.ok) throw new UserFacingError(check.error.code, check.error.message, { id });
    await jobs.leaveCancelMarker(id);
    return { ...toJobView(current, clock.now()), cancelPending: true };
  }

  async function retry(id: string): Promise<JobView> {
    const outcome = await withLock(id, async () => toJobView(await apply(await readOrThrow(id), { type: 'user-retry' }), clock.now()));
    if (outcome.busy) throw busyError(id);
    wake();
    return outcome.value;
  }

  /** Asks the provider for the answer now (queue:refresh for one job). */
  async function checkAckNow(id: string): Promise<JobView> {
    const outcome = await withLock(id, async (held) => {
      const record = await apply(await readOrThrow(id), { type: 'user-check-ack' });
      return toJobView(await driverFor(record).checkAnswer(record, jobs.driverContext(held)), clock.now());
    });
    if (outcome.busy) throw busyError(id);
    return outcome.value;
  }

  /**
   * The user's decision on a held (or failed) job. Anything that leads to a
   * new send first asks the driver to prove nothing reached the provider: a
   * copy there moves the job to follow it (nothing is sent again); nothing
   * there → the decision applies (the file drop's next upload builds a new name).
   */
  async function decide(id: string, decision: HeldDecision): Promise<JobView & { foundOnServer?: boolean }> {
    if (decision.type === 'cancel') return cancel(id);
    const outcome = await withLock(id, async (held) => {
      let record = await readOrThrow(id);
      const event: JobEvent =
        decision.type === 'confirm'
          ? { type: 'user-confirm' }
          : { type: 'user-reschedule', programmedAt: decision.type === 'send-now' ? null : new Date(decision.programmedAt).toISOString() };
      // Refuse early what the state machine refuses anyway, before touching the network.
      const dryRun = jobs.tryEvent(record, event);
      if (!dryRun.ok) throw new UserFacingError(dryRun.error.code, dryRun.error.message, { id });
      const checked = await driverFor(record).beforeResend(record, jobs.driverContext(held));
      if (checked.found) return { ...toJobView(checked.record, clock.now()), foundOnServer: true };
      record = await apply(checked.record, event, { renewName: true });
      return { ...toJobView(record, clock.now()), foundOnServer: false };
    });
    if (outcome.busy) throw busyError(id);
    wake();
    return outcome.value;
  }

  return {
    dataDir: options.dataDir,
    runOnce,
    checkAnswersOf,
    enqueue,
    cancel,
    retry,
    decide,
    checkAckNow,
    async list(): Promise<JobView[]> {
      return (await store.readAll()).map((record) => toJobView(record, clock.now()));
    },
    async get(id: string): Promise<JobView> {
      return toJobView(await readOrThrow(id), clock.now());
    },
    /** Who holds a job's lock (pid, host), or null. */
    holder: (id: string) => lockHolder(store.queueDir, id),
    start(): void {
      if (running) return;
      running = true;
      void store.removeOrphans().catch(() => undefined);
      wake();
    },
    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await currentRun?.catch(() => undefined);
    },
    /** The app tells the queue when the network goes and comes back (waiting jobs go at once). */
    setOnline(value: boolean): void {
      const cameBack = value && !online;
      online = value;
      if (cameBack) {
        networkBack = true;
        wake();
      }
    },
    /** The opt-out list changed (repaired, restored, imported): jobs waiting for it are checked at once. */
    optOutsChanged(): void {
      optOutsBack = true;
      wake();
    },
    wake,
  };
}

export type Queue = ReturnType<typeof createQueue>;
