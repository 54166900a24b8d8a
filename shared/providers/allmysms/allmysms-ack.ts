/**
 * AllMySMS processing (API §4.3): a '.csv' in SEND_SMS moves to PROCESSING,
 * then to ARCHIVES as 'TreatedByMSI_<name>' (done) or to INVALIDS as
 * 'TreatedByMSI_<Reason>_<name>' (refused). The spec writes the reason both
 * 'Incorrect FileName' and 'Incorrect_FileName': both are read. A reason we
 * do not know is shown verbatim. AllMySMS gives no campaign number.
 */
import frCampaigns from '../../i18n/fr/campaigns.json';
import { fillTemplate, type AckResult } from '../ack-result';

export const allmysmsFolders = {
  send: 'SEND_SMS',
  processing: 'PROCESSING',
  archives: 'ARCHIVES',
  invalids: 'INVALIDS',
} as const;

export type AllmysmsFolderKind = keyof typeof allmysmsFolders;

export const treatedPrefix = 'TreatedByMSI_';

export const allmysmsReasons = ['Not_enough_credits', 'Empty_File', 'Incorrect_FileName', 'No_valid_TPOA'] as const;
export type AllmysmsReason = (typeof allmysmsReasons)[number];

/** The documented reason a raw reason stands for ('Incorrect FileName' → 'Incorrect_FileName'), or null. */
export function normalizeAllmysmsReason(raw: string): AllmysmsReason | null {
  const key = raw.trim().replace(/[\s_]+/g, '_').toLowerCase();
  return allmysmsReasons.find((reason) => reason.toLowerCase() === key) ?? null;
}

export interface TreatedName {
  /** Raw reason between the prefix and the drop's name ('' in ARCHIVES). */
  reason: string;
  /** The drop's own name as it was in SEND_SMS. */
  remoteName: string;
}

/**
 * Splits 'TreatedByMSI_[<Reason>_]<name>' for the drop whose IDDELIVERY is
 * given. The drop's name has no '_' in its Name field, so the name starts at
 * the '_'-separated field that holds IDDELIVERY; everything before it (after
 * the prefix) is the reason, whatever '_' or spaces it holds.
 */
export function parseTreatedName(fileName: string, idDelivery: string): TreatedName | null {
  if (!fileName.toLowerCase().startsWith(treatedPrefix.toLowerCase())) return null;
  const rest = fileName.slice(treatedPrefix.length);
  const fields = rest.split('_');
  const at = fields.findIndex((field) => field.toUpperCase().includes(idDelivery.toUpperCase()));
  if (at === -1) return null;
  return { reason: fields.slice(0, at).join('_'), remoteName: fields.slice(at).join('_') };
}

/** Plain-French problem and action for a raw reason (documented or not). */
export function describeAllmysmsReason(raw: string): { code: string; problem: string; action: string; detail?: string } {
  const reason = normalizeAllmysmsReason(raw);
  if (reason) return { code: reason, ...frCampaigns.allmysmsAck.reasons[reason] };
  const detail = raw.trim() || '(sans raison)';
  const unknown = frCampaigns.allmysmsAck.unknownReason;
  return { code: raw.trim() || 'unknown', problem: fillTemplate(unknown.problem, { detail }), action: unknown.action, detail };
}

/**
 * The answer an entry of ARCHIVES or INVALIDS gives about the drop with this
 * IDDELIVERY; null when the entry is about another drop. A file in INVALIDS
 * is a rejection even without a readable reason.
 */
export function interpretAllmysmsAck(folder: 'archives' | 'invalids', fileName: string, idDelivery: string): AckResult | null {
  const treated = parseTreatedName(fileName, idDelivery);
  if (!treated) return null;
  if (folder === 'archives') return { kind: 'accepted', campaignId: null };
  const { code, problem, action, detail } = describeAllmysmsReason(treated.reason);
  return { kind: 'rejected', code, message: problem, action, ...(detail !== undefined ? { detail } : {}) };
}
