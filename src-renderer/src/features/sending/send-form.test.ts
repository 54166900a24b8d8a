import { describe, expect, it } from 'vitest';
import { createDraft } from '@shared/campaigns/campaign-draft';
import type { ConnectionView } from '@shared/ipc/channels/connections';
import { draftFileName, formatSlot, frenchDateToIso, frenchTimeToIso, isoDateToFrench, initialSendForm, resolveSendAt, scheduleAt, sendFormProblems, toDropRequest, windowWarning } from './send-form';

const paris = (text: string) => new Date(text); // ISO with offset, e.g. '2025-06-14T21:30:00+02:00'

const demoMediasflow: ConnectionView = {
  id: 'cn-demo',
  name: 'Démo MediasFlow',
  provider: 'demo-mediasflow',
  profile: 'mediasflow-sftp',
  demo: true,
  host: '127.0.0.1',
  port: 0,
  user: 'demo',
  ftps: false,
  hostKey: null,
  passwordEnv: null,
  passwordSource: 'demo',
  passwordTravelsInClear: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};
const allmysms: ConnectionView = { ...demoMediasflow, id: 'cn-ams', name: 'AllMySMS', provider: 'allmysms-ftp', profile: 'allmysms-ftp', demo: false };

describe('the send date, in Paris time', () => {
  it('starts immediate, with a programmed time one hour ahead rounded to the quarter', () => {
    const form = initialSendForm('cn-demo', paris('2025-06-14T10:07:00+02:00'), '1001');
    expect(form).toEqual({ connectionId: 'cn-demo', templateId: '1001', timing: 'now', date: '2025-06-14', time: '11:15', includeOptedOut: false });
  });

  it('reads the typed date as Paris time, and refuses a past or too close one', () => {
    const now = paris('2025-06-14T10:00:00+02:00');
    expect(resolveSendAt({ timing: 'now', date: '', time: '' }, now)).toEqual({ ok: true, programmedAt: null, shifted: false });
    expect(resolveSendAt({ timing: 'later', date: '2025-06-16', time: '08:00' }, now)).toEqual({
      ok: true,
      programmedAt: '2025-06-16T06:00:00.000Z',
      shifted: false,
    });
    // Winter: UTC+1.
    expect(resolveSendAt({ timing: 'later', date: '2025-12-01', time: '09:30' }, now)).toMatchObject({ programmedAt: '2025-12-01T08:30:00.000Z' });
    expect(resolveSendAt({ timing: 'later', date: '2025-06-14', time: '09:00' }, now)).toMatchObject({ ok: false, code: 'programmed-time-passed' });
    expect(resolveSendAt({ timing: 'later', date: '2025-06-14', time: '10:01' }, now)).toMatchObject({
      ok: false,
      code: 'programmed-time-too-soon',
      earliest: '2025-06-14 10:02',
    });
    expect(resolveSendAt({ timing: 'later', date: '2025-02-30', time: '10:00' }, now)).toEqual({ ok: false, code: 'invalid-date' });
    // 02:30 does not exist on the spring change: moved forward, and said so.
    expect(resolveSendAt({ timing: 'later', date: '2026-03-29', time: '02:30' }, now)).toMatchObject({ ok: true, shifted: true, programmedAt: '2026-03-29T01:30:00.000Z' });
  });
});

describe('the marketing window', () => {
  it('warns about a Saturday-evening marketing send with Monday 08:00 as the next slot, never a notification', () => {
    const now = paris('2025-06-14T21:30:00+02:00'); // Saturday
    const immediate = resolveSendAt({ timing: 'now', date: '', time: '' }, now);
    const warning = windowWarning(immediate, 'marketing', now);
    expect(warning).toEqual({ breaches: ['hours'], holiday: null, nextSlot: '2025-06-16T06:00:00.000Z', nextSlotText: '2025-06-16 08:00' });
    expect(windowWarning(immediate, 'notification', now)).toBeNull();
  });

  it('names the holiday and skips it (14 July 2025 is a Monday)', () => {
    const now = paris('2025-07-10T12:00:00+02:00');
    const sendAt = resolveSendAt({ timing: 'later', date: '2025-07-14', time: '10:00' }, now);
    expect(windowWarning(sendAt, 'marketing', now)).toMatchObject({ breaches: ['holiday'], holiday: 'bastille-day', nextSlotText: '2025-07-15 08:00' });
  });

  it('keeps the provider lead when the next slot is now (08:00 sharp)', () => {
    const now = paris('2025-06-16T07:59:30+02:00');
    const warning = windowWarning(resolveSendAt({ timing: 'now', date: '', time: '' }, now), 'marketing', now);
    expect(warning?.nextSlotText).toBe('2025-06-16 08:02');
  });

  it('programs the form at the slot in one step, and says the slot as people do', () => {
    const form = initialSendForm('cn-demo', paris('2025-06-14T21:30:00+02:00'));
    expect(scheduleAt(form, '2025-06-16T06:00:00.000Z')).toMatchObject({ timing: 'later', date: '2025-06-16', time: '08:00' });
    expect(formatSlot('2025-06-16T06:00:00.000Z', 'fr')).toBe('lundi 16 juin 2025 à 08:00');
  });
});

describe('what the summary is asked for', () => {
  const now = paris('2025-06-14T10:00:00+02:00');
  const draft = { ...createDraft('cp1', now.toISOString(), { name: 'Soldes-été', listId: 'list-1' }), type: 'notification' as const };

  it('lists what the user must fix first: the template number; the name the user typed is kept (issue 11 §2)', () => {
    const form = initialSendForm('cn-demo', now, '');
    expect(sendFormProblems(form, draft, demoMediasflow, now)).toEqual(['template-id']);
    expect(draftFileName(draft)).toBe('Soldes été');
    expect(draftFileName({ name: 'Soldes-été', fileName: 'SOLDES 2025' })).toBe('SOLDES 2025');
    expect(sendFormProblems({ ...form, templateId: '1001' }, { ...draft, name: '%%%' }, demoMediasflow, now)).toEqual(['campaign-name']);
    expect(sendFormProblems({ ...form, templateId: '1001' }, { ...draft, name: 'Soldes été' }, demoMediasflow, now)).toEqual([]);
    // AllMySMS cleans the name itself and has no template.
    expect(sendFormProblems(form, draft, allmysms, now)).toEqual([]);
    expect(sendFormProblems(form, { ...draft, listId: null }, null, now)).toEqual(['no-list', 'no-connection']);
  });

  it('builds the request from the draft and the form', () => {
    const form = { ...initialSendForm('cn-demo', now, ' 1001 '), timing: 'later' as const, date: '2025-06-16', time: '09:00' };
    expect(toDropRequest(form, draft, demoMediasflow, now)).toEqual({
      draftId: 'cp1',
      connectionId: 'cn-demo',
      channel: 'sms',
      campaignName: 'Soldes-été',
      templateId: '1001',
      programmedAt: '2025-06-16T07:00:00.000Z',
      type: 'notification',
    });
    expect(toDropRequest(form, draft, allmysms, now).templateId).toBeNull();
  });
});

describe('opted-out numbers in the drop request', () => {
  it('leaves them out unless the user ticks the option', () => {
    const now = new Date('2025-06-16T08:00:00Z');
    const draft = { id: 'd1', name: 'Relance', channel: 'sms', type: 'notification' } as Parameters<typeof toDropRequest>[1];
    const connection = { id: 'cn-demo', profile: 'mediasflow-sftp' } as Parameters<typeof toDropRequest>[2];
    const form = initialSendForm('cn-demo', now, '1001');
    expect(form.includeOptedOut).toBe(false);
    expect(toDropRequest(form, draft, connection, now)).not.toHaveProperty('includeOptedOut');
    expect(toDropRequest({ ...form, includeOptedOut: true }, draft, connection, now).includeOptedOut).toBe(true);
  });
});

describe('French date and time fields (issue 11 §8)', () => {
  it('reads JJ/MM/AAAA and 24-hour times, whatever the browser locale', () => {
    expect(isoDateToFrench('2026-12-01')).toBe('01/12/2026');
    expect(frenchDateToIso('01/12/2026')).toBe('2026-12-01');
    expect(frenchDateToIso('1/12/2026')).toBe('2026-12-01');
    expect(frenchDateToIso('2026-12-01')).toBe('2026-12-01');
    expect(frenchDateToIso('31/02/2026')).toBeNull();
    expect(frenchDateToIso('12/2026')).toBeNull();
    expect(frenchTimeToIso('8:55')).toBe('08:55');
    expect(frenchTimeToIso('8 h 55')).toBe('08:55');
    expect(frenchTimeToIso('20h')).toBe('20:00');
    expect(frenchTimeToIso('8:55 PM')).toBeNull();
    expect(frenchTimeToIso('24:00')).toBeNull();
  });
});
