import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate } from './template';
import { countTemplateRow, prepareTemplateCounter } from './template-counter';
import { countSms } from './sms-count';
import { ISENDPRO_APPENDED_STOP_PLACEHOLDER } from './sms-providers';
import { messageCorpus, pick, seededRandom } from '../../test/fixtures/composer/message-corpus';

describe('countTemplateRow (counting without rendering)', () => {
  it('gives exactly countSms(renderTemplate(…)) on templates and values from the corpus', () => {
    const random = seededRandom(3);
    const corpus = messageCorpus(5, 300);
    const columns = ['A', 'B', 'C', 'D'];
    const templates = [
      'Bonjour ${A} ${B}, votre commande de ${C} vous attend à ${D}. STOP 36184',
      '${A}',
      '€${A}€${B}€',
      '',
      'Promo ${X} ${A}',
      '😀 ${A} ${B}',
      'a'.repeat(150) + '${A}[${B}]',
    ];
    let checked = 0;
    for (const template of templates) {
      for (const appended of ['', ISENDPRO_APPENDED_STOP_PLACEHOLDER]) {
        const compiled = compileTemplate(template, columns, { defaultForHeader: random() < 0.5 ? { B: 'défaut' } : {} });
        const counter = prepareTemplateCounter(compiled, appended);
        for (let i = 0; i < 150; i++) {
          const row = columns.map(() => (random() < 0.15 ? '' : pick(random, corpus).slice(0, Math.floor(random() * 120))));
          expect(countTemplateRow(counter, row), JSON.stringify({ template, row })).toEqual(countSms(renderTemplate(compiled, row) + appended));
          checked++;
        }
      }
    }
    expect(checked).toBe(templates.length * 2 * 150);
  });
});
