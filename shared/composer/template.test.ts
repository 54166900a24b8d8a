import { describe, expect, it } from 'vitest';
import { compileTemplate, fieldPlaceholder, findPlaceholders, renderTemplate, renderTemplatePreview } from './template';
import { previewRecipient } from './recipient-preview';
import { counterCapacity } from './sms-count';

const columns = ['MOBILE', 'Prénom', 'NOM', 'Ville', 'nom_magasin'];

describe('BASIC renderer ${FIELD}', () => {
  it('finds placeholders and treats broken ones as text', () => {
    expect(findPlaceholders('Bonjour ${PRENOM} ${ NOM }, ${} ${a\nb} ${fin').map((p) => p.name)).toEqual(['PRENOM', 'NOM']);
    expect(fieldPlaceholder('Ville')).toBe('${Ville}');
  });

  it('matches columns exactly first, then case-insensitively (accents kept)', () => {
    const compiled = compileTemplate('${NOM} ${nom} ${prénom} ${PRÉNOM} ${Prenom}', ['NOM', 'nom', 'Prénom']);
    expect(compiled.fields.map((f) => [f.name, f.column, f.match])).toEqual([
      ['NOM', 'NOM', 'exact'],
      ['nom', 'nom', 'exact'],
      ['prénom', 'Prénom', 'case-insensitive'],
      ['PRÉNOM', 'Prénom', 'case-insensitive'],
      ['Prenom', null, 'unknown'],
    ]);
    expect(compiled.unknownFields).toEqual(['Prenom']);
  });

  it('renders every row by concatenation', () => {
    const compiled = compileTemplate('Bonjour ${PRÉNOM} ${NOM}, votre magasin ${NOM_MAGASIN} vous attend.', columns);
    expect(compiled.unknownFields).toEqual([]);
    expect(renderTemplate(compiled, ['0612345678', 'Anaïs', 'Martin', 'Lyon', 'Part-Dieu'])).toBe(
      'Bonjour Anaïs Martin, votre magasin Part-Dieu vous attend.',
    );
    expect(compiled.templateEncoding).toBe('GSM-7');
  });

  it('uses defaultForHeader for empty or blank cells, matched on the column name', () => {
    const compiled = compileTemplate('Bonjour ${prénom} de ${Ville}', columns, { defaultForHeader: { Prénom: 'cher client', VILLE: 'Paris' } });
    expect(renderTemplate(compiled, ['06', '', 'X', '  '])).toBe('Bonjour cher client de Paris');
    expect(renderTemplate(compiled, ['06', 'Léa', 'X', 'Nice'])).toBe('Bonjour Léa de Nice');
    // A short row (missing trailing cells) behaves like empty cells.
    expect(renderTemplate(compiled, ['06'])).toBe('Bonjour cher client de Paris');
  });

  it('reports unknown fields and never renders them blank', () => {
    const compiled = compileTemplate('Code ${CODE_PROMO} pour ${NOM}', columns);
    expect(compiled.unknownFields).toEqual(['CODE_PROMO']);
    expect(renderTemplate(compiled, ['06', 'Léa', 'Roux'])).toBe('Code ${CODE_PROMO} pour Roux');
    const withDefault = compileTemplate('Code ${CODE_PROMO} pour ${NOM}', columns, { defaultForHeader: { CODE_PROMO: 'NOEL' } });
    expect(withDefault.unknownFields).toEqual(['CODE_PROMO']);
    expect(renderTemplate(withDefault, ['06', 'Léa', 'Roux'])).toBe('Code NOEL pour Roux');
  });

  it('explains a preview: blank, defaulted and unknown fields', () => {
    const compiled = compileTemplate('${Prénom} ${NOM} ${Ville} ${X}', columns, { defaultForHeader: { Ville: 'Paris' } });
    expect(renderTemplatePreview(compiled, ['06', '', 'Roux', ''])).toEqual({
      text: ' Roux Paris ${X}',
      blankFields: ['Prénom'],
      defaultedFields: ['Ville'],
      unknownFields: ['X'],
    });
  });

  it('keeps a template without fields as is, and knows when the template itself is UCS-2', () => {
    const compiled = compileTemplate('Soldes d’été !', columns);
    expect(compiled.fields).toEqual([]);
    expect(renderTemplate(compiled, [])).toBe('Soldes d’été !');
    expect(compiled.templateEncoding).toBe('UCS-2');
  });

  it('counts repeated fields once, with their occurrences', () => {
    const compiled = compileTemplate('${NOM} ${NOM} ${nom}', columns);
    expect(compiled.fields.map((f) => [f.name, f.occurrences])).toEqual([
      ['NOM', 2],
      ['nom', 1],
    ]);
    expect(renderTemplate(compiled, ['06', 'a', 'B'])).toBe('B B B');
  });
});

describe('recipient preview', () => {
  it('shows the rendered message, its count, spans and problems', () => {
    const compiled = compileTemplate('Bonjour ${Prénom}, ' + 'x'.repeat(55), columns);
    const lea = previewRecipient(compiled, ['06', 'Léa'], { maxSegments: 1 });
    expect(lea.text).toBe('Bonjour Léa, ' + 'x'.repeat(55));
    expect(lea.count).toMatchObject({ encoding: 'GSM-7', units: 68, segments: 1 });
    expect(counterCapacity(lea.count)).toBe(160);
    expect(lea.switchedToUcs2).toBe(false);
    const anais = previewRecipient(compiled, ['06', 'Anaïs'], { maxSegments: 1 });
    expect(anais.count).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(anais.switchedToUcs2).toBe(true);
    const long = previewRecipient(compiled, ['06', 'Anaïs-Maëlle'], { maxSegments: 1 });
    expect(long.count.segments).toBe(2);
    expect(long.count.spans.map((s) => s.end)).toEqual([67, 77]);
    expect(counterCapacity(long.count)).toBe(134);
    expect(long.overAccountLimit).toBe(true);
    expect(long.fitsAllMySms160).toBe(true);
  });
});
