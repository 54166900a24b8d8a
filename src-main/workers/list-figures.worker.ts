/**
 * Worker thread: re-reads a saved list, checks it with the list engine and
 * renders and counts the campaign's message for every sendable recipient
 * (shared/campaigns/recipient-messages.ts), posting progress as it goes.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkListBytes } from '@shared/lists/check-list-bytes';
import { computeListFigures, type FiguresProgress } from '@shared/campaigns/recipient-messages';
import type { ListFigures } from '@shared/campaigns/composer-results';
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { FiguresWorkerInput } from '../campaigns/list-figures-job';
import { hostWorker } from './worker-host';

hostWorker<FiguresWorkerInput, FiguresProgress, ListFigures>(async ({ list, settings, progressEvery }, report) => {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(list.path);
  } catch {
    throw new UserFacingError(
      'list-unreadable',
      "La liste enregistrée n'a pas pu être relue (supprimée ou déplacée ?). Rouvrez-la dans « Listes » puis relancez le calcul.",
    );
  }
  const checked = checkListBytes(bytes, {
    fileName: basename(list.path),
    ...(list.mobileColumn === null ? {} : { mobileColumn: list.mobileColumn }),
  });
  return computeListFigures(checked.table, checked.checks, settings, report, progressEvery);
});
