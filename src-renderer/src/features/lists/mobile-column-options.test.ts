import { describe, expect, it } from 'vitest';
import { mobileColumnOptions } from './mobile-column-options';
import { isListFileName } from './use-file-drop';

describe('mobile column choice', () => {
  it('offers the recognised names first, then the other columns in file order', () => {
    expect(mobileColumnOptions(['Nom', 'GSM', 'Ville', 'Portable'], ['GSM', 'Portable'])).toEqual([
      { name: 'GSM', recognised: true },
      { name: 'Portable', recognised: true },
      { name: 'Nom', recognised: false },
      { name: 'Ville', recognised: false },
    ]);
  });

  it('accepts dropped .csv, .txt and .tsv files only', () => {
    expect(isListFileName('Clients.CSV')).toBe(true);
    expect(isListFileName('export.txt')).toBe(true);
    expect(isListFileName('liste.xlsx')).toBe(false);
  });
});
