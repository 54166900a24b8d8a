/**
 * One rule for what a report row's status code means, whoever wrote it: a
 * MediasFlow report (STATUS_CODE of the guide's §6 table, per channel) or an
 * iSendPro notification (the annex's codes, isendpro-codes.ts). Both land in
 * the same categories, with a plain-French label, a colour and the catalogue
 * key the screens translate it with, so the charts, the code table and the
 * recipient drill-down read iSendPro campaigns like MediasFlow's.
 */
import { ISENDPRO_NOTIFICATION_CODES, isendproCodeInfo } from '../providers/isendpro/isendpro-codes';
import { CATEGORY_COLOURS, categoryOfCode, codeColour, statusCodeInfo, type ReportCategory, type ReportChannel } from './status-codes';

/** Whose codes a report holds. */
export type ReportCodeSystem = 'mediasflow' | 'isendpro';

export function reportCodeSystemOf(providerId: string): ReportCodeSystem {
  return providerId === 'isendpro-mail' ? 'isendpro' : 'mediasflow';
}

export interface RecipientStatus {
  /** The code as a number; null when the cell is empty or not a number. */
  code: number | null;
  /** Plain French (the spec's or the annex's words). */
  label: string;
  category: ReportCategory;
  /** The code is in the provider's table. */
  known: boolean;
  /** The catalogue key of the label (shared/i18n/<lang>/reports.json), the French label being its default. */
  labelKey: string;
  colour: string;
}

const isendproKnown = new Set(ISENDPRO_NOTIFICATION_CODES.map((entry) => entry.code));

/** The label of an iSendPro recipient whose notification has not come yet (an empty STATUS_CODE). */
export const ISENDPRO_PENDING_LABEL = 'En attente de la notification d’iSendPro';

export function recipientStatus(system: ReportCodeSystem, channel: ReportChannel, rawCode: string): RecipientStatus {
  const raw = rawCode.trim();
  const code = /^\d{1,10}$/.test(raw) ? Number(raw) : null;
  if (system === 'isendpro') {
    if (raw === '') return { code: null, label: ISENDPRO_PENDING_LABEL, category: 'inProgress', known: true, labelKey: 'codes.isendpro.pending', colour: CATEGORY_COLOURS.inProgress.hex };
    const known = code !== null && isendproKnown.has(code);
    const info = isendproCodeInfo(code ?? -1);
    const category = known ? info.category : 'other';
    return { code, label: known ? info.label : '', category, known, labelKey: `codes.isendpro.${raw}`, colour: CATEGORY_COLOURS[category].hex };
  }
  const info = code !== null ? statusCodeInfo(channel, code) : undefined;
  return {
    code,
    label: info?.label ?? '',
    category: code !== null ? categoryOfCode(channel, code) : 'other',
    known: info !== undefined,
    labelKey: `codes.${channel}.${raw}`,
    colour: code !== null ? codeColour(channel, code) : CATEGORY_COLOURS.other.hex,
  };
}
