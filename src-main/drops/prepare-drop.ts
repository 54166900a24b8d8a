/**
 * From a list and a message (or a campaign draft) to the provider's file(s),
 * their remote names, and the pre-send summary the user confirms — like the
 * provider's own "Résumé de la campagne": recipients, rows left out and why,
 * segments and credits, send date, connection, remote file name, and the
 * marketing-window check with the next allowed slot.
 *
 * Only sendable rows go out (valid numbers, first occurrence of each). For
 * AllMySMS each recipient's message is rendered with the composer's renderer;
 * MediasFlow takes the message from its template campaign (IDMEDIAFLOW), so
 * its file carries the list's columns for the template's fields.
 */
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { DropProblem, DropSummary } from '@shared/ipc/channels/queue';
import type { CampaignDraft } from '@shared/campaigns/campaign-draft';
import { computeListFigures, prepareMessages, type MessageSettings } from '@shared/campaigns/recipient-messages';
import { checkDocument, checkListBytes } from '@shared/lists/check-list-bytes';
import { reasonCodes, statusCode, type ListChecks } from '@shared/lists/check-rows';
import type { ListDocument } from '@shared/lists/list-document';
import type { ListSummary } from '@shared/lists/list-types';
import { generateDeliveryId } from '@shared/providers/delivery-id';
import { getProviderProfile } from '@shared/providers/provider-registry';
import type { Channel } from '@shared/providers/provider-ids';
import type { RowCheck, SendableTable } from '@shared/providers/sendable-table';
import { fileCampaignName, validateCampaignName } from '@shared/providers/mediasflow/campaign-name';
import { segmentSms } from '@shared/composer/sms-count';
import { previousSendOfList, type CampaignJob } from '@shared/campaigns/campaign-status';
import { checkTestNumber, testCampaignName, testFileCampaignName, testListDocument } from '@shared/campaigns/test-send';
import { isValidTemplateId } from '@shared/providers/mediasflow/mediasflow-name';
import { checkAllmysmsSender } from '@shared/providers/allmysms/allmysms-name';
import { stopMentionFor } from '@shared/composer/stop-mention';
import { checkProgrammedTime } from '@shared/scheduling/programmed-time';
import { formatParisDateTime } from '@shared/scheduling/paris-time';
import { checkSendWindow, type SendType, type SendWindow } from '@shared/scheduling/send-window';
import { allmysmsSplitBytesOf, defaultWorkspaceSettings, describeSendWindow, sendWindowOf, type WorkspaceSettings } from '@shared/settings/workspace-settings';
import type { JobPart } from '@shared/queue/job-types';
import type { ConnectionService } from '../connections/connection-service';
import { fileDropProfileOf, isRestProvider, type StoredConnection } from '../connections/connection-types';
import type { QueueProviderId } from '@shared/queue/job-types';
import type { RestJobSetup } from '@shared/queue/rest/rest-job-types';
import type { IsendproCampaignPlan } from '@shared/providers/isendpro/isendpro-batches';
import { createListStore } from '../lists/list-store';
import { excludeOptedOutForDrop } from '../opt-outs/list-opt-outs';
import { frenchCount } from '@shared/i18n/french-count';

export type DropListSource = { listId: string } | { file: string; mobileColumn?: string } | { fileName: string; bytes: Uint8Array; mobileColumn?: string };

export interface DropMessage {
  text: string;
  sender?: string;
  defaultForHeader?: Record<string, string>;
  allowUcs2?: boolean;
  maxSegments?: number;
}

export interface PrepareDropInput {
  /** The list; optional when a draft names one. */
  list?: DropListSource;
  /** A campaign draft (list, message, sender, channel, type) — explicit fields below win. */
  draftId?: string;
  message?: DropMessage;
  /** Connection id or name. */
  connection: string;
  channel?: Channel;
  campaignName?: string;
  /** Provider-safe name for the file (IDCAMPAGNE…); '' or absent = derived from the campaign name. */
  fileName?: string;
  /** IDMEDIAFLOW (MediasFlow only). */
  templateId?: string | null;
  /** Programmed send time (ISO instant); null/absent = immediate. */
  programmedAt?: string | null;
  type?: SendType;
  /** Send to opted-out numbers too (STOP, blacklists); off by default, and the summary warns. */
  includeOptedOut?: boolean;
  /**
   * "M'envoyer un test": the same drop cut down to one row, the list's row at
   * `line` (1-based; the first sendable row when absent) with its mobile
   * replaced by `to`; named apart, immediate, marked on the job.
   */
  test?: DropTest;
}

export interface DropTest {
  to: string;
  line?: number | null;
}

export type { DropProblem, DropSummary } from '@shared/ipc/channels/queue';

export interface PreparedPart {
  idDelivery: string;
  part: JobPart | null;
  fileName: string;
  data: Buffer;
  recipients: number;
  remoteName: string;
}

export interface PreparedDrop {
  summary: DropSummary;
  connection: StoredConnection;
  providerId: QueueProviderId;
  /** MediasFlow REST drops: what the prepare sends and the figures MediasFlow must echo. */
  rest?: RestJobSetup;
  /** iSendPro mail-to-SMS drops: the batches (the CLI's plan) queued as ONE job (parts is empty). */
  mail?: { plan: IsendproCampaignPlan; idDelivery: string; sender: string };
  channel: Channel;
  type: SendType;
  campaignName: string;
  templateId: string | null;
  programmedAt: string | null;
  remoteFolder: string;
  draftId: string | null;
  listId: string | null;
  parts: PreparedPart[];
  /** The user chose to send to opted-out numbers too (the queue then does not re-check them before the upload). */
  includeOptedOut: boolean;
  /** "M'envoyer un test": one row to the user's own number (the job is marked). */
  test: boolean;
}

export interface LoadedList {
  name: string;
  document: ListDocument;
  checks: ListChecks;
  summary: ListSummary;
}

export interface PrepareDropDeps {
  dataDir: string;
  /** resolveMailSettings is read for iSendPro connections only. */
  connections: Pick<ConnectionService, 'getStored'> & Partial<Pick<ConnectionService, 'resolveMailSettings'>>;
  now?: () => Date;
  /** The workspace's sending settings (window, BOM, AllMySMS split size); the defaults when absent. */
  settings?: WorkspaceSettings;
  /** Overrides settings.marketingWindow (tests). */
  sendWindow?: SendWindow;
  /** Reads a draft (the campaign store in the app). */
  drafts?: { get(id: string): Promise<CampaignDraft> };
  /** Reads a saved list as it stands (the list service in the app; the list store by default). */
  lists?: { load(listId: string): Promise<LoadedList> };
  /** The queue's jobs, to ask before sending the same list twice within a few days. */
  recentJobs?: () => Promise<readonly CampaignJob[]>;
  /** Random source for IDDELIVERY (tests). */
  random?: () => number;
}

const lineSample = 50;

function refused(code: string, message: string, params?: Record<string, string | number>): UserFacingError {
  return new UserFacingError(code, message, params);
}

/** The list store of the data folder, checked now. */
export function listStoreLoader(dataDir: string): NonNullable<PrepareDropDeps['lists']> {
  const store = createListStore(dataDir);
  return {
    async load(listId) {
      const stored = await store.load(listId);
      if (!stored) throw refused('list-not-found', `La liste ${listId} n'existe plus (supprimée ?). Choisissez une autre liste.`, { listId });
      const { checks, summary } = checkDocument(stored.document);
      return { name: stored.meta.name, document: stored.document, checks, summary };
    },
  };
}

export async function loadList(source: DropListSource, deps: Pick<PrepareDropDeps, 'dataDir' | 'lists'>): Promise<LoadedList> {
  if ('listId' in source) return (deps.lists ?? listStoreLoader(deps.dataDir)).load(source.listId);
  let bytes: Uint8Array;
  let fileName: string;
  if ('file' in source) {
    fileName = basename(source.file);
    bytes = await fs.readFile(source.file).catch((error: NodeJS.ErrnoException) => {
      throw refused('list-unreadable', `Impossible de lire la liste « ${source.file} » (${error.code ?? error.message}).`, { file: source.file });
    });
  } else {
    fileName = source.fileName;
    bytes = source.bytes;
  }
  const checked = checkListBytes(bytes, { fileName, mobileColumn: source.mobileColumn });
  return { name: fileName, document: checked.table, checks: checked.checks, summary: checked.summary };
}

/** The list engine's compact checks as the file builders read them (one small object per row). */
export function toSendableTable(document: ListDocument, checks: ListChecks): SendableTable {
  const rowChecks: RowCheck[] = new Array(document.rows.length);
  for (let i = 0; i < document.rows.length; i++) {
    const code = checks.status[i];
    rowChecks[i] =
      code === statusCode.valid
        ? { status: 'valid', normalized: String(checks.normalized[i]) }
        : { status: code === statusCode.duplicate ? 'duplicate' : 'invalid' };
  }
  return { columns: document.columns, rows: document.rows, mobileColumn: document.mobileColumn ?? -1, checks: rowChecks };
}

function invalidByReason(checks: ListChecks): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < checks.status.length; i++) {
    if (checks.status[i] !== statusCode.invalid) continue;
    const reason = reasonCodes[checks.reason[i]] ?? 'unknown';
    counts[reason] = (counts[reason] ?? 0) + 1;
  }
  return counts;
}

/** The list as the test sends it: one real row of the campaign's list, to the user's own number. */
/**
 * The list a drop sends, for every drop kind (file, REST): the campaign's list
 * (a test cuts it to one row) and the same list without the opt-outs. Fails
 * closed: an opt-out list that cannot be read becomes a blocking problem of the
 * summary (even with includeOptedOut), never an empty list.
 */
export async function loadDropList(input: PrepareDropInput, draft: CampaignDraft | null, deps: PrepareDropDeps) {
  const listSource = input.list ?? (draft?.listId ? { listId: draft.listId } : null);
  if (!listSource) throw refused('drop-no-list', 'Choisissez la liste des destinataires de la campagne.');
  const campaignList = await loadList(listSource, deps);
  const test = input.test ? testListOf(campaignList, input.test) : null;
  const loadedList = test ? test.list : campaignList;
  const blocking: DropProblem[] = [];
  const withoutOptOuts = await excludeOptedOutForDrop(loadedList, deps.dataDir).catch((error: unknown) => {
    if (!(error instanceof UserFacingError) || error.code !== 'opt-outs-unreadable') throw error;
    blocking.push({ code: error.code, message: error.message });
    return { list: loadedList, optedOut: 0 };
  });
  return { listSource, campaignList, test, loadedList, blocking, withoutOptOuts };
}

export function testListOf(list: LoadedList, test: DropTest): { list: LoadedList; to: string; line: number } {
  const number = checkTestNumber(test.to);
  if (!number.ok) {
    throw refused('test-number-invalid', `Le numéro de test « ${test.to} » n'est pas un numéro de mobile valide : indiquez votre propre mobile (06 ou 07…).`, { reason: number.reason });
  }
  const firstSendable = list.checks.status.findIndex((code) => code === statusCode.valid);
  const line = test.line ?? (firstSendable >= 0 ? firstSendable + 1 : 1);
  const cut = testListDocument(list.document, line, test.to.trim());
  if (!cut.ok) {
    throw cut.problem === 'no-mobile-column'
      ? refused('no-mobile-column', 'Choisissez la colonne des numéros de mobile de la liste.')
      : refused('test-line-invalid', `La liste n'a pas de ligne ${line} : choisissez une ligne entre 1 et ${list.document.rows.length}.`, { line, rows: list.document.rows.length });
  }
  const { checks, summary } = checkDocument(cut.document);
  return { list: { name: list.name, document: cut.document, checks, summary }, to: number.normalized, line };
}

export async function prepareDrop(input: PrepareDropInput, deps: PrepareDropDeps): Promise<PreparedDrop> {
  const now = (deps.now ?? (() => new Date()))();
  const draft = input.draftId ? await (deps.drafts ?? missingDrafts()).get(input.draftId) : null;
  const connection = await deps.connections.getStored(input.connection);
  // MediasFlow's SMS REST API: no file profile, its own checks (the list and opt-outs are read the same way).
  if (isRestProvider(connection.provider)) return (await import('./prepare-rest-drop')).prepareRestDrop(input, deps, connection, draft, now);
  // iSendPro's mail-to-SMS: the CLI's plan (batches of 500), queued as one job by submitDrop.
  if (connection.mail) return (await import('./prepare-mail-drop')).prepareMailDrop(input, deps, connection, draft, now);
  const providerId = fileDropProfileOf(connection.provider);
  const profile = getProviderProfile(providerId);
  const channel: Channel = input.channel ?? draft?.channel ?? 'sms';
  const type: SendType = input.type ?? draft?.type ?? 'marketing';
  const typedName = (input.campaignName ?? draft?.name ?? '').normalize('NFC');
  // A test is its own drop, named apart from the campaign (issue 11 §4).
  const campaignName = input.test && typedName.trim() ? testCampaignName(typedName) : typedName;
  // The user's name stays as typed; the file gets a provider-safe one (issue 11 §2).
  const campaignFileName = fileCampaignName(typedName, input.fileName ?? draft?.fileName ?? '');
  const safeName = input.test && campaignFileName ? testFileCampaignName(campaignFileName) : campaignFileName;
  const templateId = profile.messageSource === 'template' ? (input.templateId || draft?.templateId || null) : null;
  // A test leaves at once: it is read before the campaign is confirmed.
  const programmedAt = input.programmedAt && !input.test ? new Date(input.programmedAt).toISOString() : null;
  const messageText = input.message?.text ?? draft?.message ?? '';
  const sender = (input.message?.sender ?? draft?.sender ?? '').trim();

  // Numbers in the opt-out list (STOP, blacklists: src-main/opt-outs) are left out by default; the summary counts them.
  const { listSource, test, loadedList, blocking, withoutOptOuts } = await loadDropList(input, draft, deps);
  const warnings: DropProblem[] = [];
  const list = input.includeOptedOut ? loadedList : withoutOptOuts.list;
  const optedOut = input.includeOptedOut ? 0 : withoutOptOuts.optedOut;
  if (!profile.channels.includes(channel)) {
    blocking.push({ code: 'channel-unsupported', message: `${profile.label} ne prend pas les messages vocaux : choisissez le canal SMS ou une connexion MediasFlow.`, params: { provider: profile.label } });
  }
  if (draft && draft.provider !== providerId) {
    const draftLabel = getProviderProfile(draft.provider).label;
    warnings.push({ code: 'provider-differs', message: `Le brouillon a été préparé pour ${draftLabel} mais la connexion choisie est ${profile.label} : vérifiez le message et l'expéditeur.`, params: { draftProvider: draftLabel, provider: profile.label } });
  }
  if (input.includeOptedOut && withoutOptOuts.optedOut > 0) {
    warnings.push({
      code: 'opted-out-included',
      message: `${frenchCount(withoutOptOuts.optedOut, 'destinataire a demandé à ne plus recevoir de messages (STOP ou liste noire) et recevra', 'destinataires ont demandé à ne plus recevoir de messages (STOP ou liste noire) et recevront')} pourtant celui-ci : assurez-vous d'en avoir le droit.`,
      params: { count: withoutOptOuts.optedOut },
    });
  }
  if (list.document.mobileColumn === null) {
    blocking.push({ code: 'no-mobile-column', message: 'Choisissez la colonne des numéros de mobile de la liste.' });
  }

  if (profile.family === 'mediasflow') {
    if (!validateCampaignName(safeName).ok) {
      blocking.push({
        code: 'campaign-name-invalid',
        message: "Le nom de la campagne ne contient aucune lettre ni chiffre utilisable dans le nom du fichier : donnez-lui un nom, ou un nom de fichier sous « Détails ».",
      });
    }
    if (!templateId || !isValidTemplateId(templateId)) {
      blocking.push({ code: 'template-id-invalid', message: "Indiquez le numéro de la campagne modèle MediasFlow (le « N° d'opération » sur app.mediasflow.com, des chiffres uniquement)." });
    }
  } else {
    if (!campaignName.trim()) blocking.push({ code: 'campaign-name-invalid', message: 'Donnez un nom à la campagne.' });
    if (!messageText.trim()) blocking.push({ code: 'message-empty', message: 'Écrivez le message à envoyer : AllMySMS le reçoit dans le fichier, pour chaque destinataire.' });
    if (sender) {
      // The account's own STOP mention (the connection's "Mention STOP"), else the spec's.
      const stop = { stopMention: connection.stopMention };
      const problems = checkAllmysmsSender(sender, messageText, stop);
      const hard = problems.filter((problem) => problem !== 'missing-stop-mention');
      if (hard.length > 0) {
        blocking.push({ code: 'sender-invalid', message: `L'expéditeur « ${sender} » n'est pas accepté par AllMySMS : il doit commencer par une lettre, sans accent ni caractère spécial, de 3 à 11 caractères.` });
      } else if (problems.includes('missing-stop-mention')) {
        const mention = stopMentionFor('allmysms', stop) as string;
        warnings.push({ code: 'sender-needs-stop', message: `Pour la France, AllMySMS n'applique l'expéditeur personnalisé que si le message finit par « ${mention} ».`, params: { mention } });
      }
    }
  }

  if (programmedAt) {
    const check = checkProgrammedTime(new Date(programmedAt), now);
    if (!check.ok) {
      blocking.push({
        code: check.code,
        message:
          check.code === 'programmed-time-passed'
            ? `La date d'envoi ${formatParisDateTime(new Date(programmedAt))} est passée : choisissez une date future ou l'envoi immédiat.`
            : `La date d'envoi est trop proche : choisissez au plus tôt ${formatParisDateTime(check.earliest)}.`,
        params: { at: programmedAt, earliest: check.code === 'programmed-time-passed' ? '' : check.earliest.toISOString() },
      });
    }
  }

  const settingsNow = deps.settings ?? defaultWorkspaceSettings;
  const sendWindow = deps.sendWindow ?? sendWindowOf(settingsNow);
  const splitBytes = allmysmsSplitBytesOf(settingsNow);
  const splitText = `${Number((splitBytes / 1024 / 1024).toFixed(2)).toLocaleString('fr-FR')} Mo`;
  const sendInstant = programmedAt ? new Date(programmedAt) : now;
  const windowCheck = checkSendWindow(sendInstant, type, sendWindow);
  const window: DropSummary['window'] = windowCheck.ok
    ? windowCheck
    : {
        ok: false,
        breaches: windowCheck.breaches,
        holiday: windowCheck.holiday,
        nextAllowedSlot: windowCheck.nextAllowedSlot?.toISOString() ?? null,
        nextAllowedSlotText: windowCheck.nextAllowedSlot ? formatParisDateTime(windowCheck.nextAllowedSlot) : null,
      };
  if (!window.ok) {
    warnings.push({
      code: 'outside-send-window',
      message: `Envoi marketing hors des heures autorisées (${describeSendWindow(sendWindow)}, hors jours fériés${sendWindow.alsaceMoselle ? ' et jours fériés d’Alsace-Moselle' : ''})${window.nextAllowedSlotText ? ` : prochain créneau autorisé le ${window.nextAllowedSlotText}` : ''}.`,
      params: { slot: window.nextAllowedSlot ?? '', window: describeSendWindow(sendWindow) },
    });
  }

  // The file(s).
  const parts: PreparedPart[] = [];
  let oversized = 0;
  let segments: DropSummary['segments'] = null;
  const settings: MessageSettings = {
    message: messageText,
    defaultForHeader: input.message?.defaultForHeader ?? draft?.defaultForHeader ?? {},
    provider: providerId,
    maxSegments: input.message?.maxSegments ?? draft?.maxSegments ?? 10,
    allowUcs2: input.message?.allowUcs2 ?? draft?.allowUcs2 ?? true,
    replaceInFields: draft?.replaceInFields ?? false,
  };
  if (list.document.mobileColumn !== null && blocking.length === 0) {
    const table = toSendableTable(list.document, list.checks);
    if (profile.family === 'mediasflow') {
      const file = profile.buildFile(table, { bom: settingsNow.mediasflowBom });
      const idDelivery = generateDeliveryId(now, deps.random);
      const name = profile.buildName({ templateId: templateId!, idDelivery, campaignName: safeName, stampAt: now, programmedAt: programmedAt ? new Date(programmedAt) : null });
      if (!name.ok) blocking.push({ code: 'name-invalid', message: `Le nom du fichier ne peut pas être construit (${name.problems.join(', ')}) : raccourcissez le nom de la campagne.` });
      else parts.push({ idDelivery, part: null, fileName: 'drop.csv', data: Buffer.from(file.text, 'utf8'), recipients: file.rowCount, remoteName: name.name });
      for (const rename of file.renames) {
        warnings.push({ code: `column-${rename.why}`, message: `La colonne « ${rename.from} » est envoyée sous le nom « ${rename.to} » : si la campagne modèle s'en sert comme champ de personnalisation, mettez-la à jour.`, params: { from: rename.from, to: rename.to } });
      }
    } else {
      const { render } = prepareMessages(list.document.columns, settings);
      const built = profile.buildParts({ table, render: (row) => render(row), sender: sender || null }, { maxBytes: splitBytes });
      oversized = built.oversizedRows.length;
      if (oversized > 0) blocking.push({ code: 'rows-too-large', message: `${frenchCount(oversized, 'destinataire a', 'destinataires ont')} un message trop long pour un fichier AllMySMS (${splitText}) : corrigez la liste ou le message.`, params: { count: oversized, size: splitText } });
      const groupId = generateDeliveryId(now, deps.random);
      for (const part of built.parts) {
        const idDelivery = generateDeliveryId(now, deps.random);
        const jobPart: JobPart | null = built.parts.length > 1 ? { index: part.index, count: built.parts.length, groupId } : null;
        const name = profile.buildName({ campaignName: safeName, idDelivery, sendAt: programmedAt ? new Date(programmedAt) : now, part: jobPart ? { index: part.index, count: jobPart.count } : undefined });
        if (!name.ok) {
          blocking.push({ code: 'name-invalid', message: `Le nom du fichier ne peut pas être construit (${name.problems.join(', ')}).` });
          break;
        }
        parts.push({ idDelivery, part: jobPart, fileName: 'drop.csv', data: Buffer.from(part.text, 'utf8'), recipients: part.rowCount, remoteName: name.name });
      }
      if (built.parts.length > 1) warnings.push({ code: 'split', message: `Le fichier dépasse ${splitText} : il sera déposé en ${built.parts.length} fichiers.`, params: { count: built.parts.length, size: splitText } });
    }
    if (channel === 'sms' && messageText.trim()) {
      const figures = computeListFigures(list.document, list.checks, settings);
      segments = { total: figures.segments.total, min: figures.segments.min, max: figures.segments.max };
      if (figures.allMySms160Failures) {
        warnings.push({ code: 'allmysms-160', message: `${frenchCount(figures.allMySms160Failures, 'message dépasse', 'messages dépassent')} les 160 caractères acceptés par AllMySMS (retours à la ligne comptés double).`, params: { count: figures.allMySms160Failures } });
      }
      if (figures.overAccountLimit) warnings.push({ code: 'over-account-limit', message: `${frenchCount(figures.overAccountLimit, 'message dépasse', 'messages dépassent')} la longueur maximale du compte (${settings.maxSegments} SMS).`, params: { count: figures.overAccountLimit, max: settings.maxSegments } });
    }
  }
  const recipients = parts.reduce((sum, part) => sum + part.recipients, 0);
  if (blocking.length === 0 && recipients === 0) blocking.push({ code: 'no-recipients', message: "La liste n'a aucun numéro de mobile valide : rien ne serait envoyé." });

  const firstLines = (code: number) => {
    const lines: number[] = [];
    for (let i = 0; i < list.checks.status.length && lines.length < lineSample; i++) if (list.checks.status[i] === code) lines.push(i + 1);
    return lines;
  };
  const remoteFolder = profile.dropFolder(channel);
  const preview = channel === 'sms' && messageText.trim() && list.document.mobileColumn !== null ? firstRecipientPreview(list, settings) : null;
  const credits = channel === 'vms' ? list.summary.sendable : (segments?.total ?? null);
  const pricePerSms = typeof connection.pricePerSms === 'number' && connection.pricePerSms > 0 ? connection.pricePerSms : null;
  const summary: DropSummary = {
    campaignName,
    fileCampaignName: safeName,
    messageSource: profile.messageSource,
    templateId,
    sender: profile.messageSource === 'typed' ? sender : '',
    preview,
    pricePerSms,
    cost: pricePerSms !== null && credits !== null ? Math.round(credits * pricePerSms * 100) / 100 : null,
    connection: { id: connection.id, name: connection.name, provider: connection.provider },
    provider: providerId,
    channel,
    type,
    list: { name: list.name, rows: list.summary.rows },
    recipients: blocking.length === 0 ? recipients : list.summary.sendable,
    excluded: {
      invalid: list.summary.invalid,
      duplicates: list.summary.duplicates,
      optedOut,
      oversized,
      invalidByReason: invalidByReason(list.checks),
      invalidLines: firstLines(statusCode.invalid),
      duplicateLines: firstLines(statusCode.duplicate),
    },
    segments,
    credits,
    sendAt: programmedAt,
    sendAtText: programmedAt ? formatParisDateTime(new Date(programmedAt)) : 'Immédiat',
    remoteFolder,
    remoteNames: parts.map((part) => part.remoteName),
    files: parts.map((part) => ({ bytes: part.data.length, recipients: part.recipients })),
    window,
    warnings,
    blocking,
  };
  const draftId = draft?.id ?? null;
  // A test is never the list's send: it carries no list id, so "déjà envoyée" never counts it.
  const listId = 'listId' in listSource && !test ? listSource.listId : null;
  if (test) summary.test = { to: test.to, line: test.line };
  // Never twice by mistake: the same list sent a few days ago is said, and the app asks before sending again.
  summary.previousSend = listId && deps.recentJobs ? previousSendOfList(listId, await deps.recentJobs(), now) : null;
  if (summary.previousSend) {
    warnings.push({
      code: 'list-already-sent',
      message: `Cette liste a déjà été envoyée (« ${summary.previousSend.campaignName} », ${formatParisDateTime(new Date(summary.previousSend.at))}, ${frenchCount(summary.previousSend.recipients, 'destinataire', 'destinataires')}).`,
      params: { campaign: summary.previousSend.campaignName, at: summary.previousSend.at, count: summary.previousSend.recipients },
    });
  }
  return { summary, connection, providerId, channel, type, campaignName, templateId, programmedAt, remoteFolder, parts, draftId, listId, includeOptedOut: input.includeOptedOut ?? false, test: test !== null };
}

/** The message as the first sendable recipient gets it (what the summary shows). */
function firstRecipientPreview(list: LoadedList, settings: MessageSettings): DropSummary['preview'] {
  const index = list.checks.status.findIndex((code) => code === statusCode.valid);
  if (index < 0) return null;
  const { render } = prepareMessages(list.document.columns, settings);
  const text = render(list.document.rows.row(index));
  const count = segmentSms(text);
  return { text, segments: count.segments, encoding: count.encoding, line: index + 1 };
}

function missingDrafts(): NonNullable<PrepareDropDeps['drafts']> {
  return {
    get: async () => {
      throw refused('campaign-not-found', 'Brouillon de campagne introuvable.');
    },
  };
}
