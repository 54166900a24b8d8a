import { describe, expect, it } from 'vitest';
import type { SendableTable } from '../sendable-table';
import { planIsendproBatches } from './isendpro-batches';
import { isendproSendableAt, isendproSendWindow } from './isendpro-window';
import { checkIsendproMessage, checkStopMention } from '../../composer/stop-mention';

function table(count: number, foreignEvery = 0): SendableTable & { rows: string[][] } {
  const rows: string[][] = [];
  const checks: { status: 'valid' | 'invalid'; normalized?: string }[] = [];
  for (let i = 0; i < count; i++) {
    const foreign = foreignEvery > 0 && i % foreignEvery === foreignEvery - 1;
    const normalized = foreign ? `3247${String(i).padStart(7, '0')}` : `336${String(i).padStart(8, '0')}`;
    rows.push([normalized, `Prénom${i}`]);
    checks.push({ status: 'valid', normalized });
  }
  rows.push(['bad', 'X']);
  checks.push({ status: 'invalid' });
  return { columns: ['MOBILE', 'PRENOM'], rows, mobileColumn: 0, checks };
}

describe('iSendPro batches', () => {
  it('1,200 personalised recipients → 3 mails of 500, 500, 200, each with its own text', () => {
    const plan = planIsendproBatches(table(1200), { template: 'Bonjour ${PRENOM}', sender: '', nostop: false });
    expect(plan.personalised).toBe(true);
    expect(plan.batches.map((batch) => batch.recipients.length)).toEqual([500, 500, 200]);
    expect(plan.batches[0].sharedMessage).toBeNull();
    expect(plan.batches[0].recipients[0]).toEqual({ number: '0600000000', message: 'Bonjour Prénom0' });
    expect(plan.batches[2].rows[0]).toBe(1000);
    expect(plan.recipients).toBe(1200);
  });

  it('one shared message when nothing is personalised', () => {
    const plan = planIsendproBatches(table(3), { template: 'Soldes !', sender: '', nostop: false });
    expect(plan.personalised).toBe(false);
    expect(plan.batches[0].sharedMessage).toBe('Soldes !');
    expect(plan.batches[0].smslong).toBe(1);
  });

  it('leaves foreign numbers out and says which rows', () => {
    const plan = planIsendproBatches(table(10, 5), { template: 'Soldes !', sender: '', nostop: false });
    expect(plan.recipients).toBe(8);
    expect(plan.leftOutForeign).toEqual({ count: 2, rows: [4, 9] });
  });

  it('smslong counts the STOP mention iSendPro appends with a custom sender (141 left), not with nostop', () => {
    const text141 = 'a'.repeat(141);
    const text142 = 'a'.repeat(142);
    expect(planIsendproBatches(table(1), { template: text141, sender: 'MaSociete', nostop: false }).batches[0].smslong).toBe(1);
    expect(planIsendproBatches(table(1), { template: text142, sender: 'MaSociete', nostop: false }).batches[0].smslong).toBe(2);
    expect(planIsendproBatches(table(1), { template: text142, sender: 'MaSociete', nostop: true }).batches[0].smslong).toBe(1);
    expect(planIsendproBatches(table(1), { template: text142, sender: '', nostop: false }).batches[0].smslong).toBe(1);
  });

  it('personalised smslong is the longest message of the batch', () => {
    const rows = table(2);
    rows.rows[1][1] = 'x'.repeat(200);
    const plan = planIsendproBatches(rows, { template: 'Bonjour ${PRENOM}', sender: '', nostop: false });
    expect(plan.batches[0].smslong).toBe(2);
    expect(plan.maxSegments).toBe(2);
  });
});

describe('iSendPro composer warnings', () => {
  it('a real Ö and more than 9 SMS', () => {
    expect(checkIsendproMessage('Ödile', { sender: '' }).map((issue) => issue.code)).toEqual(['isendpro-real-o-umlaut']);
    expect(checkIsendproMessage('a'.repeat(153 * 9), { sender: '' })).toEqual([]);
    expect(checkIsendproMessage('a'.repeat(153 * 9 + 1), { sender: '' })).toEqual([
      { code: 'isendpro-over-9-segments', severity: 'warning', params: { segments: 10, max: 9 } },
    ]);
    // The appended STOP mention can push it over.
    expect(checkIsendproMessage('a'.repeat(153 * 9 - 10), { sender: 'MaSociete' }).map((issue) => issue.code)).toEqual(['isendpro-over-9-segments']);
    const issues = checkStopMention('Ödile', { provider: 'isendpro', kind: 'marketing', sender: 'MaSociete' }).map((issue) => issue.code);
    expect(issues).toEqual(['isendpro-stop-appended', 'isendpro-real-o-umlaut']);
  });
});

describe('iSendPro marketing window', () => {
  it('keeps a safety margin before 20:00 (19:30 by default)', () => {
    expect(isendproSendWindow().end).toBe('19:30');
    expect(isendproSendWindow(undefined, 10).end).toBe('19:50');
    // Tuesday 2026-12-01 19:40 Paris (18:40 UTC) → Wednesday 08:00 Paris.
    const late = new Date('2026-12-01T18:40:00Z');
    expect(isendproSendableAt(late, 'marketing')?.toISOString()).toBe('2026-12-02T07:00:00.000Z');
    expect(isendproSendableAt(late, 'notification')).toBe(late);
    const fine = new Date('2026-12-01T10:00:00Z');
    expect(isendproSendableAt(fine, 'marketing')).toBe(fine);
    // Saturday 19:45 → Monday 08:00 (Sunday is outside).
    expect(isendproSendableAt(new Date('2026-12-05T18:45:00Z'), 'marketing')?.toISOString()).toBe('2026-12-07T07:00:00.000Z');
  });
});
