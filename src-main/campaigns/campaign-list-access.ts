/**
 * What the campaign handlers need from the list service: the list as it
 * stands (for one recipient's preview) and where its saved copy is (for the
 * worker, which re-reads it off the main thread).
 */
import type { ListChecks } from '@shared/lists/check-rows';
import type { ListDocument } from '@shared/lists/list-document';

/** A saved list the worker can re-read on its own: a CSV file with a header line, and the mobile column. */
export interface SavedListRef {
  path: string;
  /** Column holding the numbers, by name; null when the user has not chosen one (nothing is sendable). */
  mobileColumn: string | null;
}

export interface CampaignListAccess {
  /** The list's table and checks now (the throw names the list when it no longer exists). */
  current(listId: string): Promise<{ document: ListDocument; checks: ListChecks }>;
  /** Waits until every pending change of the list is on disk, then says where it is. */
  saved(listId: string): Promise<{ ref: SavedListRef; sendable: number }>;
}
