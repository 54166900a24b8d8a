import { describe, expect, it } from 'vitest';
import { frenchCount, frenchForm } from './french-count';

describe('frenchCount', () => {
  it('takes the singular for 0 and 1, the plural from 2', () => {
    expect(frenchCount(0, 'destinataire', 'destinataires')).toBe('0 destinataire');
    expect(frenchCount(1, 'destinataire', 'destinataires')).toBe('1 destinataire');
    expect(frenchCount(2, 'destinataire', 'destinataires')).toBe('2 destinataires');
    expect(frenchCount(1_000_000, 'ligne', 'lignes')).toBe('1000000 lignes');
    expect(frenchForm(3, 'manque', 'manquent')).toBe('manquent');
  });
});
