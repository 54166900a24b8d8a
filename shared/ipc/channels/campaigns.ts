import type {
  CampaignDraft,
  CampaignDraftMeta,
  CampaignDraftPatch,
  CampaignDraftFields,
} from '../../campaigns/campaign-draft';
import type { FiguresJob, ListFigures, RecipientPreview } from '../../campaigns/composer-results';

export interface CampaignRequestChannels {
  'campaigns:list': (input: void) => CampaignDraftMeta[];
  'campaigns:create': (input: Partial<CampaignDraftFields> & { name: string }) => CampaignDraft;
  'campaigns:get': (input: { id: string }) => CampaignDraft;
  /** Partial patch; answers the saved draft. */
  'campaigns:update': (input: { id: string; patch: CampaignDraftPatch }) => CampaignDraft;
  'campaigns:delete': (input: { id: string }) => { deleted: true };
  /** The draft's message rendered for one sendable recipient (rowIndex among the sendable rows). */
  'composer:preview': (input: { campaignId: string; rowIndex: number }) => RecipientPreview;
  /** Starts the whole-list figures in a worker; progress and result come as events carrying the token. */
  'composer:list-figures': (input: { campaignId: string }) => FiguresJob;
}

export interface CampaignEventChannels {
  'campaigns:changed': CampaignDraftMeta[];
  'composer:figures-progress': { token: string; done: number; total: number };
  'composer:figures-ready': { token: string; figures: ListFigures };
  'composer:figures-failed': { token: string; error: { code: string; message: string } };
}

export const campaignRequestNames: Record<keyof CampaignRequestChannels, true> = {
  'campaigns:list': true,
  'campaigns:create': true,
  'campaigns:get': true,
  'campaigns:update': true,
  'campaigns:delete': true,
  'composer:preview': true,
  'composer:list-figures': true,
};
export const campaignEventNames: Record<keyof CampaignEventChannels, true> = {
  'campaigns:changed': true,
  'composer:figures-progress': true,
  'composer:figures-ready': true,
  'composer:figures-failed': true,
};
