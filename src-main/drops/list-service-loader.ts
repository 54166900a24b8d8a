/**
 * The list a drop reads in the app: the list service's in-memory document,
 * the one the list screen shows, with its pending edits (saved with a delay)
 * written to disk first. Reading the saved file instead could send a row the
 * user deleted a moment before "Envoyer".
 */
import type { ListService } from '../lists/list-service';
import type { LoadedList, PrepareDropDeps } from './prepare-drop';

export function listServiceLoader(service: Pick<ListService, 'flushOne' | 'snapshot' | 'open'>): NonNullable<PrepareDropDeps['lists']> {
  return {
    async load(listId): Promise<LoadedList> {
      await service.flushOne(listId);
      const { name } = await service.open(listId);
      const { document, checks, summary } = await service.snapshot(listId);
      return { name, document, checks, summary };
    },
  };
}
