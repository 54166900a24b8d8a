import { describe, expect, it } from 'vitest';
import type { GridRow } from '@shared/lists/list-types';
import { emptyRowCache, invalidated, pagesForRange, pagesToFetch, queryKeyOf, rowAt, withPage } from './row-pages';

const rows = (from: number, count: number): GridRow[] =>
  Array.from({ length: count }, (_, i) => ({ index: from + i, values: [`v${from + i}`], status: 'valid' }));

describe('grid page cache', () => {
  it('covers a visible range with whole pages, clamped to the rows that exist', () => {
    expect(pagesForRange(0, 30, 1_000_000, 200)).toEqual([0]);
    expect(pagesForRange(190, 230, 1_000_000, 200)).toEqual([0, 1]);
    expect(pagesForRange(999_990, 1_000_020, 1_000_000, 200)).toEqual([4999]);
    expect(pagesForRange(0, 40, 0, 200)).toEqual([]);
    // Unknown total (a search not answered yet): ask for the first page.
    expect(pagesForRange(0, 40, null, 200)).toEqual([0]);
  });

  it('fetches missing pages, then only pages older than the last edit', () => {
    let cache = emptyRowCache(queryKeyOf('a', 'all', ''), 1000);
    expect(pagesToFetch(cache, [0, 1])).toEqual([0, 1]);
    cache = withPage(cache, 0, 0, rows(0, 200), 1000);
    expect(pagesToFetch(cache, [0, 1])).toEqual([1]);
    cache = invalidated(cache);
    expect(pagesToFetch(cache, [0, 1])).toEqual([0, 1]);
    // The stale page stays readable until its refetch lands, so the grid never flashes empty.
    expect(rowAt(cache, 5)?.values).toEqual(['v5']);
  });

  it('drops an answer for an older generation', () => {
    const cache = invalidated(emptyRowCache('k', 10));
    expect(withPage(cache, 0, 0, rows(0, 10), 10)).toBe(cache);
  });

  it('keeps the total main answered and reads rows by position', () => {
    const cache = withPage(emptyRowCache('k', null), 1, 0, rows(200, 200), 350);
    expect(cache.total).toBe(350);
    expect(rowAt(cache, 201, 200)?.index).toBe(201);
    expect(rowAt(cache, 5, 200)).toBeUndefined();
  });

  it('evicts the pages farthest from the one just loaded', () => {
    let cache = emptyRowCache('k', 1_000_000);
    for (let page = 0; page < 6; page += 1) cache = withPage(cache, page, 0, rows(page * 10, 10), 1_000_000, 4);
    expect([...cache.pages.keys()].sort((a, b) => a - b)).toEqual([2, 3, 4, 5]);
  });
});
