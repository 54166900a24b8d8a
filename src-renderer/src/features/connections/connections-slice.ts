/**
 * Saved connections in the renderer: the list (pushed again by main on every
 * change), "Tester la connexion" results per connection, SSH host-key pinning
 * and the connection a send uses by default.
 */
import type { StateCreator } from 'zustand';
import type { ConnectionSaveInput, ConnectionSaveResult, ConnectionTestView, ConnectionView } from '@shared/ipc/channels/connections';
import type { IpcError } from '@shared/ipc/ipc-result';
import type { ApiClient } from '../../bridge/api-client';
import { toIpcError } from '../../i18n/describe-error';
import type { DropdeskState } from '../../store/dropdesk-store';
import { sortConnections, toSaveInput, type ConnectionFormState } from './connection-form';

export type ConnectionCheck =
  | { status: 'testing' }
  | { status: 'tested'; result: ConnectionTestView }
  /** No password is available on this computer: the screen asks for it. */
  | { status: 'password-required'; error: IpcError }
  | { status: 'error'; error: IpcError };

export interface ConnectionsSlice {
  connections: ConnectionView[];
  connectionsLoaded: boolean;
  connectionChecks: Record<string, ConnectionCheck>;
  /** What happened to the password at the last save of each connection ('session-only': encryption unavailable). */
  passwordOutcomes: Record<string, ConnectionSaveResult['password']>;
  /** The connection the user last chose for a send (this session). */
  preferredConnectionId: string | null;

  loadConnections(): Promise<void>;
  setConnections(connections: ConnectionView[]): void;
  /** Saves the form; returns the saved connection, or null when main refused (notice shown). */
  saveConnection(form: ConnectionFormState): Promise<ConnectionView | null>;
  /** Saves what a form built (the mail-to-SMS form: nested `mail` fields); same outcome as saveConnection. */
  saveConnectionInput(input: ConnectionSaveInput): Promise<ConnectionView | null>;
  deleteConnection(id: string): Promise<void>;
  testConnection(id: string, password?: string): Promise<ConnectionCheck>;
  /** Pins the fingerprint the user confirmed, then tests again. */
  pinHostKey(id: string, fingerprint: string): Promise<void>;
  clearConnectionCheck(id: string): void;
  /** Microsoft 365 mail connections: the browser sign-in (main waits for it); the connection after, or null (notice shown). */
  signInMicrosoft(id: string): Promise<ConnectionView | null>;
  /** « Se déconnecter »: forgets the tokens. */
  signOutMicrosoft(id: string): Promise<ConnectionView | null>;
  setPreferredConnection(id: string): void;
}

export function createConnectionsSlice(client: ApiClient): StateCreator<DropdeskState, [], [], ConnectionsSlice> {
  return (set, get) => {
    const setCheck = (id: string, check: ConnectionCheck) => set({ connectionChecks: { ...get().connectionChecks, [id]: check } });

    return {
      connections: [],
      connectionsLoaded: false,
      connectionChecks: {},
      passwordOutcomes: {},
      preferredConnectionId: null,

      async loadConnections() {
        try {
          set({ connections: sortConnections(await client.call('connections:list', undefined)), connectionsLoaded: true });
        } catch (error) {
          set({ connectionsLoaded: true });
          get().notifyError(error);
        }
      },

      setConnections(connections) {
        set({ connections: sortConnections(connections), connectionsLoaded: true });
      },

      saveConnection(form) {
        return get().saveConnectionInput(toSaveInput(form));
      },

      async saveConnectionInput(input) {
        try {
          const saved = await client.call('connections:save', input);
          const { connection } = saved;
          const others = get().connections.filter((existing) => existing.id !== connection.id);
          const { [connection.id]: _previousCheck, ...checks } = get().connectionChecks;
          set({
            connections: sortConnections([...others, connection]),
            passwordOutcomes: { ...get().passwordOutcomes, [connection.id]: saved.password },
            // Address or credentials may have changed: an old test result no longer says anything.
            connectionChecks: checks,
          });
          return connection;
        } catch (error) {
          get().notifyError(error);
          return null;
        }
      },

      async deleteConnection(id) {
        try {
          await client.call('connections:delete', { id });
          const { [id]: _check, ...checks } = get().connectionChecks;
          set({
            connections: get().connections.filter((connection) => connection.id !== id),
            connectionChecks: checks,
            preferredConnectionId: get().preferredConnectionId === id ? null : get().preferredConnectionId,
          });
        } catch (error) {
          get().notifyError(error);
        }
      },

      async testConnection(id, password) {
        setCheck(id, { status: 'testing' });
        let check: ConnectionCheck;
        try {
          const result = await client.call('connections:test', password ? { id, password } : { id });
          check = { status: 'tested', result };
        } catch (error) {
          const ipcError = toIpcError(error);
          check = ipcError.code === 'password-required' ? { status: 'password-required', error: ipcError } : { status: 'error', error: ipcError };
        }
        setCheck(id, check);
        // A typed password may now be kept for the session: refresh where it comes from.
        if (password) void get().loadConnections();
        // Microsoft refused to renew a sign-in: the card and the form must now say « Reconnectez-vous à Microsoft 365 ».
        if (check.status === 'error' && check.error.code === 'oauth-sign-in-required') void get().loadConnections();
        return check;
      },

      async pinHostKey(id, fingerprint) {
        try {
          const pinned = await client.call('connections:pin-host-key', { id, fingerprint });
          set({ connections: sortConnections(get().connections.map((connection) => (connection.id === id ? pinned : connection))) });
        } catch (error) {
          get().notifyError(error);
          return;
        }
        await get().testConnection(id);
      },

      async signInMicrosoft(id) {
        try {
          const connection = await client.call('connections:oauth-sign-in', { id });
          set({ connections: sortConnections(get().connections.map((existing) => (existing.id === id ? connection : existing))) });
          return connection;
        } catch (error) {
          get().notifyError(error);
          return null;
        }
      },

      async signOutMicrosoft(id) {
        try {
          const connection = await client.call('connections:oauth-sign-out', { id });
          set({ connections: sortConnections(get().connections.map((existing) => (existing.id === id ? connection : existing))) });
          return connection;
        } catch (error) {
          get().notifyError(error);
          return null;
        }
      },

      clearConnectionCheck(id) {
        const { [id]: _check, ...checks } = get().connectionChecks;
        set({ connectionChecks: checks });
      },

      setPreferredConnection(id) {
        set({ preferredConnectionId: id });
      },
    };
  };
}

/** Forwards main's connection events into the store; returns the unsubscribe. */
export function connectConnectionEvents(store: { getState(): ConnectionsSlice }, client: ApiClient): () => void {
  return client.subscribe('connections:changed', (connections) => store.getState().setConnections(connections));
}
