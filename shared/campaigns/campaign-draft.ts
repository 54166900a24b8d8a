/**
 * A campaign draft: what the composer edits and what scheduling and the drop
 * (issue 4) later read. Pure types and rules, shared by main, renderer and CLI.
 */

export type CampaignChannel = 'sms' | 'vms';
export type CampaignType = 'marketing' | 'notification';
/** Where the campaign will be dropped: decides the sender rules, the STOP text and the 160 check. */
export type ProviderTarget = 'mediasflow-sftp' | 'allmysms-ftp' | 'allmysms-sftp';

export const campaignChannels: readonly CampaignChannel[] = ['sms', 'vms'];
export const campaignTypes: readonly CampaignType[] = ['marketing', 'notification'];
export const providerTargets: readonly ProviderTarget[] = ['mediasflow-sftp', 'allmysms-ftp', 'allmysms-sftp'];

/** Longest message the accounts we know accept (MediasFlow caps long SMS well below this). */
export const maxSegmentsLimit = 30;
export const defaultMaxSegments = 10;

export interface CampaignDraft {
  id: string;
  name: string;
  /** The saved list the campaign goes to; null until the user picks one. */
  listId: string | null;
  channel: CampaignChannel;
  type: CampaignType;
  provider: ProviderTarget;
  /** The BASIC template, `${FIELD}` naming the list's columns. */
  message: string;
  sender: string;
  /** Column → value used when a recipient's cell is empty (the provider's defaultForHeader). */
  defaultForHeader: Record<string, string>;
  /** MediasFlow's allowUCS2: when false the provider forces GSM-7 (autoREPLACETOGSM7). */
  allowUcs2: boolean;
  /** The account's longest message in segments (1 for single-SMS accounts). */
  maxSegments: number;
  /** IDMEDIAFLOW: the template campaign whose text a MediasFlow file drop sends ('' until typed). */
  templateId: string;
  /**
   * The provider-safe name written in the file name (IDCAMPAGNE, AllMySMS
   * name); '' = derived from the campaign's name. The campaign's own name is
   * never rewritten.
   */
  fileName: string;
  /** Replace the characters outside GSM-7 in the list's values too (at rendering), so an accent in a first name does not cost more SMS. */
  replaceInFields: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the user can change; id and timestamps belong to the store. */
export type CampaignDraftFields = Omit<CampaignDraft, 'id' | 'createdAt' | 'updatedAt'>;
export type CampaignDraftPatch = Partial<CampaignDraftFields>;

/** One line of the drafts list. */
export interface CampaignDraftMeta {
  id: string;
  name: string;
  listId: string | null;
  channel: CampaignChannel;
  type: CampaignType;
  provider: ProviderTarget;
  updatedAt: string;
}

export function defaultDraftFields(name: string): CampaignDraftFields {
  return {
    name,
    listId: null,
    channel: 'sms',
    type: 'marketing',
    provider: 'mediasflow-sftp',
    message: '',
    sender: '',
    defaultForHeader: {},
    allowUcs2: true,
    maxSegments: defaultMaxSegments,
    templateId: '',
    fileName: '',
    replaceInFields: false,
  };
}

/** Builds a new draft from the user's fields (pure: id and clock are given). */
export function createDraft(id: string, now: string, fields: Partial<CampaignDraftFields> & { name: string }): CampaignDraft {
  return { ...defaultDraftFields(fields.name), ...fields, id, createdAt: now, updatedAt: now };
}

/** Applies a validated patch; an empty patch leaves the draft (and its updatedAt) untouched. */
export function applyDraftPatch(draft: CampaignDraft, patch: CampaignDraftPatch, now: string): CampaignDraft {
  const changed = (Object.keys(patch) as (keyof CampaignDraftPatch)[]).some(
    (key) => patch[key] !== undefined && JSON.stringify(patch[key]) !== JSON.stringify(draft[key]),
  );
  if (!changed) return draft;
  const next: CampaignDraft = { ...draft };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  next.updatedAt = now;
  return next;
}

export function toDraftMeta(draft: CampaignDraft): CampaignDraftMeta {
  const { id, name, listId, channel, type, provider, updatedAt } = draft;
  return { id, name, listId, channel, type, provider, updatedAt };
}

/** Most recently edited first. */
export function sortDraftMetas(metas: CampaignDraftMeta[]): CampaignDraftMeta[] {
  return [...metas].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.name.localeCompare(b.name));
}
