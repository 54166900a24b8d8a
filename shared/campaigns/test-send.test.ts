import { describe, expect, it } from 'vitest';
import { maxCampaignNameLength, validateCampaignName } from '../providers/mediasflow/campaign-name';
import type { ListDocument } from '../lists/list-document';
import { arrayRows, rowArrays } from '../lists/list-rows';
import {
  checkTestNumber,
  nextTestStep,
  realSendAllowed,
  testCampaignName,
  testFileCampaignName,
  testListDocument,
  type TestStep,
} from './test-send';

describe('test send names', () => {
  it('names the test apart from the campaign', () => {
    expect(testCampaignName('Soldes d’hiver -20%')).toBe('Soldes d’hiver -20% — test');
  });

  it('gives the test a provider-safe file name that says it is a test, even at the maximum length', () => {
    expect(testFileCampaignName('Rappel rendez vous')).toBe('Rappel rendez vous test');
    const long = 'A'.repeat(maxCampaignNameLength);
    const name = testFileCampaignName(long);
    expect(name.endsWith(' test')).toBe(true);
    expect(Array.from(name)).toHaveLength(maxCampaignNameLength);
    expect(validateCampaignName(name).ok).toBe(true);
  });
});

describe('checkTestNumber (the lists’ mobile rule)', () => {
  it('accepts French mobiles as people write them', () => {
    expect(checkTestNumber(' 06 12 34 56 78 ')).toEqual({ ok: true, normalized: '33612345678' });
    expect(checkTestNumber('+33 7 81 23 45 67')).toEqual({ ok: true, normalized: '33781234567' });
  });

  it('refuses a landline, an empty or a malformed number with the lists’ reason', () => {
    expect(checkTestNumber('01 23 45 67 89')).toEqual({ ok: false, reason: 'landline' });
    expect(checkTestNumber('')).toEqual({ ok: false, reason: 'empty' });
    expect(checkTestNumber('06 12')).toMatchObject({ ok: false });
  });
});

describe('testListDocument', () => {
  const rows = [
    ['Élodie', '06 12 34 56 78', 'Évry'],
    ['Anaïs', '07 81 23 45 67'],
  ];
  const document: ListDocument = { columns: ['Prénom', 'Portable', 'Ville'], rows: arrayRows(rows), mobileColumn: 1 };

  it('keeps the chosen row’s fields and puts the user’s number in the mobile column', () => {
    const result = testListDocument(document, 2, '0698765432');
    expect(result.ok && { line: result.line, columns: result.document.columns, rows: rowArrays(result.document.rows), mobile: result.document.mobileColumn }).toEqual({
      line: 2,
      columns: ['Prénom', 'Portable', 'Ville'],
      rows: [['Anaïs', '0698765432', '']],
      mobile: 1,
    });
    // The campaign's list is left as it was.
    expect(rows[1]).toEqual(['Anaïs', '07 81 23 45 67']);
  });

  it('refuses a line outside the list and a list without a mobile column', () => {
    expect(testListDocument(document, 0, '0698765432')).toEqual({ ok: false, problem: 'line-out-of-range' });
    expect(testListDocument(document, 3, '0698765432')).toEqual({ ok: false, problem: 'line-out-of-range' });
    expect(testListDocument({ ...document, mobileColumn: null }, 1, '0698765432')).toEqual({ ok: false, problem: 'no-mobile-column' });
  });
});

describe('the test step before the real send', () => {
  const untested: TestStep = { kind: 'untested' };

  it('enables the real send only after a test found right', () => {
    let step = nextTestStep(untested, { type: 'send' });
    expect(realSendAllowed(step)).toBe(false);
    step = nextTestStep(step, { type: 'sent', jobId: 'job-1', to: '33612345678' });
    expect(step).toEqual({ kind: 'sent', jobId: 'job-1', to: '33612345678' });
    expect(realSendAllowed(step)).toBe(false);
    step = nextTestStep(step, { type: 'answer', right: false });
    expect(step).toEqual({ kind: 'not-right', to: '33612345678' });
    expect(realSendAllowed(step)).toBe(false);
    step = nextTestStep(step, { type: 'answer', right: true });
    expect(realSendAllowed(step)).toBe(true);
  });

  it('lets the user skip the test, and a failed send stays untested', () => {
    expect(realSendAllowed(nextTestStep(untested, { type: 'skip' }))).toBe(true);
    expect(nextTestStep({ kind: 'sending' }, { type: 'failed' })).toEqual(untested);
    // No answer before a test was sent.
    expect(nextTestStep(untested, { type: 'answer', right: true })).toEqual(untested);
    expect(nextTestStep({ kind: 'skipped' }, { type: 'reset' })).toEqual(untested);
  });
});
