/**
 * A drop through iSendPro's mail-to-SMS (the app's drops:prepare/submit):
 * the SAME plan as the CLI `drop` (prepareIsendproDrop: sendable rows,
 * opt-outs left out, foreign numbers left out, sender and Ö/9-SMS rules,
 * batches of 500, the window with iSendPro's margin), turned into the
 * summary the user confirms. The typed text is what is sent (messageSource
 * 'typed'); submitDrop queues it through mailEnqueueInput like the CLI.
 */
import type { CampaignDraft } from '@shared/campaigns/campaign-draft';
import type { DropProblem, DropSummary } from '@shared/ipc/channels/queue';
import { reasonCodes, statusCode, type ListChecks } from '@shared/lists/check-rows';
import { isendproSegments } from '@shared/composer/stop-mention';
import { segmentSms } from '@shared/composer/sms-count';
import { generateDeliveryId } from '@shared/providers/delivery-id';
import { ISENDPRO_MAX_RECIPIENTS_PER_MAIL } from '@shared/providers/isendpro/isendpro-envoi';
import { formatParisDateTime } from '@shared/scheduling/paris-time';
import type { SendType } from '@shared/scheduling/send-window';
import { defaultWorkspaceSettings, describeSendWindow, sendWindowOf } from '@shared/settings/workspace-settings';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { frenchCount } from '@shared/i18n/french-count';
import type { StoredConnection } from '../connections/connection-types';
import type { ConnectionService } from '../connections/connection-service';
import { prepareIsendproDrop } from '../isendpro-mail/prepare-isendpro-drop';
import type { PrepareDropDeps, PrepareDropInput, PreparedDrop } from './prepare-drop';

export type PrepareMailDropDeps = PrepareDropDeps & { connections: Pick<ConnectionService, 'getStored' | 'resolveMailSettings'> };

function firstLines(checks: ListChecks, code: number, max = 50): number[] {
  const lines: number[] = [];
  for (let i = 0; i < checks.status.length && lines.length < max; i++) if (checks.status[i] === code) lines.push(i + 1);
  return lines;
}

export async function prepareMailDrop(input: PrepareDropInput, deps: PrepareDropDeps, connection: StoredConnection, draft: CampaignDraft | null, now: Date): Promise<PreparedDrop> {
  const connections = deps.connections as PrepareMailDropDeps['connections'];
  if (typeof connections.resolveMailSettings !== 'function') throw new UserFacingError('connection-invalid', `La connexion « ${connection.name} » (iSendPro) ne peut pas être lue ici.`);
  const channel = input.channel ?? draft?.channel ?? 'sms';
  const type: SendType = input.type ?? draft?.type ?? 'marketing';
  const campaignName = (input.campaignName ?? draft?.name ?? '').normalize('NFC').trim();
  const programmedAt = input.programmedAt && !input.test ? new Date(input.programmedAt).toISOString() : null;
  const messageText = (input.message?.text ?? draft?.message ?? '').replace(/\r\n/g, '\n');
  const sender = (input.message?.sender ?? draft?.sender ?? '').trim();
  const listSource = input.list ?? (draft?.listId ? { listId: draft.listId } : null);
  if (!listSource) throw new UserFacingError('drop-no-list', 'Choisissez la liste des destinataires de la campagne.');
  if (input.test) throw new UserFacingError('test-unsupported', "« M'envoyer un test » n'est pas encore proposé pour iSendPro (e-mail vers SMS) : relisez l'aperçu du message.");
  const includeOptedOut = input.includeOptedOut ?? false;
  const settings = deps.settings ?? defaultWorkspaceSettings;
  const sendWindow = deps.sendWindow ?? sendWindowOf(settings);
  const mailSettings = await connections.resolveMailSettings(connection);
  const prepared = await prepareIsendproDrop(
    { list: listSource, campaignName, message: messageText, sender, type, programmedAt: programmedAt ? new Date(programmedAt) : null, includeOptedOut, nostop: mailSettings.nostop, window: sendWindow },
    deps,
    now,
  );
  const { plan, list } = prepared;
  const blocking: DropProblem[] = [...prepared.blocking];
  if (channel !== 'sms') blocking.push({ code: 'channel-unsupported', message: "iSendPro (e-mail vers SMS) n'envoie que des SMS : choisissez le canal SMS.", params: { provider: 'iSendPro' } });
  const warnings: DropProblem[] = [...prepared.warnings];
  warnings.unshift({
    code: 'mail-batches',
    message: `${frenchCount(plan.batches.length, 'e-mail', 'e-mails')} de ${ISENDPRO_MAX_RECIPIENTS_PER_MAIL} destinataires au plus, envoyé${plan.batches.length > 1 ? 's' : ''} à ${connection.mail?.to ?? 'iSendPro'}.`,
    params: { count: plan.batches.length, perMail: ISENDPRO_MAX_RECIPIENTS_PER_MAIL, to: connection.mail?.to ?? '' },
  });
  if (plan.leftOutForeign.count > 0) {
    const sample = plan.leftOutForeign.rows.slice(0, 10).map((row) => row + 1).join(', ');
    warnings.push({
      code: 'mail-foreign-left-out',
      message: `${frenchCount(plan.leftOutForeign.count, 'numéro étranger laissé', 'numéros étrangers laissés')} de côté : iSendPro ne prend que des numéros français sur 10 chiffres (lignes ${sample}${plan.leftOutForeign.count > 10 ? ', …' : ''}).`,
      params: { count: plan.leftOutForeign.count, lines: sample },
    });
  }
  const window: DropSummary['window'] = prepared.outsideWindow
    ? { ok: false, breaches: [], holiday: null, nextAllowedSlot: prepared.outsideWindow.nextAllowedSlot?.toISOString() ?? null, nextAllowedSlotText: prepared.outsideWindow.nextAllowedSlot ? formatParisDateTime(prepared.outsideWindow.nextAllowedSlot) : null }
    : { ok: true, exempt: type !== 'marketing' };
  if (!window.ok) {
    warnings.push({
      code: 'outside-send-window',
      message: `Envoi marketing hors des heures autorisées (${describeSendWindow(sendWindow)}, hors jours fériés ; iSendPro : marge de 30 min avant la fin)${window.nextAllowedSlotText ? ` : prochain créneau autorisé le ${window.nextAllowedSlotText}` : ''}.`,
      params: { slot: window.nextAllowedSlot ?? '', window: describeSendWindow(sendWindow) },
    });
  }
  if (includeOptedOut && list.checks.status.length > 0 && prepared.optedOut > 0) {
    warnings.push({ code: 'opted-out-included', message: `${frenchCount(prepared.optedOut, 'destinataire', 'destinataires')} de la liste d'opposition recevront pourtant ce message : assurez-vous d'en avoir le droit.`, params: { count: prepared.optedOut } });
  }
  // What each recipient is billed: their message with the STOP mention iSendPro appends.
  const context = { sender, isendproNoStop: mailSettings.nostop };
  let total = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const batch of plan.batches) {
    for (const recipient of batch.recipients) {
      const count = isendproSegments(batch.sharedMessage ?? recipient.message, context);
      total += count;
      if (count < min) min = count;
      if (count > max) max = count;
    }
  }
  const segments = plan.recipients > 0 ? { total, min, max } : null;
  const first = plan.batches[0];
  const firstRow = first?.rows[0];
  const previewText = first ? (first.sharedMessage ?? first.recipients[0].message) : null;
  const previewCount = previewText !== null ? segmentSms(previewText) : null;
  const idDelivery = generateDeliveryId(now, deps.random);
  const invalidByReason: Record<string, number> = {};
  for (let i = 0; i < list.checks.status.length; i++) {
    if (list.checks.status[i] !== statusCode.invalid) continue;
    const reason = reasonCodes[list.checks.reason[i]] ?? 'unknown';
    invalidByReason[reason] = (invalidByReason[reason] ?? 0) + 1;
  }
  const pricePerSms = typeof connection.pricePerSms === 'number' && connection.pricePerSms > 0 ? connection.pricePerSms : null;
  const to = connection.mail?.to ?? '';
  const summary: DropSummary = {
    campaignName,
    fileCampaignName: campaignName,
    messageSource: 'typed',
    templateId: null,
    sender,
    preview: previewText !== null && previewCount ? { text: previewText, segments: isendproSegments(previewText, context), encoding: previewCount.encoding, line: (firstRow ?? 0) + 1 } : null,
    pricePerSms,
    cost: pricePerSms !== null && segments ? Math.round(segments.total * pricePerSms * 100) / 100 : null,
    previousSend: null,
    connection: { id: connection.id, name: connection.name, provider: connection.provider },
    provider: 'isendpro-mail',
    channel,
    type,
    list: { name: list.name, rows: list.summary.rows },
    recipients: plan.recipients,
    excluded: { invalid: list.summary.invalid, duplicates: list.summary.duplicates, optedOut: prepared.optedOut, oversized: 0, invalidByReason, invalidLines: firstLines(list.checks, statusCode.invalid), duplicateLines: firstLines(list.checks, statusCode.duplicate) },
    segments,
    credits: segments?.total ?? null,
    sendAt: programmedAt,
    sendAtText: programmedAt ? formatParisDateTime(new Date(programmedAt)) : 'Immédiat',
    remoteFolder: to,
    remoteNames: plan.batches.map((batch, index) => `e-mail ${index + 1} (${batch.recipients.length} destinataires)`),
    files: plan.batches.map((batch) => ({ bytes: 0, recipients: batch.recipients.length })),
    mail: { mails: plan.batches.length, perMail: ISENDPRO_MAX_RECIPIENTS_PER_MAIL, leftOutForeign: plan.leftOutForeign.count, leftOutForeignLines: plan.leftOutForeign.rows.slice(0, 50).map((row) => row + 1) },
    window,
    warnings,
    blocking,
  };
  return {
    summary,
    connection,
    providerId: 'isendpro-mail',
    test: false,
    channel,
    type,
    campaignName,
    templateId: null,
    programmedAt,
    remoteFolder: to,
    parts: [],
    draftId: draft?.id ?? null,
    listId: 'listId' in listSource ? listSource.listId : null,
    includeOptedOut,
    mail: { plan, idDelivery, sender },
  };
}
