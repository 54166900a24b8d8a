import { describe, expect, it } from 'vitest';
import { createDraft } from '@shared/campaigns/campaign-draft';
import type { RequestChannel, RequestInput, RequestOutput } from '@shared/ipc/channels';
import type { ConnectionView } from '@shared/ipc/channels/connections';
import type { DropSummary, JobView } from '@shared/ipc/channels/queue';
import { IpcRequestError } from '@shared/ipc/ipc-result';
import type { ApiClient } from '../../bridge/api-client';
import { createDropdeskStore } from '../../store/dropdesk-store';

const demo: ConnectionView = {
  id: 'demo-mf',
  name: 'Démo MediasFlow',
  provider: 'demo-mediasflow',
  profile: 'mediasflow-sftp',
  demo: true,
  host: '127.0.0.1',
  port: 0,
  user: 'demo',
  ftps: false,
  hostKey: null,
  passwordEnv: null,
  passwordSource: 'demo',
  passwordTravelsInClear: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

function fakeClient(handlers: Partial<{ [C in RequestChannel]: (input: RequestInput<C>) => RequestOutput<C> }>) {
  const calls: { channel: string; input: unknown }[] = [];
  const client: ApiClient = {
    async call(channel, input) {
      calls.push({ channel, input });
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw new IpcRequestError({ code: 'not-implemented', message: 'Pas encore disponible.' });
      return handler(input) as never;
    },
    subscribe: () => () => {},
  };
  return { client, calls };
}

const summary = { campaignName: 'Relance', sendAt: null, sendAtText: 'Immédiat' } as DropSummary;

describe('the send step of a campaign', () => {
  it('starts on the demo connection with its template, shows the summary, then queues and opens Envois', async () => {
    const job = { id: 'job-1', state: 'queued', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' } as JobView;
    const { client, calls } = fakeClient({
      'connections:list': () => [demo],
      'drops:prepare': () => summary,
      'drops:submit': () => ({ jobs: [job], summary }),
    });
    const store = createDropdeskStore(client);
    store.setState({ draft: { ...createDraft('cp1', '2025-01-01T00:00:00.000Z', { name: 'Relance', listId: 'l1' }), type: 'notification' } });

    await store.getState().openSend();
    expect(store.getState().sendStep).toBe('schedule');
    expect(store.getState().sendForm).toMatchObject({ connectionId: 'demo-mf', templateId: '1001', timing: 'now' });

    await store.getState().prepareSend();
    expect(store.getState().sendStep).toBe('summary');
    expect(calls.find((call) => call.channel === 'drops:prepare')?.input).toEqual({
      draftId: 'cp1',
      connectionId: 'demo-mf',
      channel: 'sms',
      campaignName: 'Relance',
      templateId: '1001',
      programmedAt: null,
      type: 'notification',
    });

    // The real send waits for the test step (issue 11 §4): here the user skips it.
    await store.getState().submitSend();
    expect(calls.some((call) => call.channel === 'drops:submit')).toBe(false);
    store.getState().skipTest();
    await store.getState().submitSend();
    expect(store.getState()).toMatchObject({ sendStep: null, section: 'drops', highlightedJobId: 'job-1' });
    expect(store.getState().jobs.map((entry) => entry.id)).toEqual(['job-1']);
    expect(store.getState().notice).toMatchObject({ kind: 'success', key: 'queue:screen.queued' });
  });

  it('stays on the summary and says why when main refuses the drop', async () => {
    const { client } = fakeClient({
      'connections:list': () => [demo],
      'drops:prepare': () => summary,
      'drops:submit': () => {
        throw new IpcRequestError({ code: 'outside-send-window', message: 'Envoi marketing hors des heures autorisées.' });
      },
    });
    const store = createDropdeskStore(client);
    store.setState({ draft: createDraft('cp1', '2025-01-01T00:00:00.000Z', { name: 'Relance', listId: 'l1' }) });
    await store.getState().openSend();
    await store.getState().prepareSend();
    store.getState().skipTest();
    await store.getState().submitSend();
    expect(store.getState().sendStep).toBe('summary');
    expect(store.getState().sendError?.code).toBe('outside-send-window');
    expect(store.getState().section).toBe('lists');
  });

  it('sends a test to the user’s number as its own drop, remembers the number, then the answer enables the real send', async () => {
    const testJob = { id: 'job-test', state: 'queued', test: true, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' } as JobView;
    const settings = { testNumber: '' } as never;
    const { client, calls } = fakeClient({
      'connections:list': () => [demo],
      'drops:prepare': () => summary,
      'drops:send-test': () => ({ jobs: [testJob], summary: { ...summary, campaignName: 'Relance — test' } }),
      'settings:update': (patch) => ({ ...(settings as object), ...patch }) as never,
    });
    const store = createDropdeskStore(client);
    store.setState({ draft: { ...createDraft('cp1', '2025-01-01T00:00:00.000Z', { name: 'Relance', listId: 'l1' }), type: 'notification' } });
    await store.getState().openSend();
    await store.getState().prepareSend();
    expect(store.getState().sendTest).toEqual({ kind: 'untested' });

    // A landline is refused by the lists' rule before anything is sent.
    store.getState().updateTestForm({ to: '01 23 45 67 89' });
    await store.getState().sendTestMessage();
    expect(calls.some((call) => call.channel === 'drops:send-test')).toBe(false);

    store.getState().updateTestForm({ to: ' 06 12 34 56 78 ', line: 3 });
    await store.getState().sendTestMessage();
    expect(calls.find((call) => call.channel === 'drops:send-test')?.input).toMatchObject({ campaignName: 'Relance', test: { to: '06 12 34 56 78', line: 3 } });
    expect(store.getState().sendTest).toEqual({ kind: 'sent', jobId: 'job-test', to: '06 12 34 56 78' });
    expect(calls.find((call) => call.channel === 'settings:update')?.input).toEqual({ testNumber: '06 12 34 56 78' });
    // The test does not leave the summary.
    expect(store.getState().sendStep).toBe('summary');

    store.getState().answerTest(true);
    expect(store.getState().sendTest.kind).toBe('confirmed');
    // Going back to the schedule asks for a new test.
    store.getState().backToSchedule();
    expect(store.getState().sendTest.kind).toBe('untested');
  });
});
