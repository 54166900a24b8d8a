/**
 * The CLI for iSendPro mail-to-SMS connections: `drop`, `queue run
 * --until-idle`, `queue status` and `report --job` route here when the
 * connection (or the job) is an iSendPro one, with the same contract as the
 * file drops: result on stdout, logs on stderr, exit 2 for refused input.
 */
import { readFile } from 'node:fs/promises';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { formatParisDateTime, parseParisDateTime } from '@shared/scheduling/paris-time';
import { CliError, exitCodes, printJson, type CliIo } from '../cli-io';
import { createIsendproRuntime, isendproReportView, isendproStatusLine } from '../../isendpro-mail/isendpro-runtime';
import { identityOf } from '../../isendpro-mail/isendpro-mail-queue';
import { prepareIsendproDrop } from '../../isendpro-mail/prepare-isendpro-drop';
import { parseOptions, requireOption, resolveDataDir } from './queue-cli-context';

export function cliIsendpro(dataDir: string, io: CliIo) {
  return createIsendproRuntime({ dataDir, env: process.env, log: (line) => io.stderr(`${line}\n`) });
}

/** The value of `--name VALUE` or `--name=VALUE` in raw arguments. */
export function rawOption(args: readonly string[], name: string): string | undefined {
  for (let index = 0; index < args.length; index++) {
    if (args[index] === `--${name}`) return args[index + 1];
    if (args[index].startsWith(`--${name}=`)) return args[index].slice(name.length + 3);
  }
  return undefined;
}

export async function isendproDrop(args: string[], io: CliIo): Promise<number> {
  const command = 'drop';
  const values = parseOptions(
    args,
    {
      connection: { type: 'string' },
      list: { type: 'string' },
      'mobile-column': { type: 'string' },
      name: { type: 'string' },
      channel: { type: 'string' },
      'message-file': { type: 'string' },
      sender: { type: 'string' },
      at: { type: 'string' },
      type: { type: 'string' },
      'allow-outside-window': { type: 'boolean' },
      'include-opted-out': { type: 'boolean' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    command,
  );
  if ((values.channel ?? 'sms') !== 'sms') throw new CliError(`${command} : iSendPro (e-mail vers SMS) ne prend que le canal sms.`);
  const type = values.type ?? 'marketing';
  if (type !== 'marketing' && type !== 'notification') throw new CliError(`${command} : --type doit valoir marketing ou notification.`);
  let programmedAt: Date | null = null;
  if (values.at !== undefined) {
    const resolved = parseParisDateTime(values.at);
    if (!resolved.ok) throw new CliError(`${command} : --at « ${values.at} » n'est pas une date « AAAA-MM-JJ HH:MM » (heure de Paris).`);
    programmedAt = resolved.instant;
  }
  const messageFile = requireOption(values['message-file'], 'message-file', command);
  const message = (
    await readFile(messageFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`${command} : impossible de lire --message-file (${error.code ?? error.message}).`);
    })
  )
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .replace(/\n$/, '');
  const dataDir = resolveDataDir(values['data-dir']);
  const runtime = cliIsendpro(dataDir, io);
  try {
    const connection = await runtime.connections.get(requireOption(values.connection, 'connection', command));
    const settings = await runtime.connections.resolveSettings(connection.id);
    const sender = (values.sender ?? '').trim();
    const campaignName = requireOption(values.name, 'name', command);
    const summary = await prepareIsendproDrop(
      { file: requireOption(values.list, 'list', command), mobileColumn: values['mobile-column'], campaignName, message, sender, type, programmedAt, includeOptedOut: values['include-opted-out'] ?? false, nostop: settings.nostop },
      dataDir,
      new Date(),
    );
    if (summary.blocking.length > 0) throw new CliError(`${command} : dépôt refusé.\n${summary.blocking.map((problem) => `- ${problem}`).join('\n')}`);
    if (summary.outsideWindow && !values['allow-outside-window']) {
      const next = summary.outsideWindow.nextAllowedSlot;
      const nextText = next ? formatParisDateTime(next) : 'aucun';
      throw new CliError(
        `${command} : envoi marketing hors des heures autorisées (lundi–samedi 8 h–20 h, hors jours fériés ; iSendPro : marge de 30 min avant 20 h).\n` +
          `Prochain créneau autorisé : ${nextText}${next ? ` (${next.toISOString()})` : ''}\n` +
          `Relancez avec --at "${next ? nextText : ''}", ou --type notification si le message n'est pas commercial.`,
      );
    }
    for (const warning of summary.warnings) io.stderr(`Attention : ${warning}\n`);
    for (const line of summary.lines) io.stderr(`${line}\n`);
    const job = await runtime.queue.createJob({ connectionId: connection.id, campaignName, sendType: type, sender, plan: summary.plan, identity: identityOf(settings), programmedAt });
    if (values.json) printJson(io, { job: job.id, state: 'queued' });
    else io.stdout(`Dépôt mis en file : ${job.id} (${job.batches.length} e-mail(s)).\n`);
    return 0;
  } catch (error) {
    if (error instanceof UserFacingError) throw new CliError(`${command} : ${error.message}`);
    throw error;
  }
}

/** The iSendPro jobs' status lines (added to `queue status` and `queue run`). */
export async function isendproStatusLines(dataDir: string, io: CliIo) {
  const runtime = cliIsendpro(dataDir, io);
  const names = new Map((await runtime.connections.list()).map((connection) => [connection.id, connection.name]));
  return (await runtime.store.list()).map((job) => isendproStatusLine(job, names.get(job.connectionId) ?? job.connectionId));
}

/** `queue run --until-idle` for iSendPro: due batches sent, waiting mailboxes read once. */
export async function isendproRunOnce(dataDir: string, io: CliIo): Promise<{ sent: number; answers: number; busy: boolean }> {
  const runtime = cliIsendpro(dataDir, io);
  if ((await runtime.store.list()).length === 0) return { sent: 0, answers: 0, busy: false };
  const result = await runtime.runOnce();
  for (const error of result.errors) io.stderr(`${error}\n`);
  if (result.busy) io.stderr('iSendPro : déjà en cours de traitement par un autre processus, laissé de côté.\n');
  else io.stderr(`iSendPro : ${result.sent} e-mail(s) envoyé(s), ${result.answers} réponse(s) lue(s).\n`);
  return result;
}

/** `report --job ID` for an iSendPro job, or null when the job is not one. */
export async function isendproReport(jobId: string, dataDir: string, json: boolean, io: CliIo): Promise<number | null> {
  const runtime = cliIsendpro(dataDir, io);
  const job = await runtime.store.load(jobId);
  if (!job) return null;
  if (!job.batches.some((batch) => batch.sendAttempts > 0)) throw new CliError(`report : la campagne ${jobId} n'est pas encore partie (état ${job.state}).`);
  const before = job.notifications.length;
  let exit: number = exitCodes.ok;
  try {
    await runtime.readMailbox(job.connectionId);
  } catch (error) {
    io.stderr(`Attention : boîte de réception injoignable (${error instanceof Error ? error.message : String(error)}) ; chiffres des notifications déjà reçues.\n`);
    exit = exitCodes.unexpected;
  }
  const after = (await runtime.store.load(jobId)) ?? job;
  const view = isendproReportView(after, after.notifications.length - before);
  if (json) printJson(io, view);
  else io.stdout(`${view.answered}/${view.recipients} destinataire(s) avec une réponse d'iSendPro ; codes ${JSON.stringify(view.byCode)}\n`);
  return exit;
}

export { rawOption as isendproRawOption };
