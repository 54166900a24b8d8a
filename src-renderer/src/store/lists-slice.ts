import type { StateCreator } from 'zustand';
import type { ExportEncoding, ListEdit, ListMeta, ListView, RowFilter } from '@shared/lists/list-types';
import type { ApiClient } from '../bridge/api-client';
import type { DropdeskState } from './dropdesk-store';
import {
  ROWS_PER_PAGE,
  emptyRowCache,
  invalidated,
  pagesForRange,
  pagesToFetch,
  queryKeyOf,
  withPage,
  type RowCache,
} from './row-pages';

export type ListsBusy = 'importing' | 'opening' | 'saving' | 'exporting' | null;

export interface ListsSlice {
  lists: ListMeta[];
  openList: ListView | null;
  filter: RowFilter;
  search: string;
  rowCache: RowCache;
  /** Selected rows, by their index in the list. */
  selection: ReadonlySet<number>;
  busy: ListsBusy;
  /** A row position the grid should scroll to and make active (after adding a row). */
  revealPosition: number | null;
  /** Rows fixed in this view (list indices): they stay shown, marked fixed, until the user refreshes the filter. */
  keptRows: readonly number[];
  /** The last fix, for the notice ("Ligne 12 corrigée : 06 10 00 00 00") once its row is refetched. */
  lastFix: RowFix | null;

  loadLists(): Promise<void>;
  setLists(lists: ListMeta[]): void;
  importByDialog(): Promise<void>;
  importDroppedFile(fileName: string, bytes: Uint8Array): Promise<void>;
  openSavedList(id: string): Promise<void>;
  closeList(): void;
  renameList(id: string, name: string): Promise<void>;
  duplicateList(id: string): Promise<void>;
  deleteList(id: string): Promise<void>;
  setMobileColumn(column: string): Promise<void>;
  setFilter(filter: RowFilter): void;
  setSearch(search: string): void;
  /** Called by the grid with the rows on screen: fetches the pages it lacks. */
  ensureRows(first: number, last: number): Promise<void>;
  applyEdit(edit: ListEdit): Promise<void>;
  /** Adds an empty row at the end and brings it into view when the filter shows it. */
  addRow(): Promise<void>;
  clearReveal(): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  exportList(options: { encoding: ExportEncoding; sendableOnly: boolean }): Promise<void>;
  setSelection(selection: ReadonlySet<number>): void;
  /** A cell edit made as a fix: the row stays in the current filter's view and a notice confirms it. */
  fixRow(edit: Extract<ListEdit, { type: 'set-cell' }>, position: number): Promise<void>;
  /** Shows the filter afresh: fixed rows that no longer match it leave. */
  refreshFilter(): void;
  dismissFix(): void;
}

export interface RowFix {
  /** The row's index in the list. */
  rowIndex: number;
  /** Its place in the filtered view (unchanged: it is kept there). */
  position: number;
  /** The row cache generation whose pages carry the fixed row. */
  generation: number;
}

/** Rows a filter shows before main has answered, so the grid has its height at once. */
function expectedTotal(view: ListView, filter: RowFilter, search: string): number | null {
  if (search) return null;
  if (filter === 'invalid') return view.summary.invalid;
  if (filter === 'duplicates') return view.summary.duplicates;
  return view.summary.rows;
}

export function createListsSlice(client: ApiClient): StateCreator<DropdeskState, [], [], ListsSlice> {
  // Requests in flight, so a page is asked once per generation even if the grid re-renders.
  const inFlight = new Set<string>();

  return (set, get) => {
    const showList = (view: ListView, options: { resetQuery: boolean }) => {
      const { filter, search, rowCache, openList } = get();
      const sameList = openList?.id === view.id;
      if (!sameList || options.resetQuery) {
        const nextFilter = sameList ? filter : 'all';
        const nextSearch = sameList ? search : '';
        set({
          openList: view,
          filter: nextFilter,
          search: nextSearch,
          selection: new Set(),
          keptRows: [],
          lastFix: null,
          rowCache: emptyRowCache(queryKeyOf(view.id, nextFilter, nextSearch), expectedTotal(view, nextFilter, nextSearch)),
        });
        return;
      }
      // Same list after an edit: keep the pages on screen until their refetch arrives.
      set({ openList: view, selection: new Set(), rowCache: invalidated(rowCache) });
    };

    const run = async <T>(busy: ListsBusy, action: () => Promise<T>): Promise<T | undefined> => {
      set({ busy });
      try {
        return await action();
      } catch (error) {
        get().notifyError(error);
        return undefined;
      } finally {
        set({ busy: null });
      }
    };

    const refreshQuery = () => {
      const { openList, filter, search } = get();
      if (!openList) return;
      set({ keptRows: [], lastFix: null, rowCache: emptyRowCache(queryKeyOf(openList.id, filter, search), expectedTotal(openList, filter, search)) });
    };

    return {
      lists: [],
      openList: null,
      filter: 'all',
      search: '',
      rowCache: emptyRowCache('', null),
      selection: new Set(),
      busy: null,
      revealPosition: null,
      keptRows: [],
      lastFix: null,

      async loadLists() {
        try {
          set({ lists: await client.call('lists:list', undefined) });
        } catch (error) {
          get().notifyError(error);
        }
      },

      setLists(lists) {
        set({ lists });
      },

      async importByDialog() {
        const view = await run('importing', () => client.call('lists:import-dialog', undefined));
        if (view) {
          showList(view, { resetQuery: true });
          await get().loadLists();
        }
      },

      async importDroppedFile(fileName, bytes) {
        const view = await run('importing', () => client.call('lists:import-bytes', { fileName, bytes }));
        if (view) {
          showList(view, { resetQuery: true });
          await get().loadLists();
        }
      },

      async openSavedList(id) {
        const view = await run('opening', () => client.call('lists:open', { id }));
        if (view) showList(view, { resetQuery: true });
      },

      closeList() {
        set({ openList: null, selection: new Set(), keptRows: [], lastFix: null, rowCache: emptyRowCache('', null) });
      },

      async renameList(id, name) {
        const view = await run('saving', () => client.call('lists:rename', { id, name }));
        if (!view) return;
        if (get().openList?.id === id) set({ openList: view });
        await get().loadLists();
      },

      async duplicateList(id) {
        const view = await run('saving', () => client.call('lists:duplicate', { id }));
        if (view) await get().loadLists();
      },

      async deleteList(id) {
        const done = await run('saving', () => client.call('lists:delete', { id }));
        if (!done) return;
        if (get().openList?.id === id) get().closeList();
        await get().loadLists();
      },

      async setMobileColumn(column) {
        const { openList } = get();
        if (!openList) return;
        const view = await run('saving', () => client.call('lists:set-mobile-column', { id: openList.id, column }));
        if (view) {
          showList(view, { resetQuery: true });
          await get().loadLists();
        }
      },

      setFilter(filter) {
        if (filter === get().filter) return;
        set({ filter, selection: new Set() });
        refreshQuery();
      },

      setSearch(search) {
        if (search === get().search) return;
        set({ search, selection: new Set() });
        refreshQuery();
      },

      async ensureRows(first, last) {
        const { openList, filter, search, rowCache, keptRows } = get();
        if (!openList) return;
        const missing = pagesToFetch(rowCache, pagesForRange(first, last, rowCache.total));
        const { queryKey, generation } = rowCache;
        await Promise.all(
          missing.map(async (page) => {
            const requestKey = `${queryKey}|${generation}|${page}`;
            if (inFlight.has(requestKey)) return;
            inFlight.add(requestKey);
            try {
              const answer = await client.call('lists:rows', {
                id: openList.id,
                offset: page * ROWS_PER_PAGE,
                limit: ROWS_PER_PAGE,
                filter,
                ...(search ? { search } : {}),
                ...(keptRows.length > 0 && (filter !== 'all' || search) ? { keep: [...keptRows] } : {}),
              });
              const current = get().rowCache;
              // An answer for another query (filter or search changed meanwhile) is dropped.
              if (current.queryKey !== queryKey) return;
              set({ rowCache: withPage(current, page, generation, answer.rows, answer.total) });
            } catch (error) {
              get().notifyError(error);
            } finally {
              inFlight.delete(requestKey);
            }
          }),
        );
      },

      async applyEdit(edit) {
        const { openList } = get();
        if (!openList) return;
        // Rows move when rows or columns are added or removed: the kept rows' indices would no longer name them.
        if (edit.type !== 'set-cell' && get().keptRows.length > 0) set({ keptRows: [], lastFix: null });
        const view = await run('saving', () => client.call('lists:edit', { id: openList.id, edit }));
        if (view) showList(view, { resetQuery: false });
      },

      async addRow() {
        const { openList, filter, search } = get();
        if (!openList) return;
        const at = openList.summary.rows;
        await get().applyEdit({ type: 'insert-row', at });
        if (get().openList?.summary.rows === at + 1 && filter === 'all' && !search) set({ revealPosition: at });
      },

      async fixRow(edit, position) {
        const kept = get().keptRows;
        if (!kept.includes(edit.row)) set({ keptRows: [...kept, edit.row].slice(-1000) });
        const before = get().rowCache.generation;
        await get().applyEdit(edit);
        // Refused by main (notice shown): nothing was fixed.
        if (get().rowCache.generation === before) return;
        set({ lastFix: { rowIndex: edit.row, position, generation: get().rowCache.generation } });
      },

      refreshFilter() {
        refreshQuery();
      },

      dismissFix() {
        set({ lastFix: null });
      },

      clearReveal() {
        set({ revealPosition: null });
      },

      async undo() {
        const { openList } = get();
        if (!openList?.canUndo) return;
        set({ lastFix: null });
        const view = await run('saving', () => client.call('lists:undo', { id: openList.id }));
        if (view) showList(view, { resetQuery: false });
      },

      async redo() {
        const { openList } = get();
        if (!openList?.canRedo) return;
        set({ lastFix: null });
        const view = await run('saving', () => client.call('lists:redo', { id: openList.id }));
        if (view) showList(view, { resetQuery: false });
      },

      async exportList({ encoding, sendableOnly }) {
        const { openList } = get();
        if (!openList) return;
        const result = await run('exporting', () => client.call('lists:export', { id: openList.id, encoding, sendableOnly }));
        if (result) get().notify({ kind: 'success', key: 'lists:export.done', params: { rows: result.rows, path: result.path } });
      },

      setSelection(selection) {
        set({ selection });
      },
    };
  };
}
