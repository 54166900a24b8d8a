/**
 * A drop through MediasFlow's SMS REST API: the list is read and its
 * opt-outs left out exactly as for a file drop (loadList, fail-closed
 * excludeOptedOutForDrop); the message is the text typed in Dropdesk
 * (MediasFlow's BASIC renderer reads the same ${FIELD} placeholders as the
 * composer), the sendable rows go as an uploaded CSV list (MOBILE column +
 * the list's columns), and the figures MediasFlow must echo at the prepare
 * are Dropdesk's own: every uploaded row is a valid, unique, not opted-out
 * mobile, so invalid, duplicates, blacklisted and rendering errors are 0 and
 * the credits are the composer's SMS count. Any difference holds the job.
 */
import { testCampaignName } from '@shared/campaigns/test-send';
import type { CampaignDraft } from '@shared/campaigns/campaign-draft';
import { computeListFigures, prepareMessages, type MessageSettings } from '@shared/campaigns/recipient-messages';
import { reasonCodes, statusCode, type ListChecks } from '@shared/lists/check-rows';
import { generateDeliveryId } from '@shared/providers/delivery-id';
import { buildMediasflowFile } from '@shared/providers/mediasflow/mediasflow-file';
import { segmentSms } from '@shared/composer/sms-count';
import type { RestJobSetup } from '@shared/queue/rest/rest-job-types';
import { checkRestScheduleOn } from '@shared/queue/rest/rest-schedule';
import { formatParisDateTime } from '@shared/scheduling/paris-time';
import { checkSendWindow, type SendType } from '@shared/scheduling/send-window';
import { defaultWorkspaceSettings, describeSendWindow, sendWindowOf } from '@shared/settings/workspace-settings';
import type { DropProblem, DropSummary } from '@shared/ipc/channels/queue';
import type { StoredConnection } from '../connections/connection-types';
import { loadDropList, toSendableTable, type PrepareDropDeps, type PrepareDropInput, type PreparedDrop } from './prepare-drop';
import { frenchCount } from '@shared/i18n/french-count';

/** Guide §2.1.1: 3 to 11 letters and digits, not only digits. */
export function isValidRestSender(sender: string): boolean {
  return /^[A-Za-z0-9]{3,11}$/.test(sender) && !/^\d+$/.test(sender);
}

function firstLines(checks: ListChecks, code: number, max = 50): number[] {
  const lines: number[] = [];
  for (let i = 0; i < checks.status.length && lines.length < max; i++) if (checks.status[i] === code) lines.push(i + 1);
  return lines;
}

export async function prepareRestDrop(input: PrepareDropInput, deps: PrepareDropDeps, connection: StoredConnection, draft: CampaignDraft | null, now: Date): Promise<PreparedDrop> {
  const channel = input.channel ?? draft?.channel ?? 'sms';
  const type: SendType = input.type ?? draft?.type ?? 'marketing';
  const typedName = (input.campaignName ?? draft?.name ?? '').normalize('NFC').trim();
  // "M'envoyer un test" (issue 11 §4): its own drop, named apart, one row to the user's number, leaving at once.
  const campaignName = input.test && typedName ? testCampaignName(typedName) : typedName;
  const programmedAt = input.programmedAt && !input.test ? new Date(input.programmedAt).toISOString() : null;
  const messageText = input.message?.text ?? draft?.message ?? '';
  const sender = (input.message?.sender ?? draft?.sender ?? '').trim();
  // The same list and fail-closed opt-out exclusion as file drops.
  const { listSource, test, loadedList, blocking, withoutOptOuts } = await loadDropList(input, draft, deps);
  const warnings: DropProblem[] = [];
  const includeOptedOut = input.includeOptedOut ?? false;
  const list = includeOptedOut ? loadedList : withoutOptOuts.list;
  if (includeOptedOut && withoutOptOuts.optedOut > 0) {
    warnings.push({ code: 'opted-out-included', message: `${frenchCount(withoutOptOuts.optedOut, 'destinataire a', 'destinataires ont')} demandé à ne plus recevoir de messages (STOP ou liste noire) et recevront pourtant celui-ci : assurez-vous d'en avoir le droit.`, params: { count: withoutOptOuts.optedOut } });
  }
  if (channel !== 'sms') blocking.push({ code: 'channel-unsupported', message: "L'API MediasFlow de Dropdesk n'envoie que des SMS : choisissez le canal SMS, ou une connexion MediasFlow SFTP pour un message vocal.", params: { provider: 'MediasFlow API' } });
  if (list.document.mobileColumn === null) blocking.push({ code: 'no-mobile-column', message: 'Choisissez la colonne des numéros de mobile de la liste.' });
  if (!campaignName) blocking.push({ code: 'campaign-name-invalid', message: 'Donnez un nom à la campagne.' });
  if (!messageText.trim()) blocking.push({ code: 'message-empty', message: "Écrivez le message à envoyer : MediasFlow reçoit le texte tapé dans Dropdesk." });
  if (sender && !isValidRestSender(sender)) blocking.push({ code: 'sender-invalid', message: `L'expéditeur « ${sender} » n'est pas accepté par MediasFlow : de 3 à 11 lettres et chiffres, sans ponctuation ni accent, et pas uniquement des chiffres.` });
  if (programmedAt) {
    const check = checkRestScheduleOn(new Date(programmedAt), now);
    if (!check.ok) {
      blocking.push({
        code: check.code,
        message: check.code === 'programmed-time-passed'
          ? `La date d'envoi ${formatParisDateTime(new Date(programmedAt))} est passée : choisissez une date future ou l'envoi immédiat.`
          : `La date d'envoi est trop proche : avec l'API MediasFlow, programmez au moins 10 minutes à l'avance (au plus tôt ${formatParisDateTime(check.earliest)}).`,
        params: { at: programmedAt, earliest: check.earliest.toISOString() },
      });
    }
  }
  const settingsNow = deps.settings ?? defaultWorkspaceSettings;
  const sendWindow = deps.sendWindow ?? sendWindowOf(settingsNow);
  const windowCheck = checkSendWindow(programmedAt ? new Date(programmedAt) : now, type, sendWindow);
  const window: DropSummary['window'] = windowCheck.ok
    ? windowCheck
    : { ok: false, breaches: windowCheck.breaches, holiday: windowCheck.holiday, nextAllowedSlot: windowCheck.nextAllowedSlot?.toISOString() ?? null, nextAllowedSlotText: windowCheck.nextAllowedSlot ? formatParisDateTime(windowCheck.nextAllowedSlot) : null };
  if (!window.ok) warnings.push({ code: 'outside-send-window', message: `Envoi marketing hors des heures autorisées (${describeSendWindow(sendWindow)}, hors jours fériés)${window.nextAllowedSlotText ? ` : prochain créneau autorisé le ${window.nextAllowedSlotText}` : ''}.`, params: { slot: window.nextAllowedSlot ?? '', window: describeSendWindow(sendWindow) } });

  // MediasFlow's counting rules (GSM-7 unless UCS-2 is allowed), as the composer showed them.
  const allowUcs2 = input.message?.allowUcs2 ?? draft?.allowUcs2 ?? true;
  const settings: MessageSettings = { message: messageText, defaultForHeader: input.message?.defaultForHeader ?? draft?.defaultForHeader ?? {}, provider: 'mediasflow-sftp', maxSegments: input.message?.maxSegments ?? draft?.maxSegments ?? 10, allowUcs2, replaceInFields: draft?.replaceInFields ?? false };
  const idDelivery = generateDeliveryId(now, deps.random);
  let data = Buffer.alloc(0);
  let recipients = 0;
  let segments: DropSummary['segments'] = null;
  let preview: DropSummary['preview'] = null;
  if (list.document.mobileColumn !== null && blocking.length === 0) {
    const file = buildMediasflowFile(toSendableTable(list.document, list.checks), { bom: false });
    data = Buffer.from(file.text, 'utf8');
    recipients = file.rowCount;
    const figures = computeListFigures(list.document, list.checks, settings);
    segments = { total: figures.segments.total, min: figures.segments.min, max: figures.segments.max };
    const index = list.checks.status.findIndex((code) => code === statusCode.valid);
    if (index >= 0) {
      const text = prepareMessages(list.document.columns, settings).render(list.document.rows.row(index));
      const count = segmentSms(text);
      preview = { text, segments: count.segments, encoding: count.encoding, line: index + 1 };
    }
  }
  if (blocking.length === 0 && recipients === 0) blocking.push({ code: 'no-recipients', message: "La liste n'a aucun numéro de mobile valide : rien ne serait envoyé." });
  const brand = connection.rest?.brand ?? null;
  const rest: RestJobSetup = {
    listMode: 'upload',
    expected: { recipients, invalid: 0, duplicates: 0, blacklisted: 0, renderingErrors: 0, credits: segments?.total ?? 0, sender: sender || null, message: messageText },
    payload: { campaignName: campaignName.slice(0, 200), msg: messageText, sender: sender || null, typeSelect: type === 'marketing' ? 'MKG' : 'NOTIFICATION', allowUCS2: allowUcs2, autoREPLACEEMOJI: false, autoREPLACETOGSM7: false, checkDuplicate: true, brand },
  };
  const pricePerSms = typeof connection.pricePerSms === 'number' && connection.pricePerSms > 0 ? connection.pricePerSms : null;
  const invalidByReason: Record<string, number> = {};
  for (let i = 0; i < list.checks.status.length; i++) if (list.checks.status[i] === statusCode.invalid) invalidByReason[reasonCodes[list.checks.reason[i]] ?? 'unknown'] = (invalidByReason[reasonCodes[list.checks.reason[i]] ?? 'unknown'] ?? 0) + 1;
  const summary: DropSummary = {
    campaignName,
    fileCampaignName: campaignName,
    messageSource: 'typed',
    templateId: null,
    sender,
    preview,
    pricePerSms,
    cost: pricePerSms !== null && segments ? Math.round(segments.total * pricePerSms * 100) / 100 : null,
    connection: { id: connection.id, name: connection.name, provider: connection.provider },
    provider: 'mediasflow-rest',
    channel,
    type,
    list: { name: list.name, rows: list.summary.rows },
    recipients: blocking.length === 0 ? recipients : list.summary.sendable,
    excluded: { invalid: list.summary.invalid, duplicates: list.summary.duplicates, optedOut: includeOptedOut ? 0 : withoutOptOuts.optedOut, oversized: 0, invalidByReason, invalidLines: firstLines(list.checks, statusCode.invalid), duplicateLines: firstLines(list.checks, statusCode.duplicate) },
    segments,
    credits: segments?.total ?? null,
    sendAt: programmedAt,
    sendAtText: programmedAt ? formatParisDateTime(new Date(programmedAt)) : 'Immédiat',
    remoteFolder: '/lists/upload',
    remoteNames: [`API MediasFlow (${idDelivery})`],
    files: [{ bytes: data.length, recipients }],
    window,
    warnings,
    blocking,
  };
  summary.previousSend = null;
  if (test) summary.test = { to: test.to, line: test.line };
  return {
    summary,
    connection,
    providerId: 'mediasflow-rest',
    test: test !== null,
    channel,
    type,
    campaignName,
    templateId: null,
    programmedAt,
    remoteFolder: '/lists/upload',
    parts: [{ idDelivery, part: null, fileName: 'drop.csv', data, recipients, remoteName: `API MediasFlow (${idDelivery})` }],
    draftId: draft?.id ?? null,
    // A test is never the list's send: no list id, so "déjà envoyée" never counts it.
    listId: 'listId' in listSource && !test ? listSource.listId : null,
    includeOptedOut,
    rest,
  };
}
