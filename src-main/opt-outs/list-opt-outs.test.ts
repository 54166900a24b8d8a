import { describe, expect, it } from 'vitest';
import { checkListBytes } from '@shared/lists/check-list-bytes';
import { statusCode } from '@shared/lists/check-rows';
import { excludeOptedOutRows, findOptedOutRows, OPTED_OUT_STATUS } from './list-opt-outs';

const bytes = new TextEncoder().encode(
  ['Nom;Portable', 'Dupont;06 12 34 56 78', 'Martin;+33 6 98 76 54 32', 'Durand;0612345678', 'Petit;01 23 45 67 89', 'Leroy;07 81 23 45 67'].join('\n'),
);

describe('opt-outs in a list', () => {
  const checked = checkListBytes(bytes, { fileName: 'clients.csv' });
  const list = { checks: checked.checks, summary: checked.summary };
  const optOuts = new Set(['33612345678', '33781234567', '33100000000']);

  it('counts the sendable rows that opted out (duplicates and invalid rows are already out)', () => {
    expect(checked.summary.sendable).toBe(3);
    expect(findOptedOutRows(list.checks, optOuts)).toEqual({ count: 2, lines: [1, 5] });
    expect(findOptedOutRows(list.checks, new Set())).toEqual({ count: 0, lines: [] });
  });

  it('leaves them out of a drop without touching the saved list', () => {
    const { list: forDrop, optedOut } = excludeOptedOutRows(list, optOuts);
    expect(optedOut).toBe(2);
    expect(forDrop.summary.sendable).toBe(1);
    expect(forDrop.summary.invalid).toBe(checked.summary.invalid);
    expect([...forDrop.checks.status]).toEqual([OPTED_OUT_STATUS, statusCode.valid, statusCode.duplicate, statusCode.invalid, OPTED_OUT_STATUS]);
    expect([...list.checks.status]).toEqual([statusCode.valid, statusCode.valid, statusCode.duplicate, statusCode.invalid, statusCode.valid]);
  });
});
