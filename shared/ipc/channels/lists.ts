import type { ListEdit, ListMeta, ListView, RowFilter, RowPage, ExportEncoding } from '../../lists/list-types';

export interface ListRequestChannels {
  'lists:list': (input: void) => ListMeta[];
  /** Opens the system file dialog in main; null when the user cancels. */
  'lists:import-dialog': (input: void) => ListView | null;
  /** A file dropped on the window: the renderer hands over its name and bytes. */
  'lists:import-bytes': (input: { fileName: string; bytes: Uint8Array }) => ListView;
  'lists:open': (input: { id: string }) => ListView;
  /** `keep`: rows (list indices) shown whatever the filter — a row just fixed stays in view until the user refreshes the filter. */
  'lists:rows': (input: { id: string; offset: number; limit: number; filter: RowFilter; search?: string; keep?: number[] }) => RowPage;
  'lists:edit': (input: { id: string; edit: ListEdit }) => ListView;
  'lists:undo': (input: { id: string }) => ListView;
  'lists:redo': (input: { id: string }) => ListView;
  'lists:set-mobile-column': (input: { id: string; column: string }) => ListView;
  'lists:rename': (input: { id: string; name: string }) => ListView;
  'lists:duplicate': (input: { id: string }) => ListView;
  'lists:delete': (input: { id: string }) => { deleted: true };
  /** Opens the save dialog in main; null when the user cancels. */
  'lists:export': (input: { id: string; encoding: ExportEncoding; sendableOnly: boolean }) => { path: string; rows: number } | null;
}

export interface ListEventChannels {
  'lists:changed': ListMeta[];
}

export const listRequestNames: Record<keyof ListRequestChannels, true> = {
  'lists:list': true,
  'lists:import-dialog': true,
  'lists:import-bytes': true,
  'lists:open': true,
  'lists:rows': true,
  'lists:edit': true,
  'lists:undo': true,
  'lists:redo': true,
  'lists:set-mobile-column': true,
  'lists:rename': true,
  'lists:duplicate': true,
  'lists:delete': true,
  'lists:export': true,
};
export const listEventNames: Record<keyof ListEventChannels, true> = { 'lists:changed': true };
