import { describe, expect, it } from 'vitest';
import type { RequestChannel, RequestInput, RequestOutput } from '@shared/ipc/channels';
import { IpcRequestError } from '@shared/ipc/ipc-result';
import type { GridRow, ListView } from '@shared/lists/list-types';
import type { ApiClient } from '../bridge/api-client';
import { createDropdeskStore } from './dropdesk-store';
import { rowAt } from './row-pages';

function listView(overrides: Partial<ListView> = {}): ListView {
  return {
    id: 'list-1',
    name: 'Clients',
    sourceFileName: 'clients.csv',
    encoding: 'windows-1252',
    delimiter: ';',
    columns: ['Nom', 'Portable'],
    mobileColumn: 'Portable',
    mobileColumnCandidates: ['Portable'],
    summary: {
      rows: 450,
      valid: 440,
      invalid: 10,
      duplicates: 5,
      sendable: 435,
      countries: { FR: 435 },
      emptyColumns: [],
      longestValues: {},
      invalidLines: [],
      duplicateLines: [],
    },
    canUndo: false,
    canRedo: false,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A fake main: records calls, answers rows from a generation counter so refetches are visible. */
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

const rows = (offset: number, limit: number, label: string): GridRow[] =>
  Array.from({ length: limit }, (_, i) => ({ index: offset + i, values: [label, '0612345678'], status: 'valid' }));

describe('lists slice', () => {
  it('shows an imported list at once with the grid height of its filter', async () => {
    const { client } = fakeClient({ 'lists:import-bytes': () => listView(), 'lists:list': () => [] });
    const store = createDropdeskStore(client);
    await store.getState().importDroppedFile('clients.csv', new Uint8Array([1, 2]));
    expect(store.getState().openList?.id).toBe('list-1');
    expect(store.getState().rowCache.total).toBe(450);
    store.getState().setFilter('invalid');
    expect(store.getState().rowCache.total).toBe(10);
    expect(store.getState().busy).toBeNull();
  });

  it('asks each page once even when the grid asks twice, and refetches after an edit', async () => {
    let label = 'before';
    const { client, calls } = fakeClient({
      'lists:open': () => listView(),
      'lists:rows': ({ offset, limit }) => ({ total: 450, offset, rows: rows(offset, Math.min(limit, 450 - offset), label) }),
      'lists:edit': () => listView({ canUndo: true }),
    });
    const store = createDropdeskStore(client);
    await store.getState().openSavedList('list-1');
    await Promise.all([store.getState().ensureRows(0, 250), store.getState().ensureRows(0, 250)]);
    expect(calls.filter((call) => call.channel === 'lists:rows').map((call) => (call.input as { offset: number }).offset)).toEqual([0, 200]);

    label = 'after';
    await store.getState().applyEdit({ type: 'set-cell', row: 3, column: 1, value: '0611223344' });
    // Until the refetch, the old rows stay on screen.
    expect(rowAt(store.getState().rowCache, 3)?.values[0]).toBe('before');
    await store.getState().ensureRows(0, 30);
    expect(rowAt(store.getState().rowCache, 3)?.values[0]).toBe('after');
    expect(store.getState().openList?.canUndo).toBe(true);
  });

  it('drops rows answered for a filter the user has already left', async () => {
    let release: () => void = () => {};
    const { client } = fakeClient({
      'lists:open': () => listView(),
      'lists:rows': ({ offset, filter }) => ({ total: filter === 'all' ? 450 : 10, offset, rows: rows(offset, 10, filter) }),
    });
    const slowClient: ApiClient = {
      ...client,
      async call(channel, input) {
        if (channel === 'lists:rows' && (input as { filter: string }).filter === 'all') {
          await new Promise<void>((resolve) => (release = resolve));
        }
        return client.call(channel, input);
      },
    };
    const store = createDropdeskStore(slowClient);
    await store.getState().openSavedList('list-1');
    const slow = store.getState().ensureRows(0, 20);
    store.getState().setFilter('invalid');
    await store.getState().ensureRows(0, 20);
    release();
    await slow;
    expect(store.getState().rowCache.total).toBe(10);
    expect(rowAt(store.getState().rowCache, 0)?.values[0]).toBe('invalid');
  });

  it('turns a refusal from main into a notice and leaves the list as it was', async () => {
    const { client } = fakeClient({ 'lists:open': () => listView() });
    const store = createDropdeskStore(client);
    await store.getState().openSavedList('list-1');
    await store.getState().applyEdit({ type: 'remove-invalid' });
    expect(store.getState().notice).toEqual({ kind: 'error', error: { code: 'not-implemented', message: 'Pas encore disponible.' } });
    expect(store.getState().openList?.summary.invalid).toBe(10);
    expect(store.getState().busy).toBeNull();
  });

  it('keeps a fixed row in the filtered view until the filter is refreshed, and remembers the fix for the notice', async () => {
    const { client, calls } = fakeClient({
      'lists:open': () => listView(),
      'lists:edit': () => listView({ summary: { ...listView().summary, invalid: 9, valid: 441 } }),
      'lists:rows': ({ offset, filter }) => ({ total: filter === 'all' ? 450 : 10, offset, rows: rows(offset, 10, filter) }),
    });
    const store = createDropdeskStore(client);
    await store.getState().openSavedList('list-1');
    store.getState().setFilter('invalid');
    await store.getState().ensureRows(0, 10);
    await store.getState().fixRow({ type: 'set-cell', row: 42, column: 1, value: '06 10 00 00 00' }, 3);
    expect(store.getState().keptRows).toEqual([42]);
    expect(store.getState().lastFix).toEqual({ rowIndex: 42, position: 3, generation: 1 });
    await store.getState().ensureRows(0, 10);
    const rowCalls = () => calls.filter((call) => call.channel === 'lists:rows').map((call) => call.input as { filter: string; keep?: number[] });
    expect(rowCalls().at(-1)).toMatchObject({ filter: 'invalid', keep: [42] });

    store.getState().refreshFilter();
    expect(store.getState()).toMatchObject({ keptRows: [], lastFix: null, filter: 'invalid' });
    await store.getState().ensureRows(0, 10);
    expect(rowCalls().at(-1)?.keep).toBeUndefined();
  });

  it('forgets the kept rows when rows move (delete) or the filter changes', async () => {
    const { client } = fakeClient({
      'lists:open': () => listView(),
      'lists:edit': () => listView(),
      'lists:rows': ({ offset }) => ({ total: 10, offset, rows: rows(offset, 10, 'x') }),
    });
    const store = createDropdeskStore(client);
    await store.getState().openSavedList('list-1');
    store.getState().setFilter('invalid');
    await store.getState().fixRow({ type: 'set-cell', row: 4, column: 1, value: '0610000000' }, 0);
    await store.getState().applyEdit({ type: 'delete-rows', rows: [1] });
    expect(store.getState().keptRows).toEqual([]);
    await store.getState().fixRow({ type: 'set-cell', row: 4, column: 1, value: '0610000001' }, 0);
    store.getState().setFilter('duplicates');
    expect(store.getState().keptRows).toEqual([]);
  });
});
