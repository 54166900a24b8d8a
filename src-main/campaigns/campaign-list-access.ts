/**
 * What the campaign handlers need from the list service: the list as it
 * stands (for one recipient's preview) and a saved copy the worker can re-read
 * off the main thread.
 */
import type { ListChecks } from '@shared/lists/check-rows';
import type { ListDocument } from '@shared/lists/list-document';
import type { ListService } from '../lists/list-service';

/** Where the worker re-reads a saved list: the list store of this data folder. */
export interface SavedListRef {
  dataDir: string;
  listId: string;
}

export interface CampaignListAccess {
  /** The list's table and checks now (the throw names the list when it no longer exists). */
  current(listId: string): Promise<{ document: ListDocument; checks: ListChecks }>;
  /** Waits until every pending change of the list is on disk, then says where it is. */
  saved(listId: string): Promise<{ ref: SavedListRef; sendable: number }>;
}

export function listAccessFromService(service: ListService, dataDir: string): CampaignListAccess {
  return {
    async current(listId) {
      const { document, checks } = await service.snapshot(listId);
      return { document, checks };
    },
    async saved(listId) {
      await service.flushOne(listId);
      const { summary } = await service.snapshot(listId);
      return { ref: { dataDir, listId }, sendable: summary.sendable };
    },
  };
}
