/**
 * `drop --connection NAME --list FILE --name "…" [--channel sms|vms]
 *  [--template ID] [--message-file FILE] [--sender S] [--at "YYYY-MM-DD HH:MM"]
 *  [--type marketing|notification] [--allow-outside-window] [--include-opted-out] [--data-dir DIR] --json`
 *
 * Queues the drop and prints {"job":ID,"state":…} (plus "jobs" when a big
 * AllMySMS file is split). Refused input, blocking problems and a marketing
 * drop outside the allowed window exit 2 with the reason (and the next
 * allowed slot) on stderr and nothing on stdout. Nothing is uploaded here:
 * `queue run` (or the app) does it.
 */
import { readFile } from 'node:fs/promises';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { parseParisDateTime } from '@shared/scheduling/paris-time';
import { CliError, printJson, type CliCommand } from '../cli-io';
import { prepareDrop } from '../../drops/prepare-drop';
import { submitDrop } from '../../drops/submit-drop';
import { dropMail } from './drop-mail';
import { cliQueue, cliWorkspaceSettings, parseOptions, requireOption, resolveDataDir } from './queue-cli-context';
import { describeSendWindow } from '@shared/settings/workspace-settings';
import { frenchCount } from '@shared/i18n/french-count';

const command = 'drop';

export const dropCommand: CliCommand = async (args, io) => {
  const values = parseOptions(
    args,
    {
      connection: { type: 'string' },
      list: { type: 'string' },
      'mobile-column': { type: 'string' },
      name: { type: 'string' },
      channel: { type: 'string' },
      template: { type: 'string' },
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
  const channel = values.channel ?? 'sms';
  if (channel !== 'sms' && channel !== 'vms') throw new CliError(`${command} : --channel doit valoir sms ou vms.`);
  const type = values.type ?? 'marketing';
  if (type !== 'marketing' && type !== 'notification') throw new CliError(`${command} : --type doit valoir marketing ou notification.`);
  let programmedAt: string | null = null;
  if (values.at !== undefined) {
    const resolved = parseParisDateTime(values.at);
    if (!resolved.ok) throw new CliError(`${command} : --at « ${values.at} » n'est pas une date « AAAA-MM-JJ HH:MM » (heure de Paris).`);
    if (resolved.shifted) io.stderr(`${values.at} n'existe pas (changement d'heure) : envoi programmé une heure plus tard.\n`);
    programmedAt = resolved.instant.toISOString();
  }
  let messageText: string | undefined;
  if (values['message-file'] !== undefined) {
    messageText = await readFile(values['message-file'], 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`${command} : impossible de lire --message-file (${error.code ?? error.message}).`);
    });
    messageText = messageText.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
  }
  const dataDir = resolveDataDir(values['data-dir']);
  const settings = await cliWorkspaceSettings(dataDir, io);
  const { connections, queue } = cliQueue(dataDir, io, settings);
  try {
    const chosen = await connections.getStored(requireOption(values.connection, 'connection', command));
    if (chosen.mail) {
      return await dropMail(
        {
          list: requireOption(values.list, 'list', command),
          mobileColumn: values['mobile-column'],
          campaignName: requireOption(values.name, 'name', command),
          channel,
          message: (messageText ?? '').replace(/\r\n/g, '\n'),
          sender: (values.sender ?? '').trim(),
          type,
          programmedAt,
          allowOutsideWindow: values['allow-outside-window'] ?? false,
          includeOptedOut: values['include-opted-out'] ?? false,
          json: values.json ?? false,
        },
        chosen,
        { dataDir, connections, queue, settings },
        io,
      );
    }
    const prepared = await prepareDrop(
      {
        list: { file: requireOption(values.list, 'list', command), mobileColumn: values['mobile-column'] },
        connection: requireOption(values.connection, 'connection', command),
        campaignName: requireOption(values.name, 'name', command),
        channel,
        type,
        templateId: values.template ?? null,
        programmedAt,
        includeOptedOut: values['include-opted-out'] ?? false,
        message: messageText !== undefined || values.sender !== undefined ? { text: messageText ?? '', sender: values.sender } : undefined,
      },
      { dataDir, connections, settings },
    );
    const { summary } = prepared;
    if (summary.blocking.length > 0) {
      throw new CliError(`${command} : dépôt refusé.\n${summary.blocking.map((problem) => `- ${problem.message}`).join('\n')}`);
    }
    if (!summary.window.ok && !values['allow-outside-window']) {
      throw new CliError(
        `${command} : envoi marketing hors des heures autorisées (${describeSendWindow(settings.marketingWindow)}, hors jours fériés).\n` +
          `Prochain créneau autorisé : ${summary.window.nextAllowedSlotText ?? 'aucun'}${summary.window.nextAllowedSlot ? ` (${summary.window.nextAllowedSlot})` : ''}\n` +
          `Relancez avec --at "${summary.window.nextAllowedSlotText ?? ''}", ou --type notification si le message n'est pas commercial.`,
      );
    }
    for (const warning of summary.warnings) io.stderr(`Attention : ${warning.message}\n`);
    io.stderr(
      `Résumé : ${frenchCount(summary.recipients, 'destinataire', 'destinataires')}, ${frenchCount(summary.excluded.invalid, 'invalide', 'invalides')} et ${frenchCount(summary.excluded.duplicates, 'doublon', 'doublons')} écartés, ` +
        `envoi ${summary.sendAtText}, connexion « ${summary.connection.name} », fichier ${summary.remoteNames.join(', ')}.\n`,
    );
    const jobs = await submitDrop(prepared, queue, { allowOutsideWindow: values['allow-outside-window'] ?? false });
    const result: Record<string, unknown> = { job: jobs[0].id, state: jobs[0].state };
    if (jobs.length > 1) result.jobs = jobs.map((job) => ({ id: job.id, state: job.state }));
    if (values.json) printJson(io, result);
    else io.stdout(`Dépôt mis en file : ${jobs.map((job) => job.id).join(', ')} (${jobs[0].state}).\n`);
    return 0;
  } catch (error) {
    if (error instanceof UserFacingError) throw new CliError(`${command} : ${error.message}`);
    throw error;
  }
};
