import { describe, expect, it } from 'vitest';
import { createJob } from '../job-schedule';
import type { Job } from '../job-types';
import type { RestFigures, RestJobSetup } from './rest-job-types';
import { createRestProgress, restDueAction } from './rest-schedule';
import { restTransition, type RestTransitionEvent } from './rest-transition';

const t0 = new Date('2026-03-02T08:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const expected: RestFigures = { recipients: 12, invalid: 0, duplicates: 0, blacklisted: 0, renderingErrors: 0, credits: 12, sender: 'GARAGE', message: 'Bonjour ${PRENOM}' };

function restJob(setup: Partial<RestJobSetup> = {}, scheduleOn: string | null = null): Job {
  const job = createJob(
    { id: 'jrest0001', connectionId: 'cn1', providerId: 'mediasflow-sftp', channel: 'sms', sendType: 'notification', campaignName: 'Rappel', templateId: '1', idDelivery: 'DDREST1', programmedAt: scheduleOn },
    t0,
  );
  const payload = { campaignName: 'Rappel', msg: expected.message, sender: 'GARAGE', typeSelect: 'NOTIFICATION' as const, allowUCS2: false, autoREPLACEEMOJI: false, autoREPLACETOGSM7: false, checkDuplicate: true, brand: null };
  return { ...job, rest: createRestProgress({ listMode: 'upload', expected, payload, ...setup }, scheduleOn) };
}

function run(job: Job, ...events: RestTransitionEvent[]): Job {
  let current = job;
  events.forEach((event, index) => {
    const result = restTransition(current, event, at(index + 1));
    if (!result.ok) throw new Error(`${event.type} refused: ${result.error.message}`);
    current = result.job;
  });
  return current;
}

const uploaded: RestTransitionEvent = { type: 'rest-list-uploaded', listId: 392 };
const prepared: RestTransitionEvent = { type: 'rest-prepared', campaignId: 943, answered: expected, status: 'DRAFT' };
const sending: RestTransitionEvent = { type: 'rest-inject-sending' };
const lost: RestTransitionEvent = { type: 'rest-inject-unknown', error: { code: 'network', message: 'Connexion coupée.' } };

describe('a REST job, step by step', () => {
  it('uploads the list, prepares, checks, injects once: accepted with the campaign number', () => {
    let job = restJob();
    expect(restDueAction(job, t0)).toBe('rest-upload-list');
    job = run(job, uploaded);
    expect(job.rest).toMatchObject({ step: 'prepare', listId: 392 });
    expect(restDueAction(job, at(2))).toBe('rest-prepare');
    job = run(job, prepared);
    expect(job).toMatchObject({ state: 'queued', campaignId: '943', rest: { step: 'inject', campaignId: 943, prepares: 1, mismatches: [] } });
    expect(restDueAction(job, at(3))).toBe('rest-inject');
    job = run(job, sending);
    expect(job).toMatchObject({ state: 'uploading', attempts: 1 });
    expect(job.rest?.injectSentAt).not.toBeNull();
    job = run(job, { type: 'rest-injected', status: 'INJECTED' });
    expect(job).toMatchObject({ state: 'accepted', campaignId: '943', rest: { status: 'INJECTED', step: 'done' } });
    expect(restDueAction(job, at(100))).toBeNull();
  });

  it('sends the recipients inside the prepare when there is no list to upload', () => {
    const job = restJob({ listMode: 'recipients' });
    expect(restDueAction(job, t0)).toBe('rest-prepare');
    expect(restTransition(job, uploaded, t0).ok).toBe(false);
    expect(run(job, prepared).rest?.step).toBe('inject');
  });

  it('refuses steps out of order and nonsense ids', () => {
    const job = restJob();
    expect(restTransition(job, prepared, t0).ok).toBe(false);
    expect(restTransition(job, sending, t0).ok).toBe(false);
    expect(restTransition(job, { type: 'rest-list-uploaded', listId: 0 }, t0).ok).toBe(false);
    expect(restTransition(run(job, uploaded), { ...prepared, campaignId: -1 } as RestTransitionEvent, t0).ok).toBe(false);
    expect(restTransition(job, { type: 'renaming' }, t0).ok).toBe(false);
    expect(restTransition({ ...job, rest: undefined }, uploaded, t0).ok).toBe(false);
  });
});

describe('lost answers before the inject are harmless and retried', () => {
  it('a network error on the list upload or the prepare waits with backoff and redoes the same step', () => {
    let job = run(restJob(), { type: 'network-error', error: { code: 'network', message: 'Délai dépassé.' } });
    expect(job).toMatchObject({ state: 'waiting', rest: { step: 'upload-list' } });
    expect(restDueAction(job, t0)).toBeNull();
    expect(restDueAction(job, new Date(Date.parse(job.nextAttemptAt!)))).toBe('rest-upload-list');
    job = run(job, uploaded, { type: 'network-error', error: { code: 'server', message: 'Erreur 503.' } });
    expect(job).toMatchObject({ state: 'waiting', rest: { step: 'prepare' } });
    job = run(job, prepared);
    expect(job.rest).toMatchObject({ step: 'inject', prepares: 1 });
  });

  it('a permanent error fails the job; retry goes back to the same step', () => {
    let job = run(restJob(), uploaded, { type: 'permanent-error', error: { code: 'auth', message: 'Identifiant refusé.' } });
    expect(job.state).toBe('failed');
    job = run(job, { type: 'user-retry' });
    expect(job).toMatchObject({ state: 'queued', rest: { step: 'prepare' } });
  });
});

describe('figures that differ hold the job with both columns', () => {
  it('holds on any difference, lists expected and answered, and sends only when the user confirms', () => {
    const answered = { ...expected, recipients: 11, blacklisted: 1, credits: 11 };
    let job = run(restJob(), uploaded, { ...prepared, answered } as RestTransitionEvent);
    expect(job.state).toBe('held');
    expect(job.reason?.code).toBe('rest-figures-mismatch');
    expect(job.reason?.message).toContain('destinataires 12 ≠ 11');
    expect(job.rest?.mismatches).toEqual([
      { figure: 'recipients', expected: 12, answered: 11 },
      { figure: 'blacklisted', expected: 0, answered: 1 },
      { figure: 'credits', expected: 12, answered: 11 },
    ]);
    expect(restDueAction(job, at(1000))).toBeNull();
    job = run(job, { type: 'user-confirm' });
    expect(job).toMatchObject({ state: 'queued', rest: { step: 'inject' } });
    expect(restDueAction(job, at(1000))).toBe('rest-inject');
  });

  it('a held mismatch can be cancelled: nothing was injected', () => {
    const job = run(restJob(), uploaded, { ...prepared, answered: { ...expected, message: 'Bonjour' } } as RestTransitionEvent, { type: 'user-cancel' });
    expect(job.state).toBe('cancelled');
  });

  it('checks the sender, the rendering errors and the credits to the cent; no sender asked accepts the short code', () => {
    const base = run(restJob(), uploaded);
    const hold = (answered: Partial<RestFigures>) => (run(base, { ...prepared, answered: { ...expected, ...answered } } as RestTransitionEvent).state);
    expect(hold({ sender: 'GARAGE2' })).toBe('held');
    expect(hold({ renderingErrors: 2 })).toBe('held');
    expect(hold({ credits: 12.004 })).toBe('queued');
    expect(hold({ credits: 12.5 })).toBe('held');
    const noSender = { ...restJob({ expected: { ...expected, sender: null } }) };
    expect(run(run(noSender, uploaded), { ...prepared, answered: { ...expected, sender: '38184' } } as RestTransitionEvent).state).toBe('queued');
  });

  it('a prepare answered with anything but DRAFT is never injected: held as unknown', () => {
    const job = run(restJob(), uploaded, { ...prepared, status: 'INJECTED' } as RestTransitionEvent);
    expect(job).toMatchObject({ state: 'held', reason: { code: 'rest-result-unknown' } });
    expect(restTransition(job, sending, at(50)).ok).toBe(false);
  });
});

describe('exactly once: after the inject may have left', () => {
  const inFlight = () => run(restJob(), uploaded, prepared, sending);

  it('a lost inject answer holds "Résultat inconnu" with the campaign number and what to check', () => {
    const job = run(inFlight(), lost);
    expect(job.state).toBe('held');
    expect(job.reason?.message).toMatch(/^Résultat inconnu : la demande d'envoi de la campagne n° 943/);
    expect(job.reason?.action).toMatch(/extranet MediasFlow/);
    expect(job.lastError?.message).toBe('Connexion coupée.');
  });

  it('refuses everything that could inject again: retry, confirm, reschedule, send now, cancel, errors, a second inject', () => {
    const held = run(inFlight(), lost);
    const refused: RestTransitionEvent[] = [
      { type: 'user-retry' },
      { type: 'user-confirm' },
      { type: 'user-reschedule', programmedAt: at(7200).toISOString() },
      { type: 'user-reschedule', programmedAt: null },
      { type: 'user-cancel' },
      { type: 'network-error', error: { code: 'network', message: 'x' } },
      { type: 'permanent-error', error: { code: 'x', message: 'x' } },
      sending,
      uploaded,
      prepared,
    ];
    for (const event of refused) {
      const result = restTransition(held, event, at(100));
      expect(result.ok, event.type).toBe(false);
    }
    const confirm = restTransition(held, { type: 'user-confirm' }, at(100));
    expect(!confirm.ok && confirm.error.code).toBe('result-unknown');
  });

  it('reads again later while unknown, and becomes accepted once a read shows the campaign went', () => {
    let job = run(inFlight(), lost);
    expect(restDueAction(job, at(4))).toBeNull();
    expect(restDueAction(job, new Date(Date.parse(job.nextPollAt!)))).toBe('rest-reconcile');
    const before = job.nextPollAt!;
    job = run(job, { type: 'rest-reconcile-not-yet' });
    expect(job.state).toBe('held');
    expect(job.rest?.reconcileReads).toBe(1);
    expect(Date.parse(job.nextPollAt!)).toBeGreaterThan(Date.parse(before));
    job = run(job, { type: 'user-check-ack' });
    expect(restDueAction(job, at(2))).toBe('rest-reconcile');
    job = run(job, { type: 'rest-reconciled', status: 'INJECTED' });
    expect(job).toMatchObject({ state: 'accepted', campaignId: '943' });
    expect(job.history.at(-1)?.note).toBe('rest-reconciled');
  });

  it('a process that died with the inject in flight is found uploading: reconciled by a read, held if it cannot tell', () => {
    const job = inFlight();
    expect(restDueAction(job, at(10))).toBe('rest-reconcile');
    const held = run(job, { type: 'interrupted' });
    expect(held).toMatchObject({ state: 'held', reason: { code: 'rest-result-unknown' } });
    expect(run(job, { type: 'rest-injected', status: 'SCHEDULED' }).state).toBe('accepted');
  });

  it('a clear refusal of the inject proves nothing left: failed, and a retry prepares again', () => {
    let job = run(inFlight(), { type: 'rest-inject-refused', error: { code: 'http-400', message: 'Crédit insuffisant.' } });
    expect(job).toMatchObject({ state: 'failed', reason: { message: 'Crédit insuffisant.' }, rest: { injectSentAt: null, step: 'prepare', campaignId: null } });
    job = run(job, { type: 'user-retry' }, prepared, sending);
    expect(job.state).toBe('uploading');
  });

  it('over every sequence of events (depth 7), never two injects that may both have left', () => {
    const events: RestTransitionEvent[] = [
      uploaded,
      prepared,
      { ...prepared, answered: { ...expected, recipients: 1 } } as RestTransitionEvent,
      sending,
      lost,
      { type: 'rest-injected', status: 'INJECTED' },
      { type: 'rest-inject-refused', error: { code: 'http-400', message: 'Refus.' } },
      { type: 'rest-reconcile-not-yet' },
      { type: 'interrupted' },
      { type: 'network-error', error: { code: 'network', message: 'x' } },
      { type: 'user-retry' },
      { type: 'user-confirm' },
      { type: 'user-cancel' },
      { type: 'user-reschedule', programmedAt: null },
    ];
    let paths = 0;
    const explore = (job: Job, depth: number, maybeSent: number) => {
      expect(maybeSent).toBeLessThanOrEqual(1);
      if (depth === 0) {
        paths++;
        return;
      }
      for (const event of events) {
        const result = restTransition(job, event, at(10_000 + depth));
        if (!result.ok) continue;
        let sent = maybeSent;
        if (event.type === 'rest-inject-sending') sent++;
        if (event.type === 'rest-inject-refused') sent--;
        explore(result.job, depth - 1, sent);
      }
      paths++;
    };
    explore(restJob(), 7, 0);
    expect(paths).toBeGreaterThan(1000);
  });
});

describe('a scheduled campaign', () => {
  const scheduleOn = at(3600).toISOString();
  const scheduled = () => run(restJob({}, scheduleOn), uploaded, prepared, sending, { type: 'rest-injected', status: 'SCHEDULED' });

  it('is accepted as SCHEDULED, and can be cancelled at MediasFlow until 10 s before its time', () => {
    let job = scheduled();
    expect(job).toMatchObject({ state: 'accepted', rest: { status: 'SCHEDULED', scheduleOn } });
    job = run(job, { type: 'user-cancel' });
    expect(job).toMatchObject({ state: 'accepted', cancelRequested: true });
    expect(restDueAction(job, at(10))).toBe('rest-cancel');
    job = run(job, { type: 'rest-campaign-cancelled' });
    expect(job).toMatchObject({ state: 'cancelled', cancelRequested: false, reason: { code: 'rest-cancelled' }, rest: { status: 'DRAFT' } });
  });

  it('refuses the cancel within the last 10 s, and keeps the campaign when MediasFlow refuses it', () => {
    const job = scheduled();
    const late = restTransition(job, { type: 'user-cancel' }, new Date(Date.parse(scheduleOn) - 10_000));
    expect(!late.ok && late.error.code).toBe('already-on-server');
    expect(restTransition(job, { type: 'user-cancel' }, new Date(Date.parse(scheduleOn) - 11_000)).ok).toBe(true);
    const refused = run(run(job, { type: 'user-cancel' }), { type: 'rest-cancel-refused', error: { code: 'http-400', message: 'Trop tard.' } });
    expect(refused).toMatchObject({ state: 'accepted', cancelRequested: false });
    expect(refused.lastError?.message).toContain('Trop tard.');
  });

  it('an immediate campaign, once accepted, cannot be cancelled', () => {
    const job = run(restJob(), uploaded, prepared, sending, { type: 'rest-injected', status: 'INJECTED' });
    const result = restTransition(job, { type: 'user-cancel' }, at(20));
    expect(!result.ok && result.error.code).toBe('already-on-server');
  });

  it('a new time before the inject means a new prepare (the old DRAFT is never injected)', () => {
    const held = run(restJob({}, scheduleOn), uploaded, { type: 'programmed-time-passed' });
    expect(held.state).toBe('held');
    const job = run(run(restJob({}, scheduleOn), uploaded, prepared), { type: 'permanent-error', error: { code: 'x', message: 'x' } });
    const moved = run(job, { type: 'user-reschedule', programmedAt: at(7200).toISOString() });
    expect(moved).toMatchObject({ state: 'queued', campaignId: null, rest: { step: 'prepare', campaignId: null, listId: 392 } });
  });
});

describe('restCancelCountdown (Envois)', () => {
  const scheduled = (scheduleOn: string) => ({ state: 'accepted' as const, rest: { status: 'SCHEDULED', scheduleOn } as never });
  it('counts down to 10 s before the scheduled time, then 0', async () => {
    const { restCancelCountdown } = await import('./rest-transition');
    const at = '2026-12-01T12:30:00.000Z';
    expect(restCancelCountdown(scheduled(at), new Date('2026-12-01T12:29:00.000Z'))).toEqual({ deadline: new Date('2026-12-01T12:29:50.000Z'), secondsLeft: 50 });
    expect(restCancelCountdown(scheduled(at), new Date('2026-12-01T12:29:55.000Z'))?.secondsLeft).toBe(0);
    expect(restCancelCountdown({ state: 'accepted', rest: { status: 'INJECTED', scheduleOn: null } as never }, new Date())).toBeNull();
  });
});
