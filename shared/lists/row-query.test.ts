import { describe, expect, it } from 'vitest';
import { matchingRowIndices, pageRows } from './row-query';
import { checkDocument } from './check-list-bytes';
import type { ListDocument } from './list-document';
import { arrayRows } from './list-rows';

const document: ListDocument = {
  columns: ['Nom', 'SMS'],
  rows: arrayRows([['Élise', '0611111111'], ['Bruno', '0123456789'], ['élodie', '06 11 11 11 11'], ['Anne']]),
  mobileColumn: 1,
};
const { checks } = checkDocument(document);

describe('row query', () => {
  it('pages over every row with its verdict', () => {
    const page = pageRows(document, checks, matchingRowIndices(document, checks, 'all'), 1, 2);
    expect(page).toEqual({
      total: 4,
      offset: 1,
      rows: [
        { index: 1, values: ['Bruno', '0123456789'], status: 'invalid', reason: 'landline' },
        { index: 2, values: ['élodie', '06 11 11 11 11'], status: 'duplicate', normalized: '33611111111', country: 'FR' },
      ],
    });
  });

  it('fills missing values of short rows', () => {
    expect(pageRows(document, checks, null, 3, 10).rows[0]).toMatchObject({ values: ['Anne', ''], status: 'invalid', reason: 'empty' });
  });

  it('filters to invalid or duplicates and searches case-insensitively', () => {
    expect([...matchingRowIndices(document, checks, 'invalid')!]).toEqual([1, 3]);
    expect([...matchingRowIndices(document, checks, 'duplicates')!]).toEqual([2]);
    expect([...matchingRowIndices(document, checks, 'all', 'ÉL')!]).toEqual([0, 2]);
    expect([...matchingRowIndices(document, checks, 'all', 'BRU')!]).toEqual([1]);
    expect([...matchingRowIndices(document, checks, 'all', 'l')!]).toEqual([0, 2]);
    expect([...matchingRowIndices(document, checks, 'invalid', '0123')!]).toEqual([1]);
    expect([...matchingRowIndices(document, checks, 'all', '(.*')!]).toEqual([]);
  });

  it('keeps the rows asked for whatever the filter (a row just fixed stays in view), in list order', () => {
    expect([...matchingRowIndices(document, checks, 'invalid', undefined, [0])!]).toEqual([0, 1, 3]);
    expect([...matchingRowIndices(document, checks, 'invalid', 'Anne', [1])!]).toEqual([1, 3]);
    expect([...matchingRowIndices(document, checks, 'invalid', undefined, [])!]).toEqual([1, 3]);
    expect(matchingRowIndices(document, checks, 'all', undefined, [2])).toBeNull();
  });
});
