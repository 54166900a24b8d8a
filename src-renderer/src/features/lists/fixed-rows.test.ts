import { describe, expect, it } from 'vitest';
import type { GridRow } from '@shared/lists/list-types';
import { emptyRowCache, invalidated, withPage } from '../../store/row-pages';
import { fixedRow } from './fixed-rows';

const row = (index: number, status: GridRow['status']): GridRow => ({ index, values: ['x', '0610000000'], status, ...(status === 'valid' ? { normalized: '33610000000' } : {}) });

describe('the fixed row for the notice', () => {
  it('waits for the page of the fix, then gives the row as main sees it', () => {
    let cache = withPage(emptyRowCache('q', 3), 0, 0, [row(2, 'invalid'), row(11, 'invalid'), row(15, 'invalid')], 3);
    const fix = { rowIndex: 11, position: 1, generation: 1 };
    expect(fixedRow(cache, fix)).toBeNull();
    cache = invalidated(cache);
    // The old page is still shown while its refetch is under way: no notice from it.
    expect(fixedRow(cache, fix)).toBeNull();
    cache = withPage(cache, 0, 1, [row(2, 'invalid'), row(11, 'valid'), row(15, 'invalid')], 3);
    expect(fixedRow(cache, fix)).toMatchObject({ index: 11, status: 'valid', normalized: '33610000000' });
    // Another row in that place (rows deleted meanwhile): no notice.
    expect(fixedRow(cache, { ...fix, rowIndex: 12 })).toBeNull();
    expect(fixedRow(cache, null)).toBeNull();
  });
});
