/**
 * A REST job re-checks the opt-out list before its list leaves, as file drops
 * do before their first upload: a number that answered STOP after the job was
 * queued is not in the list MediasFlow receives (and Dropdesk's expected
 * figures follow, so the prepare's check still agrees); an opt-out list that
 * cannot be read makes the job wait with nothing sent (fail closed).
 */
import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createOptOutService, optOutsFilePath } from '../../../src-main/opt-outs/opt-out-service';
import { startFakeMediasflow, type FakeMediasflow } from './fake-mediasflow';
import { createRestQueue } from './rest-queue-harness';

let fake: FakeMediasflow | null = null;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await fake?.stop();
  await cleanup?.();
  fake = null;
  cleanup = null;
});

async function queueWithOptOuts() {
  fake = await startFakeMediasflow();
  let dataDir = '';
  const rest = await createRestQueue(fake, {}, undefined, fake.password, () => createOptOutService({ dataDir }).numberSet());
  dataDir = rest.dataDir;
  cleanup = rest.cleanup;
  return { fake, rest, optOuts: createOptOutService({ dataDir }) };
}

describe('REST drop: opt-outs re-checked before the list leaves', () => {
  it('leaves out a number that answered STOP after the job was queued', async () => {
    const { fake, rest, optOuts } = await queueWithOptOuts();
    const job = await rest.enqueue(12);
    await optOuts.add({ number: '+33612340003' });
    await optOuts.add({ number: '+33612340007' });
    await rest.settle();
    const final = await rest.queue.get(job.id);
    expect(fake.state.violations).toEqual([]);
    expect(final.state, JSON.stringify(final.reason)).toBe('accepted');
    expect(fake.state.injects).toBe(1);
    const [uploaded] = fake.uploadedLists();
    expect(uploaded).toContain('33612340002;');
    expect(uploaded).not.toContain('33612340003;');
    expect(uploaded).not.toContain('33612340007;');
    expect(uploaded.trim().split(/\r?\n/)).toHaveLength(1 + 10);
    expect(final.rest?.expected.recipients).toBe(10);
    expect(final.rest?.answered?.recipients).toBe(10);
    expect(rest.progress.join('\n')).toMatch(/2 destinataires opposés depuis la programmation retirés de la liste/);
  });

  it('sends nothing while the opt-out list cannot be read: the job waits for the opt-outs', async () => {
    const { fake, rest } = await queueWithOptOuts();
    const job = await rest.enqueue(12);
    await writeFile(optOutsFilePath(rest.dataDir), '{ not json');
    await rest.settle(3);
    const waiting = await rest.queue.get(job.id);
    expect(waiting.state).toBe('waiting');
    expect(waiting.waitingFor).toBe('opt-outs');
    expect(waiting.reason?.code).toBe('opt-outs-unreadable');
    expect(fake.state.requests).toBe(0);
    expect(fake.state.uploads + fake.state.prepares + fake.state.injects).toBe(0);
  });
});
