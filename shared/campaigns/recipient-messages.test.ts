import { describe, expect, it } from 'vitest';
import { checkListBytes } from '../lists/check-list-bytes';
import { createDraft } from './campaign-draft';
import { computeListFigures, countSendable, prepareMessages, previewRecipient, sendableRowIndex } from './recipient-messages';

// 6 rows: a landline (invalid) and a duplicate are not sendable → 4 recipients.
const csv = [
  'Prénom;Nom;Portable;Ville',
  'Élodie;Dupont;06 12 34 56 78;Évry',
  'Paul;Petit;01 23 45 67 89;Paris',
  'Anaïs;Bonnet;07 81 23 45 67;',
  'Zoé;Durand;0612345678;Nîmes',
  'Loïc;Lambert;+33698765432;Pau',
  'Jean;Martin;06 98 76 54 33;Lyon',
].join('\n');

const list = checkListBytes(new TextEncoder().encode(csv), { fileName: 'clients.csv' });
const draft = (fields: Parameters<typeof createDraft>[2]) => createDraft('c1', '2026-01-01T00:00:00.000Z', fields);

describe('sendable rows', () => {
  it('skips invalid and duplicate rows', () => {
    expect(countSendable(list.checks)).toBe(4);
    expect([0, 1, 2, 3, 4].map((position) => sendableRowIndex(list.checks, position))).toEqual([0, 2, 4, 5, -1]);
  });
});

describe('previewRecipient', () => {
  const settings = draft({ name: 'Soldes', message: 'Bonjour ${Prénom}, rendez-vous à ${VILLE} ! STOP 36184', defaultForHeader: { Ville: 'votre magasin' } });

  it('renders the N-th sendable recipient with its count', () => {
    const preview = previewRecipient('c1', list.table, list.checks, settings, 0);
    expect(preview).toMatchObject({
      rowIndex: 0,
      sendableTotal: 4,
      listRow: 0,
      number: '33612345678',
      message: 'Bonjour Élodie, rendez-vous à Évry ! STOP 36184',
      unknownFields: [],
      overAccountLimit: false,
      fitsAllMySms160: null,
    });
    expect(preview?.count).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(preview?.values).toMatchObject({ Prénom: 'Élodie', Portable: '06 12 34 56 78' });
  });

  it('switches to UCS-2 for Anaïs and uses the default for her empty town', () => {
    const preview = previewRecipient('c1', list.table, list.checks, settings, 1);
    expect(preview?.message).toBe('Bonjour Anaïs, rendez-vous à votre magasin ! STOP 36184');
    expect(preview?.count.encoding).toBe('UCS-2');
  });

  it('keeps the last recipient when asked past the end, and reports unknown fields', () => {
    const preview = previewRecipient('c1', list.table, list.checks, draft({ name: 'x', message: 'Code ${CODE}' }), 99);
    expect(preview).toMatchObject({ rowIndex: 3, message: 'Code ${CODE}', unknownFields: ['CODE'] });
  });

  it('counts what MediasFlow sends when Unicode is not allowed (converted to GSM-7)', () => {
    const preview = previewRecipient('c1', list.table, list.checks, { ...settings, allowUcs2: false }, 1);
    expect(preview?.message).toBe('Bonjour Anais, rendez-vous à votre magasin ! STOP 36184');
    expect(preview?.count.encoding).toBe('GSM-7');
  });
});

describe('computeListFigures', () => {
  it('adds up every sendable recipient: Anaïs switches to UCS-2, unknown fields reported', () => {
    const progress: number[] = [];
    const figures = computeListFigures(
      list.table,
      list.checks,
      draft({ name: 'x', message: 'Bonjour ${Prénom} ${Nom}, code ${CODE}', maxSegments: 1 }),
      (p) => progress.push(p.done),
      2,
    );
    expect(figures).toMatchObject({
      recipients: 4,
      segments: { min: 1, max: 1, total: 4 },
      encodings: { 'GSM-7': 2, 'UCS-2': 2 },
      switchedToUcs2: 2, // Anaïs and Loïc
      overAccountLimit: 0,
      allMySms160Failures: null,
      unknownFields: ['CODE'],
      examples: { switchedToUcs2: [1, 2] },
    });
    expect(progress).toEqual([0, 2, 4]);
  });

  it('checks AllMySMS 160 characters with line breaks counted double', () => {
    // 152 characters + 2 line breaks + name (6 or 7): 158 or 159 units, 160 or 161 with the line breaks doubled.
    const message = `${'x'.repeat(75)}\n${'y'.repeat(75)}\n\${Nom}`;
    const figures = computeListFigures(list.table, list.checks, draft({ name: 'x', message, provider: 'allmysms-ftp' }));
    expect(figures.allMySms160Failures).toBe(1); // Lambert: 159 + 2
    expect(figures.examples.allMySms160Failures).toEqual([2]);
    expect(figures.segments.max).toBe(1); // one SMS on the air: only AllMySMS's rule refuses it
    const fits = computeListFigures(list.table, list.checks, draft({ name: 'x', message: 'Bonjour ${Nom}', provider: 'allmysms-sftp' }));
    expect(fits.allMySms160Failures).toBe(0);
  });

  it('counts recipients over the account limit', () => {
    // 157 + 1 + town: Évry 162, Pau 161, Lyon 162 → 2 SMS; Anaïs has no town → 158, 1 SMS.
    const figures = computeListFigures(list.table, list.checks, draft({ name: 'x', message: `${'a'.repeat(157)} \${Ville}`, maxSegments: 1 }));
    expect(figures).toMatchObject({ recipients: 4, overAccountLimit: 3, segments: { min: 1, max: 2, total: 7 }, distribution: { 1: 1, 2: 3 } });
  });
});

describe('replacing the accents of the fields at rendering (issue 11 §6)', () => {
  it('renders the list values in GSM-7 when asked, leaving the template and the list as they are', () => {
    const settings = { message: 'Bonjour ${Prénom}', defaultForHeader: {}, provider: 'allmysms-ftp' as const, maxSegments: 10, allowUcs2: true };
    expect(prepareMessages(['Prénom'], settings).render(['Anaïs'])).toBe('Bonjour Anaïs');
    expect(prepareMessages(['Prénom'], { ...settings, replaceInFields: true }).render(['Anaïs'])).toBe('Bonjour Anais');
  });
});
