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
import { checkTestNumber, nextTestStep, realSendAllowed, type TestStep, type TestStepEvent } from '@shared/campaigns/test-send';

export type SendStep = 'schedule' | 'summary';

/** "M'envoyer un test": the user's number (remembered in the settings) and the list's line whose fields the test uses (null: the preview's). */
export interface TestForm {
  to: string;
  line: number | null;
}

export interface SendingSlice {
  /** null: the campaign editor shows the composer. */
  sendStep: SendStep | null;
  sendForm: SendForm;
  sendSummary: DropSummary | null;
  sendBusy: 'preparing' | 'submitting' | null;
  sendError: IpcError | null;
  /** The summary's test step (issue 11 §4): the real send waits for it. */
  sendTest: TestStep;
  testForm: TestForm;
  testError: IpcError | null;

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
  updateTestForm(patch: Partial<TestForm>): void;
  /** Sends the same message to the user's own number, as its own drop; the summary then asks whether it arrived right. */
  sendTestMessage(): Promise<void>;
  answerTest(right: boolean): void;
  skipTest(): void;
  /** Back to the test form (another test, or a test after all). */
  resetTest(): void;
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

    const testStep = (event: TestStepEvent) => set({ sendTest: nextTestStep(get().sendTest, event) });
    const untested = { sendTest: { kind: 'untested' } as TestStep, testError: null };

    return {
      sendStep: null,
      sendForm: initialSendForm(null, new Date()),
      sendSummary: null,
      sendBusy: null,
      sendError: null,
      sendTest: { kind: 'untested' },
      testForm: { to: '', line: null },
      testError: null,

      async openSend() {
        const draft = get().draft;
        if (!draft) return;
        await get().flushDraft();
        if (!get().connectionsLoaded) await get().loadConnections();
        const connectionId = pickDefaultConnection(get().connections, draft.provider, get().preferredConnectionId);
        set({
          sendStep: 'schedule',
          sendSummary: null,
          sendError: null,
          sendForm: initialSendForm(connectionId, new Date(), templateFor(connectionId)),
          ...untested,
          testForm: { to: get().settings?.testNumber ?? '', line: null },
        });
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
        // MediasFlow's SMS API counts as MediasFlow (its SMS rules are the SFTP profile's); a mail-to-SMS connection keeps the draft's counting.
        const counting = connection.profile === 'mediasflow-rest' ? 'mediasflow-sftp' : connection.profile;
        if (counting !== 'isendpro-mail' && draft.provider !== counting) get().editDraft({ provider: counting });
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
          // A new summary (message, list or connection changed) needs its own test.
          set({ sendSummary: summary, sendStep: 'summary', ...untested });
        } catch (error) {
          set({ sendError: toIpcError(error) });
        } finally {
          set({ sendBusy: null });
        }
      },

      backToSchedule() {
        set({ sendStep: 'schedule', sendSummary: null, sendError: null, ...untested });
      },

      async submitSend() {
        const draft = get().draft;
        const connection = selectedConnection();
        // The real send waits for a test found right, or the choice to skip it.
        if (!draft || !connection || !realSendAllowed(get().sendTest)) return;
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

      updateTestForm(patch) {
        set({ testForm: { ...get().testForm, ...patch }, testError: null });
      },

      async sendTestMessage() {
        const draft = get().draft;
        const connection = selectedConnection();
        const { to, line } = get().testForm;
        if (!draft || !connection || !checkTestNumber(to).ok || get().sendTest.kind === 'sending') return;
        testStep({ type: 'send' });
        set({ testError: null });
        try {
          await get().flushDraft();
          const request = toDropRequest(get().sendForm, get().draft ?? draft, connection, new Date());
          const { jobs } = await client.call('drops:send-test', { ...request, test: { to: to.trim(), line } });
          for (const job of jobs) get().jobUpdated(job);
          testStep({ type: 'sent', jobId: jobs[0]?.id ?? null, to: to.trim() });
          // Remembered for the next test.
          if (get().settings?.testNumber !== to.trim()) {
            await client
              .call('settings:update', { testNumber: to.trim() })
              .then((settings) => get().applySettings(settings))
              .catch(() => {});
          }
        } catch (error) {
          testStep({ type: 'failed' });
          set({ testError: toIpcError(error) });
        }
      },

      answerTest(right) {
        testStep({ type: 'answer', right });
      },

      skipTest() {
        testStep({ type: 'skip' });
      },

      resetTest() {
        if (get().sendTest.kind !== 'sending') set(untested);
      },
    };
  };
}
