/**
 * "Programmer et envoyer" on a campaign draft: the schedule form, the
 * summary main prepares ("Résumé de la campagne"), then the drop queued.
 */
import type { StateCreator } from 'zustand';
import type { DropSummary } from '@shared/ipc/channels/queue';
import type { IpcError } from '@shared/ipc/ipc-result';
import type { ApiClient } from '../../bridge/api-client';
import { toIpcError } from '../../i18n/describe-error';
import { formatSpokenDateTime } from '../../i18n/format';
import type { DropdeskState } from '../../store/dropdesk-store';
import { pickDefaultConnection } from '../connections/connection-form';
import { demoTemplateFor, initialSendForm, toDropRequest, type SendForm } from './send-form';

export type SendStep = 'schedule' | 'summary';

export interface SendingSlice {
  /** null: the campaign editor shows the composer. */
  sendStep: SendStep | null;
  sendForm: SendForm;
  sendSummary: DropSummary | null;
  sendBusy: 'preparing' | 'submitting' | null;
  sendError: IpcError | null;

  openSend(): Promise<void>;
  closeSend(): void;
  updateSendForm(patch: Partial<SendForm>): void;
  /** Picks the connection and aligns the draft's provider with it (sender rules, STOP text). */
  chooseSendConnection(id: string): void;
  /** Asks main for the summary and shows it. */
  prepareSend(): Promise<void>;
  backToSchedule(): void;
  /** "Envoyer" / "Programmer": queues the drop and opens "Envois" on it. */
  submitSend(): Promise<void>;
}

export function createSendingSlice(client: ApiClient): StateCreator<DropdeskState, [], [], SendingSlice> {
  // The template number typed per draft, kept for this session.
  const templatesByDraft = new Map<string, string>();

  return (set, get) => {
    const selectedConnection = () => get().connections.find((connection) => connection.id === get().sendForm.connectionId) ?? null;

    const templateFor = (connectionId: string | null): string => {
      const { draft, connections } = get();
      if (!draft) return '';
      if (draft.templateId) return draft.templateId;
      const remembered = templatesByDraft.get(draft.id);
      if (remembered) return remembered;
      const connection = connections.find((candidate) => candidate.id === connectionId);
      return connection?.demo && connection.profile === 'mediasflow-sftp' ? demoTemplateFor(draft.channel) : '';
    };

    return {
      sendStep: null,
      sendForm: initialSendForm(null, new Date()),
      sendSummary: null,
      sendBusy: null,
      sendError: null,

      async openSend() {
        const draft = get().draft;
        if (!draft) return;
        await get().flushDraft();
        if (!get().connectionsLoaded) await get().loadConnections();
        const connectionId = pickDefaultConnection(get().connections, draft.provider, get().preferredConnectionId);
        set({ sendStep: 'schedule', sendSummary: null, sendError: null, sendForm: initialSendForm(connectionId, new Date(), templateFor(connectionId)) });
        if (connectionId) get().chooseSendConnection(connectionId);
      },

      closeSend() {
        set({ sendStep: null, sendSummary: null, sendError: null, sendBusy: null });
      },

      updateSendForm(patch) {
        const draft = get().draft;
        if (draft && patch.templateId !== undefined) {
          templatesByDraft.set(draft.id, patch.templateId);
          // The template number belongs to the campaign: the composer asks for it first.
          if (draft.provider === 'mediasflow-sftp' && patch.templateId.trim() !== draft.templateId) get().editDraft({ templateId: patch.templateId.trim() });
        }
        set({ sendForm: { ...get().sendForm, ...patch }, sendError: null });
      },

      chooseSendConnection(id) {
        const connection = get().connections.find((candidate) => candidate.id === id);
        const draft = get().draft;
        if (!connection || !draft) return;
        const form = get().sendForm;
        const templateId = form.templateId || templateFor(id);
        set({ sendForm: { ...form, connectionId: id, templateId }, sendError: null });
        get().setPreferredConnection(id);
        if (connection.profile !== 'isendpro-mail' && draft.provider !== connection.profile) get().editDraft({ provider: connection.profile });
        // AllMySMS takes no voice messages.
        if (connection.profile !== 'mediasflow-sftp' && draft.channel === 'vms') get().editDraft({ channel: 'sms' });
      },

      async prepareSend() {
        const draft = get().draft;
        const connection = selectedConnection();
        if (!draft || !connection) return;
        set({ sendBusy: 'preparing', sendError: null });
        try {
          await get().flushDraft();
          const summary = await client.call('drops:prepare', toDropRequest(get().sendForm, get().draft ?? draft, connection, new Date()));
          set({ sendSummary: summary, sendStep: 'summary' });
        } catch (error) {
          set({ sendError: toIpcError(error) });
        } finally {
          set({ sendBusy: null });
        }
      },

      backToSchedule() {
        set({ sendStep: 'schedule', sendSummary: null, sendError: null });
      },

      async submitSend() {
        const draft = get().draft;
        const connection = selectedConnection();
        if (!draft || !connection) return;
        set({ sendBusy: 'submitting', sendError: null });
        try {
          await get().flushDraft();
          const { jobs, summary } = await client.call('drops:submit', toDropRequest(get().sendForm, get().draft ?? draft, connection, new Date()));
          for (const job of jobs) get().jobUpdated(job);
          get().highlightJob(jobs[0]?.id ?? null);
          set({ sendStep: null, sendSummary: null });
          get().notify({
            kind: 'success',
            key: summary.sendAt ? 'queue:screen.queuedProgrammed' : 'queue:screen.queued',
            params: { name: summary.campaignName, at: summary.sendAt ? formatSpokenDateTime(summary.sendAt, get().language) : '' },
          });
          get().showSection('drops');
        } catch (error) {
          // The summary may be out of date (list edited, time passed): show why, stay on it.
          set({ sendError: toIpcError(error) });
        } finally {
          set({ sendBusy: null });
        }
      },
    };
  };
}
