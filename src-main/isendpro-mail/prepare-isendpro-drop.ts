/**
 * A list file + a message → an iSendPro campaign plan and its summary: only
 * sendable rows (valid, first copy), opted-out numbers left out unless asked,
 * foreign numbers left out with a clear line (only French numbers can be
 * written in 10 digits), the sender rules, the composer's iSendPro warnings
 * (a real Ö, more than 9 SMS), and the marketing window with its margin.
 */
import { validateSender } from '@shared/composer/sender-rules';
import { checkIsendproMessage } from '@shared/composer/stop-mention';
import { planIsendproBatches, type IsendproCampaignPlan } from '@shared/providers/isendpro/isendpro-batches';
import { isendproSendableAt } from '@shared/providers/isendpro/isendpro-window';
import { checkProgrammedTime } from '@shared/scheduling/programmed-time';
import { formatParisDateTime } from '@shared/scheduling/paris-time';
import type { SendType, SendWindow } from '@shared/scheduling/send-window';
import { excludeOptedOutForDrop } from '../opt-outs/list-opt-outs';
import { loadList, toSendableTable, type DropListSource, type LoadedList, type PrepareDropDeps } from '../drops/prepare-drop';
import { frenchCount } from '@shared/i18n/french-count';

export interface IsendproDropInput {
  /** The list: a file (CLI) or a saved list (the app), read by the same loader as every drop. */
  list: DropListSource;
  campaignName: string;
  message: string;
  sender: string;
  type: SendType;
  programmedAt: Date | null;
  includeOptedOut: boolean;
  nostop: boolean;
  /** The marketing window (Paramètres → Envoi); the default one when absent. */
  window?: SendWindow;
}

/** A refusal or a warning: a catalogue code (send.problems.<code>) and its parameters for the app, the French text for the CLI. */
export interface IsendproDropProblem {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface IsendproDropSummary {
  plan: IsendproCampaignPlan;
  /** The list as read (before opt-outs are left out) and the opt-outs left out. */
  list: LoadedList;
  optedOut: number;
  blocking: IsendproDropProblem[];
  warnings: IsendproDropProblem[];
  /** Lines for the summary (stderr in the CLI). */
  lines: string[];
  /** When the marketing window refuses the send time: the next allowed slot. */
  outsideWindow: { nextAllowedSlot: Date | null } | null;
}

export async function prepareIsendproDrop(input: IsendproDropInput, deps: Pick<PrepareDropDeps, 'dataDir' | 'lists'>, now: Date): Promise<IsendproDropSummary> {
  const loaded = await loadList(input.list, deps);
  const checked = loaded;
  const withoutOptOuts = await excludeOptedOutForDrop(loaded, deps.dataDir);
  const list = input.includeOptedOut ? loaded : withoutOptOuts.list;
  const blocking: IsendproDropProblem[] = [];
  const warnings: IsendproDropProblem[] = [];
  if (list.document.mobileColumn === null) blocking.push({ code: 'no-mobile-column', message: 'Choisissez la colonne des numéros de mobile de la liste.' });
  if (!input.campaignName.trim()) blocking.push({ code: 'mail-campaign-name-missing', message: 'Donnez un nom à la campagne.' });
  if (!input.message.trim()) blocking.push({ code: 'mail-message-empty', message: "Écrivez le message à envoyer : iSendPro le reçoit dans l'e-mail, pour chaque destinataire." });
  if (input.sender) {
    const sender = validateSender('isendpro', input.sender);
    if (!sender.valid) {
      blocking.push({ code: 'mail-sender-invalid', message: `L'expéditeur « ${input.sender} » n'est pas accepté par iSendPro : 4 à 11 lettres ou chiffres, pas uniquement des chiffres.`, params: { sender: input.sender } });
    }
  }
  for (const issue of checkIsendproMessage(input.message, { sender: input.sender, isendproNoStop: input.nostop })) {
    if (issue.code === 'isendpro-real-o-umlaut') warnings.push({ code: 'isendpro-real-o-umlaut', message: 'Le message contient la lettre « Ö » : iSendPro la lit comme un retour à la ligne.' });
    if (issue.code === 'isendpro-over-9-segments') {
      const { segments, max } = issue.params as { segments: number; max: number };
      blocking.push({ code: 'isendpro-over-9-segments', message: `Le message fait ${segments} SMS (mention STOP comprise) : iSendPro n'en accepte que ${max} au plus. Raccourcissez-le.`, params: { segments, max } });
    }
  }
  if (input.programmedAt) {
    const check = checkProgrammedTime(input.programmedAt, now);
    if (!check.ok) {
      blocking.push({ code: 'mail-programmed-time', message: `L'heure programmée est passée ou trop proche : choisissez une heure après ${formatParisDateTime(check.earliest)}.`, params: { earliest: check.earliest.toISOString() } });
    }
  }
  const table = list.document.mobileColumn === null ? null : toSendableTable(list.document, list.checks);
  const plan = table
    ? planIsendproBatches(table, { template: input.message, sender: input.sender, nostop: input.nostop })
    : { batches: [], recipients: 0, personalised: false, leftOutForeign: { count: 0, rows: [] }, maxSegments: 0 };
  if (plan.maxSegments > 9) blocking.push({ code: 'mail-personalised-over-9-segments', message: `Un message personnalisé fait ${plan.maxSegments} SMS : iSendPro n'en accepte que 9 au plus.`, params: { segments: plan.maxSegments } });
  if (table && plan.recipients === 0) blocking.push({ code: 'mail-no-french-numbers', message: "Aucun numéro français dans la liste : iSendPro n'accepte que des numéros écrits sur 10 chiffres (France)." });
  const lines = [
    `Résumé : ${frenchCount(plan.recipients, 'destinataire', 'destinataires')} en ${frenchCount(plan.batches.length, 'e-mail', 'e-mails')} de 500 au plus ; écartés : ${frenchCount(checked.summary.invalid, 'invalide', 'invalides')} et ${frenchCount(checked.summary.duplicates, 'doublon', 'doublons')}.`,
  ];
  if (!input.includeOptedOut && withoutOptOuts.optedOut > 0) lines.push(`Écartés car dans la liste d'opposition (STOP, liste noire) : ${frenchCount(withoutOptOuts.optedOut, 'numéro', 'numéros')}.`);
  if (plan.leftOutForeign.count > 0) {
    const sample = plan.leftOutForeign.rows.slice(0, 10).map((row) => row + 1).join(', ');
    lines.push(`Laissés de côté car étrangers : ${frenchCount(plan.leftOutForeign.count, 'numéro', 'numéros')} ; iSendPro ne prend que des numéros français sur 10 chiffres (lignes ${sample}${plan.leftOutForeign.count > 10 ? ', …' : ''}).`);
  }
  const at = input.programmedAt ?? now;
  const allowed = isendproSendableAt(at, input.type, input.window);
  const outsideWindow = allowed !== null && allowed.getTime() === at.getTime() ? null : { nextAllowedSlot: allowed };
  return { plan, list: loaded, optedOut: input.includeOptedOut ? 0 : withoutOptOuts.optedOut, blocking, warnings, lines, outsideWindow };
}
