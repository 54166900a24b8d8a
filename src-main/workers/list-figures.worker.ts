/**
 * Worker thread: re-reads a saved list with the list store, checks it with the
 * list engine, then renders and counts the campaign's message for every
 * sendable recipient (shared/campaigns/recipient-messages.ts), posting
 * progress as it goes.
 */
import { checkDocument } from '@shared/lists/check-list-bytes';
import { computeListFigures, type FiguresProgress } from '@shared/campaigns/recipient-messages';
import type { ListFigures } from '@shared/campaigns/composer-results';
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { FiguresWorkerInput } from '../campaigns/list-figures-job';
import { createListStore, type StoredList } from '../lists/list-store';
import { hostWorker } from './worker-host';

async function readSavedList(dataDir: string, listId: string): Promise<StoredList> {
  const store = createListStore(dataDir);
  // A save landing between reading meta.json and its data file removes that file: read again once.
  for (let attempt = 0; ; attempt++) {
    try {
      const stored = await store.load(listId);
      if (stored) return stored;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt > 0) throw error;
      continue;
    }
    throw new UserFacingError(
      'list-not-found',
      "La liste de cette campagne n'existe plus. Choisissez une autre liste dans les réglages de la campagne.",
    );
  }
}

hostWorker<FiguresWorkerInput, FiguresProgress, ListFigures>(async ({ list, settings, progressEvery }, report) => {
  const { document } = await readSavedList(list.dataDir, list.listId);
  const { checks } = checkDocument(document);
  return computeListFigures(document, checks, settings, report, progressEvery);
});
