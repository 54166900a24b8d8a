/** The auto-update prompt's state: what main says about the update, and the user's "install" choice. */
import type { StateCreator } from 'zustand';
import type { UpdateStatus } from '@shared/updates/update-decision';
import type { ApiClient } from '../../bridge/api-client';
import type { DropdeskState } from '../../store/dropdesk-store';

export interface UpdatesSlice {
  update: UpdateStatus;
  /** The user closed the prompt for this version ("Plus tard"). */
  updateDismissed: string | null;
  loadUpdateStatus(): Promise<void>;
  installUpdate(): Promise<void>;
  dismissUpdate(): void;
  updateChanged(status: UpdateStatus): void;
}

export function createUpdatesSlice(client: ApiClient): StateCreator<DropdeskState, [], [], UpdatesSlice> {
  return (set, get) => ({
    update: { state: 'off' },
    updateDismissed: null,
    async loadUpdateStatus() {
      try {
        set({ update: await client.call('update:status', undefined) });
      } catch {
        // An app without the updater simply shows no prompt.
      }
    },
    async installUpdate() {
      try {
        set({ update: await client.call('update:install', undefined) });
      } catch (error) {
        get().notifyError(error);
      }
    },
    dismissUpdate() {
      const { update } = get();
      if (update.state === 'ready') set({ updateDismissed: update.version });
    },
    updateChanged(status) {
      set({ update: status });
    },
  });
}

export function connectUpdateEvents(store: { getState(): UpdatesSlice }, client: ApiClient): () => void {
  void store.getState().loadUpdateStatus();
  return client.subscribe('update:changed', (status) => store.getState().updateChanged(status));
}
