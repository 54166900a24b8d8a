/**
 * `report --job ID [--json] [--data-dir DIR]`: fetches the campaign's new
 * report versions (MediasFlow /Campagnes/Report and Report/archive, each
 * version downloaded once into <dataDir>/reports/<jobId>/), then prints the
 * latest version's figures. With --json, stdout holds exactly one object:
 * {"campaignId","versions","latest","recipients","categories":{"delivered",
 *  "inProgress","sentUnconfirmed","undelivered","notSent","blacklisted","other"},
 *  "stop","clicks","byCode":{"21":N,…},"jobId","newVersions"}
 * (`latest` null and figures 0 while MediasFlow has published nothing).
 * Exit 2 (message on stderr, nothing on stdout) for an unknown job, a job not
 * accepted yet, or an AllMySMS job (no report files). When the server cannot
 * be reached, the versions already downloaded are printed, a warning goes to
 * stderr, and the exit code is 1 (nothing new could be checked).
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import { emptyCategoryCounts, type ReportSummary } from '@shared/reports/summarize-report';
import { createOptOutService } from '../../opt-outs/opt-out-service';
import { createReportService, type ReportServiceOptions } from '../../reports/report-service';
import type { ReportState } from '../../reports/report-store';
import { createReportStore } from '../../reports/report-store';
import { defaultDataDir } from '../../workspace/default-data-dir';
import { CliError, exitCodes, printJson, type CliCommand, type CliIo } from '../cli-io';
import { createJobStore } from '../../queue/job-store';
import { mailReportView } from '../../reports/mail-report';
import { cliConnections, cliQueue } from './queue-cli-context';

/** `report --job ID` for a mail-to-SMS job (null when the job is not one): reads the mailbox once, then the figures from the notifications. */
async function mailReport(jobId: string, dataDir: string, json: boolean, io: CliIo): Promise<number | null> {
  const record = await createJobStore(dataDir).read(jobId);
  if (!record?.job.mail) return null;
  if (!record.job.mail.batches.some((batch) => batch.sendAttempts > 0)) throw new CliError(`report : la campagne ${jobId} n'est pas encore partie (état ${record.job.state}).`);
  const before = record.job.mail.notifications.length;
  let exit: number = exitCodes.ok;
  const { queue } = cliQueue(dataDir, io);
  let job = record.job;
  try {
    job = await queue.checkAckNow(jobId);
  } catch (error) {
    io.stderr(`Attention : boîte de réception non lue (${error instanceof Error ? error.message : String(error)}) ; chiffres des notifications déjà reçues.\n`);
    exit = exitCodes.unexpected;
  }
  const view = mailReportView(job, (job.mail?.notifications.length ?? before) - before);
  if (json) printJson(io, view);
  else io.stdout(`${view.answered}/${frenchCount(view.recipients, 'destinataire', 'destinataires')} avec une réponse d'iSendPro ; codes ${JSON.stringify(view.byCode)}\n`);
  return exit;
}
import { frenchCount } from '@shared/i18n/french-count';

const usage = 'Usage : npm run -s cli -- report --job ID [--json] [--data-dir DOSSIER]';

interface ReportArgs {
  job: string;
  json: boolean;
  dataDir: string;
}

function parseArgs(args: string[]): ReportArgs {
  let job: string | undefined;
  let json = false;
  let dataDir: string | undefined;
  const value = (name: string, index: number): string => {
    const next = args[index];
    if (next === undefined || next.startsWith('--')) throw new CliError(`${name} attend une valeur.\n${usage}`);
    return next;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--job') job = value('--job', ++i);
    else if (arg.startsWith('--job=')) job = arg.slice('--job='.length);
    else if (arg === '--data-dir') dataDir = value('--data-dir', ++i);
    else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else throw new CliError(`Argument inconnu : ${arg}\n${usage}`);
  }
  if (!job) throw new CliError(`Indiquez le dépôt avec --job ID (voir « npm run -s cli -- queue status »).\n${usage}`);
  return { job, json, dataDir: dataDir ?? defaultDataDir() };
}

export interface ReportJson {
  campaignId: string | null;
  versions: number;
  latest: string | null;
  recipients: number;
  categories: ReportSummary['categories'];
  stop: number;
  clicks: number;
  byCode: Record<string, number>;
  jobId: string;
  newVersions: number;
}

export function reportJson(jobId: string, state: ReportState, newVersions: number, campaignId: string | null): ReportJson {
  const latest = state.versions.at(-1);
  const summary = latest?.summary;
  return {
    campaignId: campaignId ?? state.campaignId,
    versions: state.versions.length,
    latest: latest?.fileName ?? null,
    recipients: summary?.recipients ?? 0,
    categories: summary ? { ...summary.categories } : emptyCategoryCounts(),
    stop: summary?.stop ?? 0,
    clicks: summary?.clicks ?? 0,
    byCode: summary ? { ...summary.byCode } : {},
    jobId,
    newVersions,
  };
}

function printHuman(io: CliIo, result: ReportJson): void {
  if (!result.latest) {
    io.stdout(`Campagne ${result.campaignId ?? '?'} : aucun rapport publié pour l'instant.\n`);
    return;
  }
  const c = result.categories;
  io.stdout(
    [
      `Campagne ${result.campaignId} — ${frenchCount(result.versions, 'version', 'versions')}, dernière : ${result.latest}${result.newVersions ? ` (${frenchCount(result.newVersions, 'nouvelle', 'nouvelles')})` : ''}`,
      `Destinataires : ${result.recipients}`,
      `Délivrés : ${c.delivered} · En cours : ${c.inProgress} · Envoyés sans confirmation : ${c.sentUnconfirmed} · Non délivrés : ${c.undelivered} · Non envoyés : ${c.notSent} · Liste noire : ${c.blacklisted} · Autres : ${c.other}`,
      `STOP : ${result.stop} · Clics : ${result.clicks}`,
      `Par code : ${Object.entries(result.byCode).map(([code, count]) => `${code}=${count}`).join(' ')}`,
      '',
    ].join('\n'),
  );
}

/** Test seam: the service options the command builds (file systems, parser). */
export type ReportCommandOverrides = Partial<Pick<ReportServiceOptions, 'fileSystemFactory' | 'openSession' | 'now'>>;

export function createReportCommand(overrides: ReportCommandOverrides = {}): CliCommand {
  return async (args, io) => {
    const { job, json, dataDir } = parseArgs(args);
    const mailExit = await mailReport(job, dataDir, json, io);
    if (mailExit !== null) return mailExit;
    const service = createReportService({
      dataDir,
      connections: cliConnections(dataDir),
      optOuts: createOptOutService({ dataDir }),
      log: () => {},
      ...overrides,
    });
    let outcome: { state: ReportState; newVersions: number; campaignId: string | null };
    let exitCode: number = exitCodes.ok;
    try {
      const fetched = await service.fetchNew(job);
      outcome = { state: fetched.state, newVersions: fetched.newVersions.length, campaignId: fetched.campaignId };
      if (fetched.newVersions.length > 0) io.stderr(`${frenchCount(fetched.newVersions.length, 'nouvelle version téléchargée', 'nouvelles versions téléchargées')}.\n`);
    } catch (error) {
      if (error instanceof UserFacingError && error.code.startsWith('report-')) throw new CliError(error.message);
      const state = await createReportStore(dataDir).readState(job);
      const message = error instanceof Error ? error.message : String(error);
      if (!state) throw new CliError(`Les rapports n'ont pas pu être récupérés : ${message}`, exitCodes.unexpected);
      io.stderr(`Attention : les nouveaux rapports n'ont pas pu être vérifiés (${message}). Voici la dernière version déjà téléchargée.\n`);
      outcome = { state, newVersions: 0, campaignId: state.campaignId };
      exitCode = exitCodes.unexpected;
    } finally {
      await service.close();
    }
    const result = reportJson(job, outcome.state, outcome.newVersions, outcome.campaignId);
    if (json) printJson(io, result);
    else printHuman(io, result);
    return exitCode;
  };
}

export const reportCommand: CliCommand = createReportCommand();
