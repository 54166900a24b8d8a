/**
 * Issue 11 §3, §12: real plural forms everywhere (i18next _one/_other, French
 * _many), never « (s) »; and one word per concept (« fournisseur » or
 * « connexion », never also « prestataire »).
 */
import { describe, expect, it } from 'vitest';
import { catalogs } from '@shared/i18n/catalogs';
import { setupI18n } from './setup-i18n';

const leaves = (value: unknown, prefix = ''): [string, string][] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, child]) => leaves(child, `${prefix}${key}.`))
    : [[prefix.slice(0, -1), String(value)]];

const everyValue = (language: 'fr' | 'en') => Object.entries(catalogs[language]).flatMap(([namespace, catalogue]) => leaves(catalogue, `${namespace}:`));

describe('catalogue words', () => {
  it('has no « (s) » in any value, French or English', () => {
    for (const language of ['fr', 'en'] as const) {
      expect(everyValue(language).filter(([, value]) => /\(s\)/.test(value)).map(([key]) => key), language).toEqual([]);
    }
  });

  it('says « fournisseur », never « prestataire »', () => {
    expect(everyValue('fr').filter(([, value]) => /prestataire/i.test(value)).map(([key]) => key)).toEqual([]);
  });

  it('words the former « (s) » messages in the singular and the plural', () => {
    const fr = setupI18n('fr');
    expect(fr.t('connections:screen.test.missing', { count: 1, n: 1 })).toBe('Connexion réussie, mais 1 dossier attendu manque.');
    expect(fr.t('connections:screen.test.missing', { count: 2, n: 2 })).toBe('Connexion réussie, mais 2 dossiers attendus manquent.');
    expect(fr.t('reports:optOuts.imported', { count: 1, added: 1, updated: 0 })).toBe('1 numéro ajouté, 0 mis à jour.');
    expect(fr.t('errors:export-unencodable', { count: 3, examples: 'ŵ ŷ', line: 4 })).toMatch(/^3 caractères ne peuvent pas être écrits en Windows-1252/);
    expect(setupI18n('en').t('reports:screen.optedOutLines', { count: 1, lines: '7' })).toBe('(line 7)');
  });
});
