/**
 * `drop` with an iSendPro mail-to-SMS connection: the options `drop` parsed,
 * the list and message → batches of 500 (prepareIsendproDrop), then ONE job
 * in the common queue, its batches inside (the mail driver saves every
 * batch's mail before the record). Same contract as the other drops: result
 * on stdout, summary on stderr, exit 2 for refused input.
 */
import { generateDeliveryId } from '@shared/providers/delivery-id';
import { formatParisDateTime } from '@shared/scheduling/paris-time';
import type { SendType } from '@shared/scheduling/send-window';
import { describeSendWindow, sendWindowOf, type WorkspaceSettings } from '@shared/settings/workspace-settings';
import { CliError, printJson, type CliIo } from '../cli-io';
import type { StoredConnection } from '../../connections/connection-types';
import { prepareIsendproDrop } from '../../isendpro-mail/prepare-isendpro-drop';
import { mailEnqueueInput } from '../../isendpro-mail/mail-enqueue-input';
import type { Queue } from '../../queue/queue-runtime';
import type { ConnectionService } from '../../connections/connection-service';
import { frenchCount } from '@shared/i18n/french-count';

export interface MailDropValues {
  list: string;
  mobileColumn?: string;
  campaignName: string;
  channel: string;
  message: string;
  sender: string;
  type: SendType;
  programmedAt: string | null;
  allowOutsideWindow: boolean;
  includeOptedOut: boolean;
  json: boolean;
}

export async function dropMail(values: MailDropValues, connection: StoredConnection, deps: { dataDir: string; connections: ConnectionService; queue: Queue; settings: WorkspaceSettings }, io: CliIo): Promise<number> {
  const command = 'drop';
  if (values.channel !== 'sms') throw new CliError(`${command} : iSendPro (e-mail vers SMS) ne prend que le canal sms.`);
  const mailSettings = await deps.connections.resolveMailSettings(connection);
  const now = new Date();
  const summary = await prepareIsendproDrop(
    {
      list: { file: values.list, mobileColumn: values.mobileColumn },
      campaignName: values.campaignName,
      message: values.message,
      sender: values.sender,
      type: values.type,
      programmedAt: values.programmedAt ? new Date(values.programmedAt) : null,
      includeOptedOut: values.includeOptedOut,
      nostop: mailSettings.nostop,
      window: sendWindowOf(deps.settings),
    },
    { dataDir: deps.dataDir },
    now,
  );
  if (summary.blocking.length > 0) throw new CliError(`${command} : dépôt refusé.\n${summary.blocking.map((problem) => `- ${problem.message}`).join('\n')}`);
  if (summary.outsideWindow && !values.allowOutsideWindow) {
    const next = summary.outsideWindow.nextAllowedSlot;
    const nextText = next ? formatParisDateTime(next) : 'aucun';
    throw new CliError(
      `${command} : envoi marketing hors des heures autorisées (${describeSendWindow(deps.settings.marketingWindow)}, hors jours fériés ; iSendPro : marge de 30 min avant la fin).\n` +
        `Prochain créneau autorisé : ${nextText}${next ? ` (${next.toISOString()})` : ''}\n` +
        `Relancez avec --at "${next ? nextText : ''}", ou --type notification si le message n'est pas commercial.`,
    );
  }
  for (const warning of summary.warnings) io.stderr(`Attention : ${warning.message}\n`);
  for (const line of summary.lines) io.stderr(`${line}\n`);
  const idDelivery = generateDeliveryId(now);
  const { plan } = summary;
  const view = await deps.queue.enqueue(
    mailEnqueueInput({ connection, plan, idDelivery, sendType: values.type, campaignName: values.campaignName, sender: values.sender, programmedAt: values.programmedAt, includeOptedOut: values.includeOptedOut }),
  );
  if (values.json) printJson(io, { job: view.id, state: 'queued' });
  else io.stdout(`Dépôt mis en file : ${view.id} (${frenchCount(plan.batches.length, 'e-mail', 'e-mails')}).\n`);
  return 0;
}
