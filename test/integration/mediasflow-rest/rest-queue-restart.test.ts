/**
 * kill -9 of the queue process between every two steps of a REST job, then a
 * restart on the same data folder: at most one inject, and the job ends
 * accepted — or held "Résultat inconnu" when the process died after writing
 * "inject sent" and before the request left (Dropdesk cannot tell, so it
 * never injects again by itself).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childScriptArgs } from '../bundled-child';
import { startFakeMediasflow, type FakeMediasflow } from './fake-mediasflow';
import { createRestQueue } from './rest-queue-harness';

const childScript = fileURLToPath(new URL('./rest-queue-child.ts', import.meta.url));
let fake: FakeMediasflow;
beforeAll(async () => {
  fake = await startFakeMediasflow();
});
afterAll(async () => {
  await fake.stop();
});

async function runChild(dataDir: string, killAfter: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  const script = await childScriptArgs(childScript);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...script, JSON.stringify({ dataDir, baseUrl: fake.baseUrl, login: fake.login, password: fake.password, killAfter })], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

describe('REST job: kill -9 between every two steps, then a restart', () => {
  // Writes of a REST run: 1 list uploaded, 2 prepared, 3 inject sent (before the request), 4 injected.
  it.each([1, 2, 3, 4])('killed right after write %i: at most one inject after the restart', async (killAfter) => {
    const rest = await createRestQueue(fake);
    try {
      const job = await rest.enqueue(5);
      const before = fake.state.injects;
      const child = await runChild(rest.dataDir, killAfter);
      expect(child.signal, child.out).toBe('SIGKILL');
      await rest.settle();
      const final = await rest.queue.get(job.id);
      const injects = fake.state.injects - before;
      expect(injects).toBeLessThanOrEqual(1);
      if (killAfter === 3) {
        // Died with "inject sent" on disk and the request not sent: unknown, held, never injected by itself.
        expect(injects).toBe(0);
        expect(final.state).toBe('held');
        expect(final.reason?.message).toMatch(/^Résultat inconnu/);
      } else {
        expect(injects).toBe(1);
        expect(final.state).toBe('accepted');
      }
      await rest.settle(3);
      expect(fake.state.injects - before).toBe(injects);
      expect(fake.state.violations).toEqual([]);
    } finally {
      await rest.cleanup();
    }
  });
});
