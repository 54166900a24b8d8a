/**
 * The persistent job queue (plain Node: the app and the CLI run the same
 * code on the same <dataDir>/queue). Every change of a job goes through the
 * pure state machine (shared/queue/transition.ts) and is written to disk
 * BEFORE the runtime acts on it; every piece of work on a job happens under
 * its lock file, so two processes never work on one job at once.
 *
 * Exactly once, in order: scan the server for a copy of the drop (by
 * IDDELIVERY, drop folder and acknowledgement folders) → delete leftover
 * temporaries → check the programmed time → fix the remote name (persisted,
 * reused on every retry) → upload under the temporary name, check the size
 * (dropFileExactlyOnce, which scans once more) → check cancel + the MediasFlow
 * stamp → persist 'renaming' → rename → persist 'uploaded'.
 *
 * The MediasFlow stamp is the upload start. A retry reuses the same name; if
 * the stamp is too old to be accepted (2 h minus a margin), the job is HELD:
 * a new stamp is never invented silently. The user confirms a fresh drop
 * with decide(); the runtime first checks the server (no copy may be there),
 * and only then lets the next upload build a new name.
 */
import { posix } from 'node:path';
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { AckResult } from '@shared/providers/ack-result';
import type { FolderListing } from '@shared/providers/provider-profile';
import { getProviderProfile, type ProviderProfile } from '@shared/providers/provider-registry';
import { defaultStampMarginMs, isStampStillUsable } from '@shared/providers/mediasflow/mediasflow-name';
import { checkProgrammedTime } from '@shared/scheduling/programmed-time';
import { createJob, dueAction, nextWakeAt, validateNewJob, type NewJob } from '@shared/queue/job-schedule';
import type { Job, JobEvent, JobReason } from '@shared/queue/job-types';
import { transition, type TransitionOptions } from '@shared/queue/transition';
import { ConnectorError } from '../connectors/connector-error';
import type { ConnectionConfig } from '../connectors/connection-config';
import { createRemoteFileSystem } from '../connectors/create-remote-file-system';
import { dropFileExactlyOnce } from '../connectors/exactly-once-upload';
import type { RemoteFileSystem } from '../connectors/remote-file-system';
import type { StoredConnection } from '../connections/connection-types';
import type { JobRecord } from './job-record';
import { acquireJobLock, lockHolder, newLockOwner, type JobLock } from './job-lock';
import { createJobStore, newJobId, sha256Hex } from './job-store';
import { toJobView, type JobView } from './job-view';
import type { HeldDecision } from '@shared/ipc/channels/queue';

export type { HeldDecision } from '@shared/ipc/channels/queue';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';

export interface QueueClock {
  now(): Date;
}

export interface Notifier {
  notify(notification: { title: string; body: string }): void;
}

export type FileSystemFactory = (config: ConnectionConfig) => RemoteFileSystem;

/** What the queue needs from the connections service. */
export interface QueueConnections {
  getStored(idOrName: string): Promise<StoredConnection>;
  resolveConfig(connection: StoredConnection): Promise<ConnectionConfig>;
}

export interface QueueOptions {
  dataDir: string;
  connections: QueueConnections;
  fileSystemFactory?: FileSystemFactory;
  clock?: QueueClock;
  notifier?: Notifier;
  /** queue:job-updated events (throttled for progress). */
  emit?: (view: JobView) => void;
  log?: (message: string, error?: unknown) => void;
  /** One human line per step (the CLI prints them on stderr). */
  progress?: (line: string) => void;
  transitionOptions?: TransitionOptions;
  lockStaleMs?: number;
  /** Least time between two progress events of one job (default 200 ms: ≤ 5/s). */
  progressIntervalMs?: number;
  stampMarginMs?: number;
  /** start(): longest sleep between two passes. */
  maxSleepMs?: number;
}

export interface RunOptions {
  /** Check every job awaiting an answer once, whatever its backoff (queue run --until-idle, queue:refresh). */
  pollAllAcks?: boolean;
}

export interface RunReport {
  /** Job id → action done. */
  worked: { id: string; action: WorkAction; state: Job['state'] }[];
  /** Jobs another process (or another run) was working on. */
  busy: string[];
}

type WorkAction = 'upload' | 'poll-ack' | 'check-server' | 'apply-cancel';

export interface EnqueueInput {
  connection: Pick<StoredConnection, 'id' | 'name'>;
  job: Omit<NewJob, 'id' | 'connectionId'>;
  remoteFolder: string;
  file: { name: string; data: Uint8Array; recipients: number };
}

/** Why an upload stopped on purpose (not a connector failure). */
class UploadAbort extends Error {
  constructor(readonly why: 'cancel' | 'stamp' | 'lock-lost') {
    super(`upload aborted: ${why}`);
  }
}

const systemClock: QueueClock = { now: () => new Date() };

function reasonOf(error: ConnectorError): JobReason {
  const reason: JobReason = { code: error.kind, message: error.message };
  const detail = error.params.fingerprint ?? error.params.detail;
  if (detail) reason.detail = detail;
  return reason;
}

function busyError(id: string): UserFacingError {
  return new UserFacingError(
    'job-busy',
    "Ce dépôt est en cours de traitement (par l'application ou la ligne de commande). Réessayez dans un instant.",
    { id },
  );
}

function notFoundError(id: string): UserFacingError {
  return new UserFacingError('job-not-found', `Le dépôt ${id} n'existe pas.`, { id });
}

export function createQueue(options: QueueOptions) {
  const store = createJobStore(options.dataDir);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const say = options.progress ?? (() => {});
  const factory = options.fileSystemFactory ?? ((config: ConnectionConfig) => createRemoteFileSystem(config));
  const owner = newLockOwner();
  const tOptions: TransitionOptions = { random: Math.random, ...options.transitionOptions };
  const progressIntervalMs = options.progressIntervalMs ?? 200;
  const stampMarginMs = options.stampMarginMs ?? defaultStampMarginMs;
  const cancelMarker = (id: string) => join(store.queueDir, `${id}.cancel`);

  let online = true;
  let networkBack = false;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let currentRun: Promise<RunReport> | null = null;

  const emitView = (record: JobRecord) => {
    try {
      options.emit?.(toJobView(record));
    } catch (error) {
      log('queue: emit failed', error);
    }
  };

  async function persist(record: JobRecord): Promise<void> {
    await store.write(record);
    emitView(record);
  }

  async function lock(id: string): Promise<JobLock | null> {
    return acquireJobLock(store.queueDir, id, owner, { staleMs: options.lockStaleMs });
  }

  /** Runs `work` under the job's lock; `busy` when someone else holds it. */
  async function withLock<T>(id: string, work: (held: JobLock) => Promise<T>): Promise<{ busy: true } | { busy: false; value: T }> {
    const held = await lock(id);
    if (!held) return { busy: true };
    try {
      return { busy: false, value: await work(held) };
    } finally {
      await held.release().catch((error: unknown) => log(`queue: releasing the lock of ${id} failed`, error));
    }
  }

  /**
   * Applies an event and persists before returning: the caller acts only on
   * what is on disk. Refused events throw (a runtime bug or a user action
   * that is not allowed now).
   */
  async function apply(record: JobRecord, event: JobEvent, changes: Partial<Omit<JobRecord, 'job'>> = {}): Promise<JobRecord> {
    const result = transition(record.job, event, clock.now(), tOptions);
    if (!result.ok) throw new UserFacingError(result.error.code, result.error.message, { state: result.error.state, event: result.error.event });
    const next: JobRecord = { ...record, ...changes, job: result.job };
    await persist(next);
    if (next.job.state !== record.job.state) say(`${next.job.id} : ${record.job.state} → ${next.job.state}${next.job.reason ? ` (${next.job.reason.message})` : ''}`);
    return next;
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
    const result = transition(record.job, { type: 'user-cancel' }, clock.now(), tOptions);
    if (!result.ok) {
      log(`queue: cancel of ${record.job.id} refused: ${result.error.message}`);
      return record;
    }
    const next = { ...record, job: result.job };
    await persist(next);
    return next;
  }

  async function listFolders(fs: RemoteFileSystem, folders: readonly string[]): Promise<FolderListing[]> {
    const listings: FolderListing[] = [];
    for (const folder of folders) {
      try {
        listings.push({ folder, names: (await fs.list(folder)).filter((entry) => !entry.isDirectory).map((entry) => entry.name) });
      } catch (error) {
        // Acknowledgement folders may not exist before the provider's first answer.
        if (error instanceof ConnectorError && error.kind === 'folder-missing') continue;
        throw error;
      }
    }
    return listings;
  }

  /** Connection → connected file system, or the reason it cannot be (as a job event). */
  async function connect(record: JobRecord): Promise<{ fs: RemoteFileSystem } | { event: JobEvent }> {
    let config: ConnectionConfig;
    try {
      const connection = await options.connections.getStored(record.job.connectionId);
      config = await options.connections.resolveConfig(connection);
    } catch (error) {
      const code = error instanceof UserFacingError ? error.code : 'connection-unusable';
      const message = error instanceof Error ? error.message : String(error);
      return { event: { type: 'permanent-error', error: { code, message } } };
    }
    const fs = factory(config);
    try {
      await fs.connect();
      return { fs };
    } catch (error) {
      await fs.close();
      return { event: connectorEvent(error) };
    }
  }

  function connectorEvent(error: unknown): JobEvent {
    if (error instanceof ConnectorError) {
      return error.transient
        ? { type: 'network-error', error: reasonOf(error), slow: error.kind === 'server-full' }
        : { type: 'permanent-error', error: reasonOf(error) };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'permanent-error', error: { code: 'unexpected', message: `Erreur inattendue pendant le dépôt : ${message}`, detail: message } };
  }

  function buildRemoteName(profile: ProviderProfile, job: Job, now: Date): { ok: true; name: string; stampAt: string | null } | { ok: false; problems: string[] } {
    const programmedAt = job.programmedAt ? new Date(job.programmedAt) : null;
    if (profile.family === 'mediasflow') {
      const built = profile.buildName({
        templateId: job.templateId ?? '',
        idDelivery: job.idDelivery,
        campaignName: job.fileCampaignName ?? job.campaignName,
        stampAt: now,
        programmedAt,
      });
      return built.ok ? { ok: true, name: built.name, stampAt: now.toISOString() } : { ok: false, problems: built.problems };
    }
    const built = profile.buildName({
      campaignName: job.fileCampaignName ?? job.campaignName,
      idDelivery: job.idDelivery,
      sendAt: programmedAt ?? now,
      part: job.part ? { index: job.part.index, count: job.part.count } : undefined,
    });
    return built.ok ? { ok: true, name: built.name, stampAt: null } : { ok: false, problems: built.problems };
  }

  async function removeQuietly(fs: RemoteFileSystem, path: string): Promise<void> {
    await fs.remove(path).catch(() => undefined);
  }

  // ── upload ────────────────────────────────────────────────────────────────
  async function upload(start: JobRecord, held: JobLock): Promise<JobRecord> {
    let record = start;
    if (record.job.state === 'uploading') {
      // Found uploading with a free lock: its worker died mid-upload.
      record = await apply(record, { type: 'interrupted' });
    }
    const data = await store.readFile(record.job.id, record.file).catch(() => null);
    if (!data || data.length !== record.file.bytes || sha256Hex(data) !== record.file.sha256) {
      return apply(record, {
        type: 'permanent-error',
        error: {
          code: 'prepared-file-damaged',
          message: "Le fichier préparé pour ce dépôt a disparu ou a changé sur cet ordinateur : il n'a pas été envoyé.",
          action: 'Annulez ce dépôt et préparez la campagne à nouveau.',
        },
      });
    }
    const connected = await connect(record);
    if ('event' in connected) return apply(record, connected.event);
    const { fs } = connected;
    const profile = getProviderProfile(record.job.providerId);
    const channel = record.job.channel;
    const identity = { channel, idDelivery: record.job.idDelivery };
    const dropFolder = profile.dropFolder(channel);
    let tempPathOnServer: string | null = null;
    try {
      // 1. Never twice: a copy of this drop (any name carrying its IDDELIVERY) already there?
      const scan = profile.scanForDrop(identity, await listFolders(fs, profile.scanFolders(channel)));
      if (scan.landed) {
        say(`${record.job.id} : une copie est déjà sur le serveur (${scan.landed.folder}/${scan.landed.fileName}) : rien n'est renvoyé.`);
        return await apply(record, { type: 'found-on-server', remoteName: scan.landed.remoteName, stage: scan.landed.stage });
      }
      for (const temporary of scan.temporaries) await removeQuietly(fs, temporary);
      if (record.job.mayBeOnServer) {
        record = await apply(record, { type: 'not-on-server' });
        if (record.job.state === 'cancelled') return record;
      }

      // 2. Time checks: a passed programmed time or a stale stamp needs the user.
      const now = clock.now();
      if (record.job.programmedAt) {
        const check = checkProgrammedTime(new Date(record.job.programmedAt), now);
        if (!check.ok) return await apply(record, { type: 'programmed-time-passed', tooSoon: check.code === 'programmed-time-too-soon' });
      }
      let remoteName: string;
      let stampAt: string | null;
      if (record.job.remoteName && !record.renewName) {
        remoteName = record.job.remoteName;
        stampAt = record.job.stampAt;
        if (profile.family === 'mediasflow' && stampAt && !isStampStillUsable(new Date(stampAt), now, stampMarginMs)) {
          return await apply(record, { type: 'stamp-expired' });
        }
      } else {
        const built = buildRemoteName(profile, record.job, now);
        if (!built.ok) {
          return await apply(record, {
            type: 'permanent-error',
            error: { code: 'name-invalid', message: `Le nom du fichier ne peut pas être construit (${built.problems.join(', ')}).`, action: 'Corrigez le nom de la campagne ou le numéro de campagne modèle, puis préparez le dépôt à nouveau.' },
          });
        }
        remoteName = built.name;
        stampAt = built.stampAt;
      }
      const temporaryName = profile.temporaryName(remoteName);
      const temporaryPath = profile.temporaryPath(channel, remoteName);
      tempPathOnServer = temporaryPath;

      // 3. The name is on disk before the first byte leaves: every retry reuses it.
      record = await apply(record, { type: 'start-upload', remoteName, temporaryName, totalBytes: data.length, stampAt }, { renewName: false });
      say(`${record.job.id} : dépôt de ${remoteName} (${data.length} octets) dans ${dropFolder}`);

      let lastProgressAt = 0;
      const result = await dropFileExactlyOnce({
        fs,
        folder: dropFolder,
        finalName: remoteName,
        tempName: temporaryName,
        tempFolder: posix.dirname(temporaryPath),
        data,
        searchFolders: profile.scanFolders(channel).filter((folder) => folder !== dropFolder),
        recognise: (name, folder) => profile.recognise(name, folder, identity),
        onProgress: (bytes, total) => {
          const at = Date.now();
          if (at - lastProgressAt < progressIntervalMs && bytes < total) return;
          lastProgressAt = at;
          const moved = transition(record.job, { type: 'progress', uploadedBytes: bytes }, clock.now(), tOptions);
          if (moved.ok) {
            record = { ...record, job: moved.job };
            emitView(record);
          }
          say(`${record.job.id} : ${bytes}/${total} octets`);
        },
        onStep: async (step) => {
          if (step !== 'size-verified') return;
          // The last moment anything can be stopped: after the rename the provider has it.
          record = await applyCancelMarker(record);
          if (record.job.cancelRequested) throw new UploadAbort('cancel');
          if (profile.family === 'mediasflow' && stampAt && !isStampStillUsable(new Date(stampAt), clock.now(), stampMarginMs)) {
            throw new UploadAbort('stamp');
          }
          if (!(await held.stillOwned())) throw new UploadAbort('lock-lost');
          record = await apply(record, { type: 'renaming' });
        },
      });
      if (result.outcome === 'already-landed') {
        return await apply(record, { type: 'found-on-server', remoteName: result.name, stage: result.folder === dropFolder ? 'dropped' : 'answered' });
      }
      record = await apply(record, { type: 'uploaded' });
      if (result.name !== remoteName) say(`${record.job.id} : le fournisseur a déjà pris le fichier (${result.folder}/${result.name}).`);
      return record;
    } catch (error) {
      if (error instanceof UploadAbort) {
        if (tempPathOnServer) await removeQuietly(fs, tempPathOnServer);
        if (error.why === 'cancel') return apply(record, { type: 'upload-cancelled' });
        if (error.why === 'stamp') return apply(record, { type: 'stamp-expired' });
        log(`queue: lock of ${record.job.id} taken over while uploading; stopped before the rename`);
        return record;
      }
      if (error instanceof UserFacingError) throw error;
      const event = connectorEvent(error);
      if (!(error instanceof ConnectorError)) log(`queue: unexpected error while dropping ${record.job.id}`, error);
      return apply(record, event);
    } finally {
      await fs.close();
    }
  }

  // ── acknowledgement ──────────────────────────────────────────────────────
  async function pollAck(start: JobRecord): Promise<JobRecord> {
    let record = start;
    const connected = await connect(record);
    if ('event' in connected) {
      const error = 'error' in connected.event ? (connected.event as { error: JobReason }).error : undefined;
      return apply(record, { type: 'ack-not-yet', error });
    }
    const { fs } = connected;
    const profile = getProviderProfile(record.job.providerId);
    try {
      const listings = await listFolders(fs, profile.scanFolders(record.job.channel));
      const lookup = profile.locateAck(
        { channel: record.job.channel, idDelivery: record.job.idDelivery, remoteName: record.job.remoteName ?? '' },
        listings,
      );
      let answer: AckResult | null = null;
      if (lookup.status === 'answered') answer = lookup.result;
      else if (lookup.status === 'read' && profile.family === 'mediasflow') {
        answer = profile.interpretAck(lookup.fileName, await fs.readText(lookup.path));
      }
      if (!answer) return await apply(record, { type: 'ack-not-yet' });
      if (answer.kind === 'accepted') {
        record = await apply(record, { type: 'ack-accepted', campaignId: answer.campaignId });
        notify('accepted', record);
      } else {
        record = await apply(record, { type: 'ack-rejected', code: answer.code, message: answer.message, action: answer.action, detail: answer.detail });
        notify('rejected', record);
      }
      return record;
    } catch (error) {
      if (error instanceof UserFacingError) throw error;
      const reason = error instanceof ConnectorError ? reasonOf(error) : { code: 'unexpected', message: String(error) };
      return apply(record, { type: 'ack-not-yet', error: reason });
    } finally {
      await fs.close();
    }
  }

  function notify(kind: 'accepted' | 'rejected', record: JobRecord): void {
    const { job } = record;
    const provider = getProviderProfile(job.providerId).family === 'mediasflow' ? 'MediasFlow' : 'AllMySMS';
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

  // ── server check (pending cancel, held decisions) ─────────────────────────
  /** Scans the server for the drop: 'found' (and the job moved to awaiting-ack) or 'absent' (temporaries removed). */
  async function checkServer(start: JobRecord): Promise<{ record: JobRecord; found: boolean }> {
    const connected = await connect(start);
    if ('event' in connected) {
      const reason = 'error' in connected.event ? (connected.event as { error: JobReason }).error : null;
      throw new UserFacingError(
        'server-check-failed',
        `Impossible de vérifier le serveur avant de continuer : ${reason?.message ?? 'connexion impossible'} Le dépôt reste en l'état ; réessayez quand la connexion est rétablie.`,
        { id: start.job.id },
      );
    }
    const { fs } = connected;
    const profile = getProviderProfile(start.job.providerId);
    try {
      const scan = profile.scanForDrop(
        { channel: start.job.channel, idDelivery: start.job.idDelivery },
        await listFolders(fs, profile.scanFolders(start.job.channel)),
      );
      if (scan.landed) {
        const record = await apply(start, { type: 'found-on-server', remoteName: scan.landed.remoteName, stage: scan.landed.stage });
        return { record, found: true };
      }
      for (const temporary of scan.temporaries) await removeQuietly(fs, temporary);
      return { record: start, found: false };
    } catch (error) {
      if (error instanceof UserFacingError) throw error;
      throw new UserFacingError(
        'server-check-failed',
        `Impossible de vérifier le serveur avant de continuer : ${error instanceof Error ? error.message : String(error)} Le dépôt reste en l'état.`,
        { id: start.job.id },
      );
    } finally {
      await fs.close();
    }
  }

  async function pendingCancelCheck(start: JobRecord): Promise<JobRecord> {
    try {
      const { record, found } = await checkServer(start);
      if (found) return record;
      return await apply(record, { type: 'not-on-server' });
    } catch (error) {
      log(`queue: server check for the cancel of ${start.job.id} failed; will try again`, error);
      return start;
    }
  }

  // ── passes ───────────────────────────────────────────────────────────────
  async function hasCancelMarker(id: string): Promise<boolean> {
    return fsp
      .access(cancelMarker(id))
      .then(() => true)
      .catch(() => false);
  }

  function chooseAction(job: Job, now: Date, run: RunOptions, marker: boolean): WorkAction | null {
    if (marker) return 'apply-cancel';
    if (job.state === 'uploading') return 'upload';
    if (!online) return null;
    const due = dueAction(job, now);
    if (due) return due;
    if (job.state === 'awaiting-ack' && run.pollAllAcks) return 'poll-ack';
    if (job.state === 'waiting' && job.waitingFor === 'network' && networkBack) return 'upload';
    return null;
  }

  async function work(id: string, run: RunOptions, done: ReadonlySet<string>): Promise<{ busy: boolean; action: WorkAction | null; record?: JobRecord }> {
    const outcome = await withLock(id, async (held) => {
      // Read again under the lock: another process may have moved the job since the listing.
      let record = await store.read(id);
      if (!record) return { action: null };
      const action = chooseAction(record.job, clock.now(), run, await hasCancelMarker(id));
      if (!action || done.has(`${id}:${action}`)) return { action: null, record };
      if (action === 'apply-cancel') record = await applyCancelMarker(record);
      else if (action === 'upload') record = await upload(record, held);
      else if (action === 'poll-ack') record = await pollAck(record);
      else record = await pendingCancelCheck(record);
      record = await applyCancelMarker(record);
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
        const marker = await hasCancelMarker(record.job.id);
        const action = chooseAction(record.job, now, run, marker);
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
      const at = nextWakeAt(record.job);
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
    const record: JobRecord = {
      formatVersion: 1,
      job: createJob(newJob, now),
      connectionName: input.connection.name,
      remoteFolder: input.remoteFolder,
      file,
      renewName: false,
    };
    await persist(record);
    wake();
    return toJobView(record);
  }

  async function cancel(id: string): Promise<JobView & { cancelPending?: boolean }> {
    const outcome = await withLock(id, async () => {
      const record = await readOrThrow(id);
      const next = await apply(record, { type: 'user-cancel' });
      return toJobView(next);
    });
    if (!outcome.busy) {
      wake();
      return outcome.value;
    }
    // Someone is working on it: check the cancel is possible, then leave the request for the worker.
    const current = await readOrThrow(id);
    const check = transition(current.job, { type: 'user-cancel' }, clock.now(), tOptions);
    if (!check.ok) throw new UserFacingError(check.error.code, check.error.message, { id });
    await fsp.writeFile(cancelMarker(id), JSON.stringify({ at: clock.now().toISOString(), pid: process.pid }));
    return { ...toJobView(current), cancelPending: true };
  }

  async function retry(id: string): Promise<JobView> {
    const outcome = await withLock(id, async () => toJobView(await apply(await readOrThrow(id), { type: 'user-retry' })));
    if (outcome.busy) throw busyError(id);
    wake();
    return outcome.value;
  }

  /** Asks the provider for the answer now (queue:refresh for one job). */
  async function checkAckNow(id: string): Promise<JobView> {
    const outcome = await withLock(id, async () => {
      let record = await readOrThrow(id);
      record = await apply(record, { type: 'user-check-ack' });
      return toJobView(await pollAck(record));
    });
    if (outcome.busy) throw busyError(id);
    return outcome.value;
  }

  /**
   * The user's decision on a held (or failed) job. Anything that leads to a
   * new upload first checks the server when an upload was ever started: a
   * copy there moves the job to awaiting-ack instead (nothing is sent again);
   * no copy → the decision applies and the next upload builds a new name.
   */
  async function decide(id: string, decision: HeldDecision): Promise<JobView & { foundOnServer?: boolean }> {
    if (decision.type === 'cancel') return cancel(id);
    const outcome = await withLock(id, async () => {
      let record = await readOrThrow(id);
      const event: JobEvent =
        decision.type === 'confirm'
          ? { type: 'user-confirm' }
          : { type: 'user-reschedule', programmedAt: decision.type === 'send-now' ? null : new Date(decision.programmedAt).toISOString() };
      // Refuse early what the state machine refuses anyway, before touching the network.
      const dryRun = transition(record.job, event, clock.now(), tOptions);
      if (!dryRun.ok) throw new UserFacingError(dryRun.error.code, dryRun.error.message, { id });
      if (record.job.attempts > 0 || record.job.mayBeOnServer) {
        const checked = await checkServer(record);
        if (checked.found) return { ...toJobView(checked.record), foundOnServer: true };
        record = checked.record;
        if (record.job.mayBeOnServer) record = await apply(record, { type: 'not-on-server' });
      }
      record = await apply(record, event, { renewName: true });
      return { ...toJobView(record), foundOnServer: false };
    });
    if (outcome.busy) throw busyError(id);
    wake();
    return outcome.value;
  }

  return {
    dataDir: options.dataDir,
    runOnce,
    enqueue,
    cancel,
    retry,
    decide,
    checkAckNow,
    async list(): Promise<JobView[]> {
      return (await store.readAll()).map(toJobView);
    },
    async get(id: string): Promise<JobView> {
      return toJobView(await readOrThrow(id));
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
    wake,
  };
}

export type Queue = ReturnType<typeof createQueue>;
