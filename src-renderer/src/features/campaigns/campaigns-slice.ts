/**
 * Campaign drafts in the renderer: the drafts list, the draft being edited
 * (edited locally at once, saved to main debounced), the per-recipient preview
 * and the whole-list figures computed by main's worker.
 */
import type { StateCreator } from 'zustand';
import type { CampaignDraft, CampaignDraftMeta, CampaignDraftPatch } from '@shared/campaigns/campaign-draft';
import type { ListFigures, RecipientPreview } from '@shared/campaigns/composer-results';
import type { IpcError } from '@shared/ipc/ipc-result';
import type { ListView } from '@shared/lists/list-types';
import type { ApiClient } from '../../bridge/api-client';
import { toIpcError } from '../../i18n/describe-error';
import type { DropdeskState } from '../../store/dropdesk-store';

/** Quiet time after the last keystroke before the draft is written. */
export const AUTOSAVE_DELAY_MS = 500;

export type DraftSaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface RecipientPreviewState {
  rowIndex: number;
  result: RecipientPreview | null;
  loading: boolean;
  error: IpcError | null;
}

export interface ListFiguresState {
  token: string | null;
  running: boolean;
  done: number;
  total: number;
  result: ListFigures | null;
  /** The draft changed since these figures were computed. */
  stale: boolean;
  error: IpcError | null;
}

export interface CampaignsSlice {
  campaigns: CampaignDraftMeta[];
  draft: CampaignDraft | null;
  /** The draft's list (columns, summary), null when none is picked. */
  draftList: ListView | null;
  draftSave: DraftSaveState;
  recipientPreview: RecipientPreviewState;
  listFigures: ListFiguresState;

  loadCampaigns(): Promise<void>;
  setCampaigns(campaigns: CampaignDraftMeta[]): void;
  /** New draft on `listId` (the list just imported), or on the first list. */
  createCampaign(name: string, listId?: string): Promise<void>;
  openCampaign(id: string): Promise<void>;
  /** "Dupliquer": a new draft with the open campaign's settings and message, opened. */
  duplicateCampaign(name: string): Promise<void>;
  closeCampaign(): Promise<void>;
  deleteCampaign(id: string): Promise<void>;
  /** Applies the change at once and schedules the save. */
  editDraft(patch: CampaignDraftPatch): void;
  /** Writes any pending change now (before a preview, when leaving). */
  flushDraft(): Promise<void>;
  showRecipient(rowIndex: number): Promise<void>;
  computeListFigures(): Promise<void>;
  figuresProgress(event: { token: string; done: number; total: number }): void;
  figuresReady(event: { token: string; figures: ListFigures }): void;
  figuresFailed(event: { token: string; error: IpcError }): void;
}

const idlePreview: RecipientPreviewState = { rowIndex: 0, result: null, loading: false, error: null };
const idleFigures: ListFiguresState = {
  token: null,
  running: false,
  done: 0,
  total: 0,
  result: null,
  stale: false,
  error: null,
};

/** Changes that alter what recipients receive (and so the preview and the figures). */
const messageAffectingKeys: (keyof CampaignDraftPatch)[] = [
  'message',
  'listId',
  'defaultForHeader',
  'provider',
  'maxSegments',
  'allowUcs2',
  'channel',
  'replaceInFields',
];

export function createCampaignsSlice(client: ApiClient): StateCreator<DropdeskState, [], [], CampaignsSlice> {
  let pendingPatch: CampaignDraftPatch = {};
  /** An edit since the last save changed what recipients receive: refresh the preview after saving. */
  let previewOutdated = false;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();

  return (set, get) => {
    const loadDraftList = async (listId: string | null) => {
      if (!listId) {
        set({ draftList: null });
        return;
      }
      try {
        const view = await client.call('lists:open', { id: listId });
        if (get().draft?.listId === listId) set({ draftList: view });
      } catch (error) {
        set({ draftList: null });
        get().notifyError(error);
      }
    };

    const writePending = async () => {
      const draft = get().draft;
      const patch = pendingPatch;
      pendingPatch = {};
      if (!draft || Object.keys(patch).length === 0) return;
      set({ draftSave: 'saving' });
      try {
        const saved = await client.call('campaigns:update', { id: draft.id, patch });
        // Keep what the user typed meanwhile; take the stored timestamps.
        const current = get().draft;
        if (current?.id === saved.id) {
          set({ draft: { ...current, updatedAt: saved.updatedAt }, draftSave: Object.keys(pendingPatch).length ? 'pending' : 'saved' });
        }
      } catch (error) {
        // Put the patch back so the next attempt saves it.
        pendingPatch = { ...patch, ...pendingPatch };
        set({ draftSave: 'error' });
        get().notifyError(error);
      }
    };

    const flush = () => {
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveTimer = null;
      }
      saving = saving.then(writePending);
      return saving;
    };

    const saveThenRefresh = async () => {
      const refresh = previewOutdated;
      previewOutdated = false;
      await flush();
      const { recipientPreview } = get();
      if (refresh && (recipientPreview.result || recipientPreview.loading)) await get().showRecipient(recipientPreview.rowIndex);
      // The whole-list figures follow the message by themselves (debounced by the autosave, computed in main's worker).
      if (refresh && get().draft?.listId) await get().computeListFigures();
    };

    return {
      campaigns: [],
      draft: null,
      draftList: null,
      draftSave: 'saved',
      recipientPreview: idlePreview,
      listFigures: idleFigures,

      async loadCampaigns() {
        try {
          set({ campaigns: await client.call('campaigns:list', undefined) });
        } catch (error) {
          get().notifyError(error);
        }
      },

      setCampaigns(campaigns) {
        set({ campaigns });
      },

      async createCampaign(name, listId) {
        try {
          const chosenList = listId ?? get().lists[0]?.id ?? null;
          const draft = await client.call('campaigns:create', { name, listId: chosenList });
          await get().loadCampaigns();
          await get().openCampaign(draft.id);
        } catch (error) {
          get().notifyError(error);
        }
      },

      async duplicateCampaign(name) {
        const draft = get().draft;
        if (!draft) return;
        await flush();
        try {
          const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = draft;
          const copy = await client.call('campaigns:create', { ...fields, name });
          await get().loadCampaigns();
          await get().openCampaign(copy.id);
        } catch (error) {
          get().notifyError(error);
        }
      },

      async openCampaign(id) {
        await flush();
        try {
          const draft = await client.call('campaigns:get', { id });
          set({ draft, draftSave: 'saved', recipientPreview: idlePreview, listFigures: idleFigures, draftList: null });
          await loadDraftList(draft.listId);
          if (draft.listId) {
            await get().showRecipient(0);
            void get().computeListFigures();
          }
        } catch (error) {
          get().notifyError(error);
        }
      },

      async closeCampaign() {
        await flush();
        set({ draft: null, draftList: null, recipientPreview: idlePreview, listFigures: idleFigures });
        await get().loadCampaigns();
      },

      async deleteCampaign(id) {
        try {
          if (get().draft?.id === id) {
            if (saveTimer) clearTimeout(saveTimer);
            saveTimer = null;
            pendingPatch = {};
            set({ draft: null, draftList: null, recipientPreview: idlePreview, listFigures: idleFigures });
          }
          await client.call('campaigns:delete', { id });
          await get().loadCampaigns();
        } catch (error) {
          get().notifyError(error);
        }
      },

      editDraft(patch) {
        const draft = get().draft;
        if (!draft) return;
        pendingPatch = { ...pendingPatch, ...patch };
        const affectsMessages = messageAffectingKeys.some((key) => key in patch);
        if (affectsMessages) previewOutdated = true;
        set({
          draft: { ...draft, ...patch },
          draftSave: 'pending',
          ...(affectsMessages && get().listFigures.result ? { listFigures: { ...get().listFigures, stale: true } } : {}),
        });
        if ('listId' in patch && patch.listId !== draft.listId) {
          set({ recipientPreview: idlePreview, listFigures: idleFigures });
          void loadDraftList(patch.listId ?? null)
            .then(() => flush())
            .then(async () => {
              if (get().draft?.listId) await get().showRecipient(0);
            });
        }
        if (saveTimer) clearTimeout(saveTimer);
        saveTimer = setTimeout(() => {
          saveTimer = null;
          void saveThenRefresh();
        }, AUTOSAVE_DELAY_MS);
      },

      flushDraft: flush,

      async showRecipient(rowIndex) {
        const draft = get().draft;
        if (!draft?.listId) return;
        set({ recipientPreview: { ...get().recipientPreview, rowIndex, loading: true, error: null } });
        await flush();
        try {
          const result = await client.call('composer:preview', { campaignId: draft.id, rowIndex: Math.max(0, rowIndex) });
          if (get().draft?.id !== draft.id || get().recipientPreview.rowIndex !== rowIndex) return;
          set({ recipientPreview: { rowIndex: result.rowIndex, result, loading: false, error: null } });
        } catch (error) {
          if (get().recipientPreview.rowIndex !== rowIndex) return;
          set({ recipientPreview: { rowIndex, result: null, loading: false, error: toIpcError(error) } });
        }
      },

      async computeListFigures() {
        const draft = get().draft;
        if (!draft?.listId) return;
        await flush();
        set({ listFigures: { ...idleFigures, running: true, result: get().listFigures.result, stale: true } });
        try {
          const job = await client.call('composer:list-figures', { campaignId: draft.id });
          const current = get().listFigures;
          // The ready event may arrive before this answer: keep its result.
          if (current.token === job.token) return;
          // A ready event of an earlier computation was taken meanwhile: this one is still running.
          if (!current.running && current.token !== null) {
            set({ listFigures: { ...current, running: true, stale: true, token: job.token, total: job.total, done: 0 } });
            return;
          }
          set({ listFigures: { ...current, token: job.token, total: job.total } });
        } catch (error) {
          set({ listFigures: { ...get().listFigures, running: false, error: toIpcError(error) } });
        }
      },

      figuresProgress({ token, done, total }) {
        const current = get().listFigures;
        if (current.token !== null && current.token !== token) return;
        if (!current.running) return;
        set({ listFigures: { ...current, token, done, total } });
      },

      figuresReady({ token, figures }) {
        const current = get().listFigures;
        if (current.token !== null && current.token !== token) return;
        if (!current.running) return;
        set({
          listFigures: { token, running: false, done: figures.recipients, total: figures.recipients, result: figures, stale: false, error: null },
        });
      },

      figuresFailed({ token, error }) {
        const current = get().listFigures;
        if (current.token !== null && current.token !== token) return;
        set({ listFigures: { ...current, token, running: false, error } });
      },
    };
  };
}

/** Forwards main's campaign events into the store; returns the unsubscribe. */
export function connectCampaignEvents(
  store: { getState(): CampaignsSlice },
  client: ApiClient,
): () => void {
  const offs = [
    client.subscribe('campaigns:changed', (metas) => store.getState().setCampaigns(metas)),
    client.subscribe('composer:figures-progress', (event) => store.getState().figuresProgress(event)),
    client.subscribe('composer:figures-ready', (event) => store.getState().figuresReady(event)),
    client.subscribe('composer:figures-failed', (event) => store.getState().figuresFailed(event)),
  ];
  return () => offs.forEach((off) => off());
}
