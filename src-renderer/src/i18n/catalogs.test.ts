import { describe, expect, it } from 'vitest';
import { catalogs } from '@shared/i18n/catalogs';
import { setupI18n } from './setup-i18n';

const leafKeys = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, child]) => leafKeys(child, `${prefix}${key}.`))
    : [prefix.slice(0, -1)];

describe('catalogues of the lists screen', () => {
  it('give French plurals their "many" form, which CLDR uses for 1 000 000', () => {
    const french = new Set(leafKeys(catalogs.fr.lists));
    const missing = [...french].filter((key) => key.endsWith('_other') && !french.has(key.replace(/_other$/, '_many')));
    expect(missing).toEqual([]);
    const i18n = setupI18n('fr');
    expect(i18n.t('lists:grid.total', { count: 1_000_000, formatted: '1 000 000' })).toBe('1 000 000 lignes affichées');
    expect(i18n.t('lists:grid.total', { count: 1, formatted: '1' })).toBe('1 ligne affichée');
  });

  it('word English plurals too', () => {
    const i18n = setupI18n('en');
    expect(i18n.t('lists:grid.total', { count: 1_000_000, formatted: '1,000,000' })).toBe('1,000,000 rows shown');
    expect(i18n.t('lists:toolbar.deleteRows', { count: 0 })).toBe('Delete the selection');
  });

  it('has every French key in English (plural forms aside, each language has its own)', () => {
    const withoutPlural = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
    for (const namespace of ['common', 'lists', 'errors'] as const) {
      const english = new Set(leafKeys(catalogs.en[namespace]).map(withoutPlural));
      const missing = leafKeys(catalogs.fr[namespace]).map(withoutPlural).filter((key) => !english.has(key));
      expect(missing, namespace).toEqual([]);
    }
  });
});
