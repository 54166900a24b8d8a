/**
 * campaigns:* and composer:* handlers: draft CRUD on disk, the per-recipient
 * preview (computed here, it is one row) and the whole-list figures (in a
 * worker thread, so a million-row list never blocks main or the window).
 */
import { randomBytes } from 'node:crypto';
import type { CampaignRequestChannels } from '@shared/ipc/channels/campaigns';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { previewRecipient, type FiguresProgress } from '@shared/campaigns/recipient-messages';
import type { ListFigures } from '@shared/campaigns/composer-results';
import type { CampaignDraft } from '@shared/campaigns/campaign-draft';
import type { PartialHandlerMap } from '../ipc/handler-map';
import type { MainDeps } from '../main-deps';
import { runWorker, WorkerJobError } from '../workers/run-worker';
import { locateWorker } from '../workers/worker-locator';
import { createCampaignStore, type CampaignStore } from './campaign-store';
import type { CampaignListAccess } from './campaign-list-access';
import type { FiguresWorkerInput } from './list-figures-job';

export interface CampaignHandlersOptions {
  store?: CampaignStore;
  lists: CampaignListAccess;
  /** Recipients between two progress events. */
  progressEvery?: number;
}

function noListError(draft: CampaignDraft): UserFacingError {
  return new UserFacingError(
    'campaign-no-list',
    `La campagne « ${draft.name} » n'a pas de liste de destinataires. Choisissez une liste dans ses réglages.`,
    { name: draft.name },
  );
}

function noSendableError(): UserFacingError {
  return new UserFacingError(
    'campaign-no-sendable',
    "La liste n'a aucun destinataire envoyable (numéros invalides ou colonne des mobiles non choisie). Corrigez la liste dans « Listes ».",
  );
}

export function createCampaignHandlers(
  deps: MainDeps,
  options: CampaignHandlersOptions,
): PartialHandlerMap<keyof CampaignRequestChannels> {
  const store = options.store ?? createCampaignStore(deps.dataDir, { log: deps.log });
  const { lists } = options;
  /** One figures job per campaign: a new request cancels the previous one. */
  const runningFigures = new Map<string, AbortController>();

  const announce = async () => deps.emit('campaigns:changed', await store.list());

  const draftWithList = async (campaignId: string) => {
    const draft = await store.get(campaignId);
    if (!draft.listId) throw noListError(draft);
    return { draft, listId: draft.listId };
  };

  return {
    'campaigns:list': () => store.list(),

    'campaigns:create': async (fields) => {
      const draft = await store.create(fields);
      await announce();
      return draft;
    },

    'campaigns:get': ({ id }) => store.get(id),

    'campaigns:update': async ({ id, patch }) => {
      const before = await store.get(id);
      const draft = await store.update(id, patch);
      // The drafts list shows name, list and kind: only announce when one of them changed.
      if (['name', 'listId', 'channel', 'type', 'provider'].some((key) => key in patch && draft[key as keyof CampaignDraft] !== before[key as keyof CampaignDraft])) {
        await announce();
      }
      return draft;
    },

    'campaigns:delete': async ({ id }) => {
      runningFigures.get(id)?.abort();
      await store.delete(id);
      await announce();
      return { deleted: true as const };
    },

    'composer:preview': async ({ campaignId, rowIndex }) => {
      const { draft, listId } = await draftWithList(campaignId);
      const { document, checks } = await lists.current(listId);
      const preview = previewRecipient(draft.id, document, checks, draft, rowIndex);
      if (!preview) throw noSendableError();
      return preview;
    },

    'composer:list-figures': async ({ campaignId }) => {
      const { draft, listId } = await draftWithList(campaignId);
      const saved = await lists.saved(listId);
      runningFigures.get(campaignId)?.abort();
      const controller = new AbortController();
      runningFigures.set(campaignId, controller);
      const token = `f${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
      const input: FiguresWorkerInput = {
        list: saved.ref,
        settings: {
          message: draft.message,
          defaultForHeader: draft.defaultForHeader,
          provider: draft.provider,
          maxSegments: draft.maxSegments,
          allowUcs2: draft.allowUcs2,
          replaceInFields: draft.replaceInFields,
        },
        progressEvery: options.progressEvery ?? 50_000,
      };
      runWorker<FiguresWorkerInput, FiguresProgress, ListFigures>(locateWorker('list-figures'), input, {
        signal: controller.signal,
        onProgress: ({ done, total }) => deps.emit('composer:figures-progress', { token, done, total }),
      })
        .then((figures) => deps.emit('composer:figures-ready', { token, figures }))
        .catch((error: unknown) => {
          if (error instanceof WorkerJobError && error.code === 'cancelled') return;
          deps.log(`Calcul des chiffres de la campagne ${campaignId} en échec`, error);
          deps.emit('composer:figures-failed', {
            token,
            error: {
              code: 'figures-failed',
              message:
                error instanceof WorkerJobError && error.code !== 'unexpected'
                  ? error.message
                  : "Le calcul sur toute la liste a échoué. Réessayez ; si l'erreur se répète, contactez le support avec le journal.",
            },
          });
        })
        .finally(() => {
          if (runningFigures.get(campaignId) === controller) runningFigures.delete(campaignId);
        });
      return { token, total: saved.sendable };
    },
  };
}
