/** What main hands the list-figures worker: where the saved list is, and the draft's message settings. */
import type { MessageSettings } from '@shared/campaigns/recipient-messages';
import type { SavedListRef } from './campaign-list-access';

export interface FiguresWorkerInput {
  list: SavedListRef;
  settings: MessageSettings;
  progressEvery: number;
}
