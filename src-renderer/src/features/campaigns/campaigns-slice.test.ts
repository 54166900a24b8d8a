import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraft, type CampaignDraft } from '@shared/campaigns/campaign-draft';
import type { ApiClient } from '../../bridge/api-client';
import { createDropdeskStore } from '../../store/dropdesk-store';
import { AUTOSAVE_DELAY_MS } from './campaigns-slice';

function fakeClient(draft: CampaignDraft) {
  const calls: { channel: string; input: unknown }[] = [];
  const client = {
    async call(channel: string, input: unknown) {
      calls.push({ channel, input });
      switch (channel) {
        case 'campaigns:get':
          return draft;
        case 'campaigns:update':
          return { ...draft, ...(input as { patch: object }).patch, updatedAt: '2026-01-01T00:00:01.000Z' };
        case 'campaigns:list':
          return [];
        case 'composer:list-figures':
          return { token: 'job-2', total: 4 };
        case 'lists:open':
          return { id: 'l1', columns: ['Prénom'] };
        case 'composer:preview':
          return { rowIndex: (input as { rowIndex: number }).rowIndex, message: 'rendu' };
        default:
          throw new Error(`unexpected ${channel}`);
      }
    },
    subscribe: () => () => {},
  } as unknown as ApiClient;
  return { client, calls };
}

describe('campaigns slice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('applies edits at once and saves them in one debounced patch', async () => {
    const draft = createDraft('c1', '2026-01-01T00:00:00.000Z', { name: 'Soldes' });
    const { client, calls } = fakeClient(draft);
    const store = createDropdeskStore(client);
    await store.getState().openCampaign('c1');

    store.getState().editDraft({ message: 'B' });
    store.getState().editDraft({ message: 'Bo' });
    store.getState().editDraft({ sender: 'MAGASIN' });
    expect(store.getState().draft).toMatchObject({ message: 'Bo', sender: 'MAGASIN' });
    expect(store.getState().draftSave).toBe('pending');
    expect(calls.filter((call) => call.channel === 'campaigns:update')).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(calls.filter((call) => call.channel === 'campaigns:update').map((call) => call.input)).toEqual([
      { id: 'c1', patch: { message: 'Bo', sender: 'MAGASIN' } },
    ]);
    expect(store.getState().draftSave).toBe('saved');
  });

  it('follows only its own figures job', async () => {
    const draft = createDraft('c1', '2026-01-01T00:00:00.000Z', { name: 'Soldes' });
    const { client } = fakeClient({ ...draft, listId: null });
    const store = createDropdeskStore(client);
    await store.getState().openCampaign('c1');
    store.setState({ draft: { ...draft, listId: 'l1' } });

    await store.getState().computeListFigures();
    expect(store.getState().listFigures).toMatchObject({ token: 'job-2', running: true, total: 4 });
    store.getState().figuresProgress({ token: 'job-1', done: 3, total: 9 });
    expect(store.getState().listFigures.done).toBe(0);
    store.getState().figuresProgress({ token: 'job-2', done: 2, total: 4 });
    expect(store.getState().listFigures).toMatchObject({ done: 2, total: 4 });

    const figures = { recipients: 4 } as never;
    store.getState().figuresReady({ token: 'job-2', figures });
    expect(store.getState().listFigures).toMatchObject({ running: false, result: figures, stale: false });

    // Editing the message marks the figures as out of date.
    store.getState().editDraft({ message: 'Autre' });
    expect(store.getState().listFigures.stale).toBe(true);
  });

  it('refreshes the preview after saving a message edit, even when another edit follows', async () => {
    const draft = createDraft('c1', '2026-01-01T00:00:00.000Z', { name: 'Soldes', listId: 'l1' });
    const { client, calls } = fakeClient(draft);
    const store = createDropdeskStore(client);
    await store.getState().openCampaign('c1');
    const previews = () => calls.filter((call) => call.channel === 'composer:preview').length;
    expect(previews()).toBe(1);

    store.getState().editDraft({ message: 'Bonjour ${Prénom}' });
    store.getState().editDraft({ sender: 'MAGASIN' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(previews()).toBe(2);

    // A sender alone does not change what recipients receive.
    store.getState().editDraft({ sender: 'BOUTIQUE' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(previews()).toBe(2);
  });
});
