/**
 * The fault matrix of the REST driver: every scenario counts the injects the
 * fake MediasFlow committed and checks the rule — never more than one inject
 * per drop, and every job ends accepted, held or failed with a plain-French
 * reason. Every request was valid against the OpenAPI document.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeMediasflow, type Fault, type FaultOperation, type FakeMediasflow } from './fake-mediasflow';
import { createRestQueue } from './rest-queue-harness';

let fake: FakeMediasflow | null = null;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await fake?.stop();
  await cleanup?.();
  fake = null;
  cleanup = null;
});

const matrix: { operation: FaultOperation; faults: Fault[]; injects: number; state: 'accepted' | 'held' | 'failed'; reason?: RegExp }[] = [
  { operation: 'inject', faults: [], injects: 1, state: 'accepted' },
  { operation: 'inject', faults: ['drop-after-commit'], injects: 1, state: 'accepted' },
  { operation: 'inject', faults: ['no-answer'], injects: 1, state: 'accepted' },
  { operation: 'inject', faults: ['5xx'], injects: 1, state: 'accepted' },
  { operation: 'inject', faults: ['html-200'], injects: 1, state: 'accepted' },
  { operation: 'inject', faults: ['truncated'], injects: 1, state: 'accepted' },
  { operation: 'inject', faults: ['401'], injects: 1, state: 'accepted' },
  { operation: 'inject', faults: ['429'], injects: 1, state: 'accepted' },
  { operation: 'inject', faults: ['5xx-before'], injects: 0, state: 'held', reason: /^Résultat inconnu : la demande d'envoi de la campagne n° \d+/ },
  { operation: 'inject', faults: ['429', '429', '429'], injects: 0, state: 'failed', reason: /limite le nombre de demandes/ },
  { operation: 'prepare', faults: ['drop-after-commit'], injects: 1, state: 'accepted' },
  { operation: 'prepare', faults: ['no-answer', 'truncated', '5xx'], injects: 1, state: 'accepted' },
  { operation: 'prepare', faults: ['html-200', '401', '429'], injects: 1, state: 'accepted' },
  { operation: 'uploadList', faults: ['drop-after-commit', '5xx-before', 'truncated'], injects: 1, state: 'accepted' },
  { operation: 'campaignReportJson', faults: ['5xx'], injects: 1, state: 'accepted' },
];

describe('REST drop fault matrix (fake MediasFlow on 127.0.0.1)', () => {
  it.each(matrix)('$operation ← $faults: $injects inject(s), $state', async ({ operation, faults, injects, state, reason }) => {
    fake = await startFakeMediasflow();
    if (faults.length) fake.fault(operation, ...faults);
    // The report read fault needs an unknown inject first.
    if (operation === 'campaignReportJson') fake.fault('inject', 'drop-after-commit');
    const rest = await createRestQueue(fake);
    cleanup = rest.cleanup;
    const job = await rest.enqueue(12);
    await rest.settle();
    const final = await rest.queue.get(job.id);
    expect(fake.state.violations).toEqual([]);
    expect(fake.state.injects).toBe(injects);
    expect(final.state, JSON.stringify(final.reason)).toBe(state);
    if (state === 'accepted') expect(final.campaignId).toMatch(/^\d+$/);
    else {
      expect(final.reason?.message).toMatch(reason ?? /./);
      expect(final.reason?.message).toMatch(/[a-zéè]/);
    }
    // Settling more never injects again.
    await rest.settle(3);
    expect(fake.state.injects).toBe(injects);
  });

  it('holds a drop whose figures MediasFlow counts differently, with both sets, and sends nothing', async () => {
    fake = await startFakeMediasflow();
    const rest = await createRestQueue(fake);
    cleanup = rest.cleanup;
    const job = await rest.enqueue(12, { recipients: 13, credits: 13 });
    await rest.settle();
    const final = await rest.queue.get(job.id);
    expect(final.state).toBe('held');
    expect(final.reason?.code).toBe('rest-figures-mismatch');
    expect(final.rest?.mismatches).toEqual([
      { figure: 'recipients', expected: 13, answered: 12 },
      { figure: 'credits', expected: 13, answered: 12 },
    ]);
    expect(fake.state.injects).toBe(0);
    // The user saw both columns and sends anyway: one inject.
    await rest.queue.decide(job.id, { type: 'confirm' });
    await rest.settle();
    expect((await rest.queue.get(job.id)).state).toBe('accepted');
    expect(fake.state.injects).toBe(1);
  });

  it('a wrong password fails at once in plain French, mentioning the IP address', async () => {
    fake = await startFakeMediasflow();
    const rest = await createRestQueue(fake, {}, undefined, 'mauvais mot de passe');
    cleanup = rest.cleanup;
    const job = await rest.enqueue(3);
    await rest.settle();
    const final = await rest.queue.get(job.id);
    expect(final.state).toBe('failed');
    expect(final.reason?.message).toMatch(/adresse IP/);
    expect(fake.state.injects).toBe(0);
  });
});
