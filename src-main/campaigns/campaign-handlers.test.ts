/**
 * The campaigns:* and composer:* channels through the real dispatcher (schemas
 * included), on a list imported by the real list service, with the figures
 * computed by the real worker thread from the list saved on disk.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventChannel } from '@shared/ipc/channels';
import type { CampaignDraft } from '@shared/campaigns/campaign-draft';
import type { ListFigures, RecipientPreview } from '@shared/campaigns/composer-results';
import { dispatchRequest, type HandlerMap } from '../ipc/handler-map';
import { createMemorySettingsStore } from '../settings/memory-settings-store';
import type { MainDeps } from '../main-deps';
import { createCampaignHandlers } from './campaign-handlers';
import { listAccessFromService } from './campaign-list-access';
import { createListService } from '../lists/list-service';

const csv = [
  'Prénom;Nom;Portable;Ville',
  'Élodie;Dupont;06 12 34 56 78;Évry',
  'Paul;Petit;01 23 45 67 89;Paris',
  'Anaïs;Bonnet;07 81 23 45 67;',
  'Zoé;Durand;0612345678;Nîmes',
  'Loïc;Lambert;+33698765432;Pau',
  'Jean;Martin;06 98 76 54 33;Lyon',
].join('\r\n');

describe('campaign handlers', () => {
  let dataDir: string;
  let events: { event: EventChannel; payload: unknown }[];
  let listId: string;
  let lists: ReturnType<typeof createListService>;
  let call: (channel: string, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-campaign-handlers-'));
    events = [];
    const deps: MainDeps = {
      dataDir,
      appVersion: 'test',
      dialogs: { chooseOpenFile: async () => null, chooseSaveFile: async () => null },
      settings: createMemorySettingsStore(),
      emit: (event, payload) => void events.push({ event, payload }),
      log: (message, error) => {
        throw new Error(`unexpected log: ${message} ${String(error)}`);
      },
    };
    // A long save delay: the figures must flush the list's pending edit themselves.
    lists = createListService(deps, { saveDelayMs: 60_000 });
    listId = (await lists.importBytes('clients.csv', new TextEncoder().encode(csv))).id;
    const handlers = createCampaignHandlers(deps, { lists: listAccessFromService(lists, dataDir), progressEvery: 2 }) as unknown as HandlerMap;
    call = (channel, input) => dispatchRequest(handlers, channel, input) as never;
  });
  afterEach(async () => {
    await lists.flush();
    await rm(dataDir, { recursive: true, force: true });
  });

  const value = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
    return result.value as T;
  };

  it('creates, lists, patches, reopens and deletes drafts, announcing the list changes', async () => {
    const draft = await value<CampaignDraft>('campaigns:create', { name: 'Soldes', listId });
    expect(events.at(-1)).toMatchObject({ event: 'campaigns:changed', payload: [{ id: draft.id, name: 'Soldes' }] });

    const patched = await value<CampaignDraft>('campaigns:update', {
      id: draft.id,
      patch: { message: 'Bonjour ${Prénom}', type: 'notification', provider: 'allmysms-ftp', maxSegments: 1 },
    });
    expect(patched).toMatchObject({ message: 'Bonjour ${Prénom}', type: 'notification', provider: 'allmysms-ftp', maxSegments: 1 });
    expect(await value('campaigns:get', { id: draft.id })).toEqual(patched);
    expect(await value('campaigns:list')).toMatchObject([{ id: draft.id, type: 'notification' }]);

    expect(await value('campaigns:delete', { id: draft.id })).toEqual({ deleted: true });
    expect(await call('campaigns:get', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'campaign-not-found' } });
  });

  it('refuses invalid input before the handler runs', async () => {
    const draft = await value<CampaignDraft>('campaigns:create', { name: 'X' });
    expect(await call('campaigns:create', { name: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('campaigns:update', { id: draft.id, patch: { maxSegments: 0 } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('campaigns:update', { id: draft.id, patch: { provider: 'sms-magique' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('campaigns:update', { id: draft.id, patch: { id: 'other' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('composer:preview', { campaignId: draft.id, rowIndex: -1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('composer:preview', { campaignId: draft.id, rowIndex: 0 })).toMatchObject({ ok: false, error: { code: 'campaign-no-list' } });
  });

  it('previews the N-th sendable recipient', async () => {
    const draft = await value<CampaignDraft>('campaigns:create', {
      name: 'Soldes',
      listId,
      message: 'Bonjour ${Prénom}, -20 % ce week-end à ${Ville} ! STOP 36184',
      defaultForHeader: { Ville: 'votre magasin' },
    });
    const second = await value<RecipientPreview>('composer:preview', { campaignId: draft.id, rowIndex: 1 });
    expect(second).toMatchObject({
      rowIndex: 1,
      sendableTotal: 4,
      number: '33781234567',
      message: 'Bonjour Anaïs, -20 % ce week-end à votre magasin ! STOP 36184',
      count: { encoding: 'UCS-2', segments: 1 },
    });
    const first = await value<RecipientPreview>('composer:preview', { campaignId: draft.id, rowIndex: 0 });
    expect(first).toMatchObject({ message: 'Bonjour Élodie, -20 % ce week-end à Évry ! STOP 36184', count: { encoding: 'GSM-7' } });
  });

  it('computes the whole-list figures in a worker, with progress events and a token', async () => {
    const draft = await value<CampaignDraft>('campaigns:create', {
      name: 'AllMySMS',
      listId,
      provider: 'allmysms-sftp',
      message: `Bonjour \${Prénom} \${Nom}, votre code \${CODE}.\n${'x'.repeat(130)}`,
    });
    const job = await value<{ token: string; total: number }>('composer:list-figures', { campaignId: draft.id });
    expect(job.total).toBe(4);
    await expect.poll(() => events.some((e) => e.event === 'composer:figures-ready'), { timeout: 20_000 }).toBe(true);
    const progress = events.filter((e) => e.event === 'composer:figures-progress').map((e) => e.payload);
    expect(progress).toEqual([
      { token: job.token, done: 0, total: 4 },
      { token: job.token, done: 2, total: 4 },
      { token: job.token, done: 4, total: 4 },
    ]);
    const ready = events.find((e) => e.event === 'composer:figures-ready')?.payload as { token: string; figures: ListFigures };
    expect(ready.token).toBe(job.token);
    // "Bonjour Anaïs Bonnet, votre code ${CODE}." + "\n" + 130 x: UCS-2 for Anaïs and Loïc.
    expect(ready.figures).toMatchObject({
      recipients: 4,
      encodings: { 'GSM-7': 2, 'UCS-2': 2 },
      switchedToUcs2: 2,
      unknownFields: ['CODE'],
      allMySms160Failures: 4,
      segments: { min: 2, max: 3 },
      examples: { switchedToUcs2: [1, 2] },
    });
  });

  it('sees an edit of the list not yet saved (the list is flushed before the worker re-reads it)', async () => {
    const draft = await value<CampaignDraft>('campaigns:create', { name: 'Édition', listId, message: 'Bonjour ${Prénom}' });
    await lists.flush();
    // Row 2 (0-based) is Anaïs: write her name without the diaeresis.
    await lists.applyEdit(listId, { type: 'set-cell', row: 2, column: 0, value: 'Anais' });
    await value('composer:list-figures', { campaignId: draft.id });
    await expect.poll(() => events.some((e) => e.event === 'composer:figures-ready'), { timeout: 20_000 }).toBe(true);
    const ready = events.find((e) => e.event === 'composer:figures-ready')?.payload as { figures: ListFigures };
    expect(ready.figures).toMatchObject({ recipients: 4, switchedToUcs2: 1, encodings: { 'UCS-2': 1 }, allMySms160Failures: null });
    expect((await value<RecipientPreview>('composer:preview', { campaignId: draft.id, rowIndex: 1 })).message).toBe('Bonjour Anais');
  });
});
