/**
 * Page cache of the virtualised grid (pure functions). Rows come from main
 * page by page; pages stay on screen while a newer generation (after an edit)
 * is fetched, so the grid never flashes empty, and far pages are evicted so a
 * 1,000,000-row scroll keeps memory flat.
 */
import type { GridRow, RowFilter } from '@shared/lists/list-types';

export const ROWS_PER_PAGE = 200;
export const MAX_CACHED_PAGES = 40;

export interface CachedPage {
  generation: number;
  rows: GridRow[];
}

export interface RowCache {
  /** Identifies what the pages belong to: list, filter and search. */
  queryKey: string;
  /** Bumped after every change to the list; older pages are shown but refetched. */
  generation: number;
  /** Rows matching the query, once main has answered. */
  total: number | null;
  pages: ReadonlyMap<number, CachedPage>;
}

export function queryKeyOf(listId: string, filter: RowFilter, search: string): string {
  return JSON.stringify([listId, filter, search]);
}

export function emptyRowCache(queryKey: string, total: number | null): RowCache {
  return { queryKey, generation: 0, total, pages: new Map() };
}

/** The pages covering rows [first, last] (inclusive), clamped to the total when known. */
export function pagesForRange(first: number, last: number, total: number | null, pageSize = ROWS_PER_PAGE): number[] {
  const end = total === null ? last : Math.min(last, total - 1);
  if (end < first || end < 0) return total === null || total > 0 ? [Math.floor(Math.max(first, 0) / pageSize)] : [];
  const pages: number[] = [];
  for (let page = Math.floor(Math.max(first, 0) / pageSize); page <= Math.floor(end / pageSize); page += 1) pages.push(page);
  return pages;
}

/** Pages of the range that are missing or belong to an older generation. */
export function pagesToFetch(cache: RowCache, pages: number[]): number[] {
  return pages.filter((page) => {
    const cached = cache.pages.get(page);
    return !cached || cached.generation < cache.generation;
  });
}

export function rowAt(cache: RowCache, position: number, pageSize = ROWS_PER_PAGE): GridRow | undefined {
  const page = cache.pages.get(Math.floor(position / pageSize));
  return page?.rows[position % pageSize];
}

/** Stores a page answered by main, keeping the cache bounded around the page just viewed. */
export function withPage(
  cache: RowCache,
  page: number,
  generation: number,
  rows: GridRow[],
  total: number,
  maxPages = MAX_CACHED_PAGES,
): RowCache {
  if (generation !== cache.generation) return cache;
  const pages = new Map(cache.pages);
  pages.set(page, { generation, rows });
  if (pages.size > maxPages) {
    const farthestFirst = [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
    for (const stale of farthestFirst.slice(0, pages.size - maxPages)) pages.delete(stale);
  }
  return { ...cache, total, pages };
}

/** After an edit: same query, newer generation; pages beyond the new end are dropped on refetch. */
export function invalidated(cache: RowCache): RowCache {
  return { ...cache, generation: cache.generation + 1 };
}
