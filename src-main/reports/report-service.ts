/**
 * The main-process report service: for each accepted MediasFlow drop, finds
 * its report versions on the server (Report/ and Report/archive/), downloads
 * each version once into <dataDir>/reports/<jobId>/, parses it in a worker,
 * keeps the figures of every version in state.json, feeds STOP/blacklist
 * numbers to the opt-out list, and answers the screens: summaries, diffs,
 * pages of recipients, CSV exports and the list actions' lines (one row
 * source for MediasFlow's files and iSendPro's notifications:
 * report-row-source.ts) and the cross-campaign overview (report-overview.ts).
 *
 * The latest version of the last few campaigns opened stays parsed in a
 * report session worker (report-session.ts; a 1,000,000-row report is ~400 MB
 * of text and typed arrays): paging, filtering, searching and exporting run
 * there, so main never holds nor copies the report and never stalls on it.
 */
import { reportHeadline } from '@shared/reports/report-headline';
import { stat } from 'node:fs/promises';
import { UserFacingError } from '@shared/ipc/ipc-result';
import type {
  ReportCampaignView,
  ReportDetailView,
  ReportOverviewView,
  ReportRefreshResult,
  ReportRowsFilter,
  ReportRowsPage,
} from '@shared/ipc/channels/reports';
import type { Channel } from '@shared/providers/provider-ids';
import { diffReportSummaries, reportEvolution } from '@shared/reports/diff-report-summaries';
import type { ReportSummary } from '@shared/reports/summarize-report';
import type { ConnectionConfig } from '../connectors/connection-config';
import { ConnectorError } from '../connectors/connector-error';
import { createRemoteFileSystem } from '../connectors/create-remote-file-system';
import type { RemoteFileSystem } from '../connectors/remote-file-system';
import type { StoredConnection } from '../connections/connection-types';
import type { Dialogs } from '../main-deps';
import type { JobRecord } from '../queue/job-record';
import { createJobStore } from '../queue/job-store';
import type { OptOutService } from '../opt-outs/opt-out-service';
import { writeFileAtomic } from '../workspace/atomic-write';
import { downloadToFileAtomic, listRemoteReportVersions } from './report-fetcher';
import { fetchRestReportVersion } from './rest-report-fetch';
import { mailCampaignView, mailReportDetail, mailVersionOf } from './mail-report-views';
import { campaignIdentityOf, isMailJob, isMediasflowJob, sendAtOf } from './report-job-kinds';
import { reportOverview } from './report-overview';
import { mailRowSource, sessionRowSource, type ReportRowSource } from './report-row-source';
import type { RestClientOptions, RestEndpoint } from '../connectors/mediasflow-rest/rest-client';
import { RestError } from '../connectors/mediasflow-rest/rest-error';
import { restClientOptionsFor } from '../connections/rest-connection';
import { openReportSession, type ReportSession, type ReportSessionOpener } from './report-session';
import { demoReportCheckOffsetsMs, nextReportCheckAt, reportCheckOffsetsMs } from './report-schedule';
import { createReportStore, emptyReportState, isSafeReportFileName, type ReportState, type StoredReportVersion } from './report-store';

/** What the service needs from the connections service (same shape the queue uses). */
export interface ReportConnections {
  getStored(idOrName: string): Promise<StoredConnection>;
  resolveConfig(connection: StoredConnection): Promise<ConnectionConfig>;
  /** MediasFlow REST connections (reports read from the API). */
  resolveRestEndpoint?(connection: StoredConnection): Promise<RestEndpoint>;
  /** Every saved connection: with a period chosen, the REST accounts' by-period reports fill the across-campaigns view. */
  list?(): Promise<{ id: string }[]>;
}

export interface ReportServiceOptions {
  dataDir: string;
  connections: ReportConnections;
  optOuts: OptOutService;
  dialogs?: Dialogs;
  fileSystemFactory?: (config: ConnectionConfig) => RemoteFileSystem;
  /** Opens a report session worker (tests may stub it). */
  openSession?: ReportSessionOpener;
  now?: () => Date;
  emit?: (event: { jobId: string; versions: number; newVersions: number }) => void;
  /** New versions were downloaded for a campaign (the unread badge and the desktop notification). */
  onNewVersions?: (event: { jobId: string; campaignName: string; newVersions: number; latest: ReportSummary }) => void;
  log?: (message: string, error?: unknown) => void;
  /** Report sessions kept open (default 2). */
  cacheSize?: number;
  /** MediasFlow REST reports: client options (tests: timeouts); default: the proxy from the environment. */
  restClientOptions?: (endpoint: RestEndpoint) => RestClientOptions;
}

export interface FetchOutcome {
  jobId: string;
  campaignId: string | null;
  newVersions: StoredReportVersion[];
  state: ReportState;
}

const csvFilters = [{ name: 'CSV', extensions: ['csv'] }];
const pngFilters = [{ name: 'PNG', extensions: ['png'] }];

function notFound(jobId: string): UserFacingError {
  return new UserFacingError('report-job-not-found', `Le dépôt ${jobId} n'existe pas (ou plus) dans la file d'envoi.`, { jobId });
}

function notAccepted(record: JobRecord): UserFacingError {
  return new UserFacingError(
    'report-not-accepted',
    `La campagne « ${record.job.campaignName} » n'a pas encore été acceptée par le fournisseur (état : ${record.job.state}) : il n'y a pas encore de rapport.`,
    { jobId: record.job.id, state: record.job.state },
  );
}

function notPublished(record: JobRecord): UserFacingError {
  return new UserFacingError(
    'report-not-published',
    `AllMySMS ne publie pas de fichier de rapport : pour « ${record.job.campaignName} », Dropdesk sait seulement que la campagne a été acceptée. Consultez le détail des envois sur l'espace client AllMySMS.`,
    { jobId: record.job.id },
  );
}

function noReportYet(record: JobRecord): UserFacingError {
  return new UserFacingError(
    'report-not-yet',
    `MediasFlow n'a pas encore publié de rapport pour « ${record.job.campaignName} ». Le premier arrive en général à la fin de l'envoi ; cliquez sur « Actualiser » plus tard.`,
    { jobId: record.job.id },
  );
}

function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof ConnectorError) return { code: error.kind, message: error.message };
  if (error instanceof RestError) return { code: error.status ? `http-${error.status}` : `rest-${error.kind}`, message: error.message };
  if (error instanceof UserFacingError) return { code: error.code, message: error.message };
  const code = (error as { code?: unknown })?.code;
  return {
    code: typeof code === 'string' ? code : 'report-fetch-failed',
    message: `Les rapports n'ont pas pu être récupérés (${error instanceof Error ? error.message : String(error)}). Réessayez avec « Actualiser ».`,
  };
}

export function createReportService(options: ReportServiceOptions) {
  const jobs = createJobStore(options.dataDir);
  const store = createReportStore(options.dataDir);
  const now = options.now ?? (() => new Date());
  const openSession = options.openSession ?? openReportSession;
  const factory = options.fileSystemFactory ?? ((config: ConnectionConfig) => createRemoteFileSystem(config));
  const log = options.log ?? (() => {});
  const cacheSize = Math.max(1, options.cacheSize ?? 2);
  /** jobId → session on its latest version (insertion order = least recently used first). */
  const sessions = new Map<string, { fileName: string; session: Promise<ReportSession> }>();
  /** One fetch per job at a time in this process. */
  const fetching = new Map<string, Promise<FetchOutcome>>();

  async function readRecord(jobId: string): Promise<JobRecord> {
    const record = await jobs.read(jobId);
    if (!record) throw notFound(jobId);
    return record;
  }

  async function stateOf(record: JobRecord): Promise<ReportState> {
    return (await store.readState(record.job.id)) ?? emptyReportState(record.job.id, record.job.campaignId);
  }

  /** connectionId → demo? (the demo drop box publishes its reports within a minute, not over days). */
  const demoConnections = new Map<string, boolean>();
  async function learnConnections(records: readonly JobRecord[]): Promise<void> {
    for (const id of new Set(records.map((record) => record.job.connectionId))) {
      if (demoConnections.has(id)) continue;
      const stored = await options.connections.getStored(id).catch(() => null);
      demoConnections.set(id, stored?.demo === true);
    }
  }

  function campaignView(record: JobRecord, state: ReportState): ReportCampaignView {
    if (isMailJob(record)) return mailCampaignView(record);
    const mediasflow = isMediasflowJob(record);
    const offsets = demoConnections.get(record.job.connectionId) ? demoReportCheckOffsetsMs : reportCheckOffsetsMs;
    const latest = state.versions.at(-1) ?? null;
    const sendAt = sendAtOf(record);
    const next =
      mediasflow && sendAt
        ? nextReportCheckAt({
            sendAt: Date.parse(sendAt),
            lastCheckedAt: state.lastCheckedAt ? Date.parse(state.lastCheckedAt) : null,
            consecutiveFailures: state.consecutiveFailures,
          }, offsets)
        : null;
    return {
      ...campaignIdentityOf(record),
      sendAt,
      droppedRecipients: record.file.recipients,
      availability: !mediasflow ? 'not-published' : latest ? 'available' : 'waiting',
      versions: state.versions.length,
      latestFileName: latest?.fileName ?? null,
      latestGeneratedAt: latest?.generatedAt ?? null,
      headline: latest ? reportHeadline(latest.summary) : null,
      lastCheckedAt: state.lastCheckedAt,
      nextCheckAt: next === null ? null : new Date(next).toISOString(),
      lastError: state.lastError,
    };
  }

  async function acceptedRecords(): Promise<JobRecord[]> {
    const records = (await jobs.readAll()).filter((record) => record.job.state === 'accepted');
    await learnConnections(records);
    return records;
  }

  /** Downloads what is new for one accepted MediasFlow job (never the same version twice). */
  async function fetchJob(record: JobRecord): Promise<FetchOutcome> {
    const jobId = record.job.id;
    if (record.job.state !== 'accepted') throw notAccepted(record);
    if (!isMediasflowJob(record)) throw notPublished(record);
    if (!record.job.remoteName && record.job.providerId !== 'mediasflow-rest') throw notAccepted(record);
    let state = await stateOf(record);
    state.campaignId = record.job.campaignId;
    const checkedAt = now().toISOString();
    const newVersions: StoredReportVersion[] = [];
    let fs: RemoteFileSystem | null = null;
    try {
      const connection = await options.connections.getStored(record.job.connectionId);
      let remote: Awaited<ReturnType<typeof listRemoteReportVersions>>;
      if (record.job.providerId === 'mediasflow-rest') {
        // The API's per-campaign report, saved as a version when it changed (the loop below finds it on disk).
        if (!options.connections.resolveRestEndpoint || !record.job.campaignId) throw notAccepted(record);
        const endpoint = await options.connections.resolveRestEndpoint(connection);
        const clientOptions = (options.restClientOptions ?? ((at: RestEndpoint) => restClientOptionsFor(at, process.env)))(endpoint);
        remote = await fetchRestReportVersion({ jobId, campaignId: record.job.campaignId, endpoint, clientOptions, store, state, now: now() });
      } else {
        fs = factory(await options.connections.resolveConfig(connection));
        await fs.connect();
        remote = await listRemoteReportVersions(fs, record.job.remoteName!, record.job.campaignId);
      }
      const known = new Set(state.versions.map((version) => version.fileName));
      const onDisk = await store.filesOnDisk(jobId);
      for (const version of remote) {
        if (known.has(version.fileName) || !isSafeReportFileName(version.fileName)) continue;
        // A crash after saving a file but before the state: the file is complete (atomic write), reuse it.
        if (!onDisk.has(version.fileName)) await downloadToFileAtomic(fs!, version.remotePath, store.filePath(jobId, version.fileName));
        const path = store.filePath(jobId, version.fileName);
        const optOutContext = { campaignId: record.job.campaignId ?? '', reportDate: version.generatedAt };
        const session = await openSession({ path, fileName: version.fileName, channel: record.job.channel, optOuts: optOutContext });
        const { ready } = session;
        const stored: StoredReportVersion = {
          fileName: version.fileName,
          remotePath: version.remotePath,
          archived: version.archived,
          generatedAtStamp: version.generatedAtStamp,
          generatedAt: version.generatedAt,
          bytes: (await stat(path)).size,
          downloadedAt: now().toISOString(),
          summary: ready.summary,
          encoding: ready.encoding,
        };
        state = { ...state, versions: [...state.versions, stored].sort((a, b) => a.generatedAtStamp.localeCompare(b.generatedAtStamp) || a.fileName.localeCompare(b.fileName)) };
        // Its opt-outs first (an unreadable opt-out list throws here, and the version is read again once it is repaired),
        // then persist the version: a later failure never makes us download it again.
        await options.optOuts.mergeFromReport(ready.optOuts ?? []).catch(async (error: unknown) => {
          await session.close();
          throw error;
        });
        await store.writeState(state);
        newVersions.push(stored);
        // Keep the session of the latest version for the drill-down; an older one is done.
        if (state.versions.at(-1)?.fileName === version.fileName) remember(jobId, version.fileName, Promise.resolve(session));
        else await session.close();
      }
      state = { ...state, lastCheckedAt: checkedAt, lastSuccessAt: checkedAt, consecutiveFailures: 0, lastError: null };
      await store.writeState(state);
    } catch (error) {
      const failure = describeFailure(error);
      // Network and provider failures are expected (kept in state.lastError, retried with backoff); only the rest is a bug worth logging.
      if (!(error instanceof ConnectorError) && !(error instanceof UserFacingError) && !(error instanceof RestError)) log(`reports: fetching the reports of ${jobId} failed`, error);
      state = { ...state, lastCheckedAt: checkedAt, consecutiveFailures: state.consecutiveFailures + 1, lastError: failure };
      await store.writeState(state).catch((writeError: unknown) => log(`reports: saving the state of ${jobId} failed`, writeError));
      throw error;
    } finally {
      await fs?.close();
      if (newVersions.length > 0 || state.lastError) {
        options.emit?.({ jobId, versions: state.versions.length, newVersions: newVersions.length });
      }
      const latest = state.versions.at(-1);
      if (newVersions.length > 0 && latest) {
        try {
          options.onNewVersions?.({ jobId, campaignName: record.job.campaignName, newVersions: newVersions.length, latest: latest.summary });
        } catch (error) {
          log('reports: announcing new versions failed', error);
        }
      }
    }
    return { jobId, campaignId: record.job.campaignId, newVersions, state };
  }

  function fetchOnce(record: JobRecord): Promise<FetchOutcome> {
    const running = fetching.get(record.job.id);
    if (running) return running;
    const run = fetchJob(record).finally(() => fetching.delete(record.job.id));
    fetching.set(record.job.id, run);
    return run;
  }

  function remember(jobId: string, fileName: string, session: Promise<ReportSession>): void {
    const previous = sessions.get(jobId);
    if (previous && previous.session !== session) void previous.session.then((old) => old.close(), () => undefined);
    sessions.delete(jobId);
    sessions.set(jobId, { fileName, session });
    while (sessions.size > cacheSize) {
      const [oldest, entry] = sessions.entries().next().value as [string, { session: Promise<ReportSession> }];
      sessions.delete(oldest);
      void entry.session.then((old) => old.close(), () => undefined);
    }
  }

  /** The rows of a job's report: an iSendPro job's notifications, else the session on the latest MediasFlow version. */
  async function rowSource(jobId: string): Promise<ReportRowSource> {
    const record = await readRecord(jobId);
    if (isMailJob(record)) return mailRowSource(record);
    const { session } = await latestSession(record);
    return sessionRowSource(record, session);
  }

  /** The session on the latest version (kept open, else opened: the worker parses the file). */
  async function latestSession(record: JobRecord): Promise<{ version: StoredReportVersion; session: ReportSession }> {
    const jobId = record.job.id;
    if (!isMediasflowJob(record)) throw notPublished(record);
    const state = await stateOf(record);
    const version = state.versions.at(-1);
    if (!version) throw noReportYet(record);
    let cached = sessions.get(jobId);
    if (cached && cached.fileName === version.fileName) {
      sessions.delete(jobId);
      sessions.set(jobId, cached);
    } else {
      const opening = openSession({ path: store.filePath(jobId, version.fileName), fileName: version.fileName, channel: record.job.channel });
      remember(jobId, version.fileName, opening);
      cached = sessions.get(jobId)!;
      // A failed opening is not kept: the next request tries again.
      opening.catch(() => {
        if (sessions.get(jobId)?.session === opening) sessions.delete(jobId);
      });
    }
    return { version, session: await cached.session };
  }

  function overview(input: { from?: string; to?: string; channel?: Channel }): Promise<ReportOverviewView> {
    return reportOverview(
      {
        records: acceptedRecords,
        latestSummary: async (record) => (isMailJob(record) ? mailVersionOf(record)?.summary : isMediasflowJob(record) ? (await stateOf(record)).versions.at(-1)?.summary : undefined) ?? null,
        connections: options.connections,
        restClientOptions: options.restClientOptions,
        now,
      },
      input,
    );
  }

  return {
    async list(): Promise<ReportCampaignView[]> {
      const records = await acceptedRecords();
      const views = await Promise.all(records.map(async (record) => campaignView(record, await stateOf(record))));
      return views.sort((a, b) => (b.sendAt ?? '').localeCompare(a.sendAt ?? '') || a.campaignName.localeCompare(b.campaignName));
    },

    async get(jobId: string): Promise<ReportDetailView> {
      const record = await readRecord(jobId);
      await learnConnections([record]);
      if (isMailJob(record)) return mailReportDetail(record);
      const state = await stateOf(record);
      const versions = state.versions;
      const latest = versions.at(-1) ?? null;
      const previous = versions.length > 1 ? versions[versions.length - 2] : null;
      return {
        campaign: campaignView(record, state),
        versions: versions.map((version) => ({
          fileName: version.fileName,
          generatedAt: version.generatedAt,
          archived: version.archived,
          bytes: version.bytes,
          downloadedAt: version.downloadedAt,
          recipients: version.summary.recipients,
          delivered: version.summary.categories.delivered,
        })),
        latest: latest ? { fileName: latest.fileName, generatedAt: latest.generatedAt, encoding: latest.encoding, summary: latest.summary } : null,
        diff: latest && previous ? diffReportSummaries(previous.summary, latest.summary) : null,
        evolution: reportEvolution(versions.map((version) => ({ generatedAt: version.generatedAt, fileName: version.fileName, summary: version.summary }))),
      };
    },

    /** One job (errors thrown, for the CLI), with the job's state checks. */
    async fetchNew(jobId: string): Promise<FetchOutcome> {
      return fetchOnce(await readRecord(jobId));
    },

    /** "Actualiser": one campaign or every accepted MediasFlow campaign; failures are reported per job. */
    async refresh(input: { jobId?: string }): Promise<ReportRefreshResult> {
      const records = input.jobId ? [await readRecord(input.jobId)] : (await acceptedRecords()).filter(isMediasflowJob);
      if (input.jobId) {
        const record = records[0];
        if (record.job.state !== 'accepted') throw notAccepted(record);
        // The mailbox watcher reads iSendPro's notifications as they arrive: nothing to download.
        if (isMailJob(record)) return { jobs: [{ jobId: record.job.id, newVersions: 0, versions: mailVersionOf(record) ? 1 : 0, error: null }] };
        if (!isMediasflowJob(record)) throw notPublished(record);
      }
      const result: ReportRefreshResult = { jobs: [] };
      for (const record of records) {
        try {
          const outcome = await fetchOnce(record);
          result.jobs.push({ jobId: record.job.id, newVersions: outcome.newVersions.length, versions: outcome.state.versions.length, error: null });
        } catch (error) {
          const state = await stateOf(record);
          result.jobs.push({ jobId: record.job.id, newVersions: 0, versions: state.versions.length, error: describeFailure(error) });
        }
      }
      return result;
    },

    /** The poller's pass: every accepted MediasFlow campaign whose next look is due. */
    async runDue(): Promise<{ checked: string[]; failed: string[] }> {
      const checked: string[] = [];
      const failed: string[] = [];
      const at = now().getTime();
      for (const record of await acceptedRecords()) {
        if (!isMediasflowJob(record)) continue;
        const view = campaignView(record, await stateOf(record));
        if (!view.nextCheckAt || Date.parse(view.nextCheckAt) > at) continue;
        try {
          await fetchOnce(record);
          checked.push(record.job.id);
        } catch {
          failed.push(record.job.id);
        }
      }
      return { checked, failed };
    },

    /** Earliest next look among the campaigns (for the poller's sleep); null when none is scheduled. */
    async nextDueAt(): Promise<number | null> {
      let earliest: number | null = null;
      for (const view of await this.list()) {
        if (!view.nextCheckAt) continue;
        const at = Date.parse(view.nextCheckAt);
        earliest = earliest === null ? at : Math.min(earliest, at);
      }
      return earliest;
    },

    async rows(input: { jobId: string; offset: number; limit: number } & ReportRowsFilter): Promise<ReportRowsPage> {
      const filter: ReportRowsFilter = { category: input.category, code: input.code, search: input.search };
      const source = await rowSource(input.jobId);
      const page = await source.rows(filter, input.offset, input.limit);
      return { columns: source.columns, total: page.total, offset: input.offset, rows: page.rows, ...(page.countries ? { countries: page.countries } : {}) };
    },

    /** The job, whose codes its report holds, and the lines of the view (category, code, search) of its report, for the list actions. */
    async lines(input: { jobId: string; filter: ReportRowsFilter }) {
      const source = await rowSource(input.jobId);
      return { record: source.record, codeSystem: source.codeSystem, lines: await source.lines(input.filter) };
    },

    async exportRows(input: { jobId: string; filter: ReportRowsFilter }): Promise<{ path: string; rows: number } | null> {
      const source = await rowSource(input.jobId);
      const { record } = source;
      const suffix = input.filter.code ? `code-${input.filter.code}` : input.filter.category ?? 'tous';
      const defaultName = `rapport-${record.job.campaignId ?? record.job.id}-${suffix}.csv`.replace(/[<>:"/\\|?*]/g, '_');
      const chosen = await options.dialogs?.chooseSaveFile({ purpose: 'report-rows-export', defaultName, filters: csvFilters });
      if (!chosen) return null;
      const { rows } = await source.exportCsv(input.filter, chosen);
      return { path: chosen, rows };
    },

    async savePng(input: { defaultName: string; bytes: Uint8Array }): Promise<{ path: string } | null> {
      const signature = [0x89, 0x50, 0x4e, 0x47];
      if (!signature.every((byte, index) => input.bytes[index] === byte)) {
        throw new UserFacingError('report-png-invalid', "L'image du graphique n'est pas un PNG valide. Réessayez l'export.");
      }
      const defaultName = input.defaultName.replace(/[<>:"/\\|?*]/g, '_').replace(/(\.png)?$/i, '.png');
      const chosen = await options.dialogs?.chooseSaveFile({ purpose: 'report-chart-png', defaultName, filters: pngFilters });
      if (!chosen) return null;
      await writeFileAtomic(chosen, input.bytes);
      return { path: chosen };
    },

    overview,

    /** Ends the report session workers (app quit, end of a CLI run). */
    async close(): Promise<void> {
      const open = [...sessions.values()];
      sessions.clear();
      await Promise.all(open.map((entry) => entry.session.then((session) => session.close(), () => undefined)));
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
