import { describe, expect, it } from 'vitest';
import { columnarFromRows, columnarRows } from '@shared/lists/columnar-table';
import { columnarToBytes, decodeColumnarPart, joinColumnarParts } from './list-check-job';

describe('joinColumnarParts', () => {
  it('joins the first rows and the rest into the table read in one go: ragged rows, a wider second part, non-Latin text', async () => {
    const first = [['Zoé', '06 12 34 56 78'], ['Loïc'], ['', '0690 12 34 56']];
    const rest = [['Anaïs', '+262 692 12 34 56', 'Saint-Denis', '🌸'], [], ['Émile', '07 81 23 45 67']];
    const parts = await Promise.all([first, rest].map(async (rows) => decodeColumnarPart(await columnarToBytes(columnarFromRows(rows)))));
    const joined = await joinColumnarParts(parts);
    expect(columnarRows(joined)).toEqual([...first, ...rest]);
    expect(joined).toEqual(columnarFromRows([...first, ...rest]));
  });

  it('keeps a table whose first part is empty (a split at row 0) or whose rest is empty', async () => {
    const rows = [['Nom', 'SMS'], ['Zoé', '0612345678']];
    const empty = await decodeColumnarPart(await columnarToBytes(columnarFromRows([])));
    const whole = await decodeColumnarPart(await columnarToBytes(columnarFromRows(rows)));
    expect(columnarRows(await joinColumnarParts([empty, whole]))).toEqual(rows);
    expect(columnarRows(await joinColumnarParts([whole, empty]))).toEqual(rows);
  });
});
