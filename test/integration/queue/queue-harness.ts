/** A data folder with a connection and a list, a controllable clock, and a queue that records what it emits. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnectionService, type ConnectionInput } from '../../../src-main/connections/connection-service';
import type { SecretCipher } from '../../../src-main/connections/connection-types';
import { createQueue, type QueueOptions } from '../../../src-main/queue/queue-runtime';
import type { JobView } from '../../../src-main/queue/job-view';
import { prepareDrop, type PrepareDropInput } from '../../../src-main/drops/prepare-drop';
import { submitDrop } from '../../../src-main/drops/submit-drop';

/** Reversible "encryption" that is visibly not plain text, for tests only. */
export const fakeCipher: SecretCipher = {
  isAvailable: () => true,
  encrypt: (text) => Buffer.from(`enc:${text}`.split('').reverse().join('')).toString('base64'),
  decrypt: (base64) => Buffer.from(base64, 'base64').toString().split('').reverse().join('').replace(/^enc:/, ''),
};

export class TestClock {
  constructor(public ms: number = Date.now()) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A Tuesday at 10:00 Paris time, inside the marketing window: fixed so tests never depend on today. */
export function listCsv(rows: number, extra = ''): string {
  const lines = ['NOM;PRENOM;MOBILE'];
  for (let i = 0; i < rows; i++) lines.push(`Nom${i};Prénom${i};06${String(12_000_000 + i).padStart(8, '0')}`);
  lines.push('Invalide;X;0140000000', 'Doublon;Y;0612000000');
  return lines.join('\r\n') + '\r\n' + extra;
}

export async function makeWorkspace(env: NodeJS.ProcessEnv = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-queue-'));
  const clock = new TestClock();
  const connections = createConnectionService({ dataDir, cipher: fakeCipher, env, timeoutMs: 5_000 });
  const listFile = join(dataDir, 'clients.csv');
  await writeFile(listFile, listCsv(20));
  const events: JobView[] = [];
  const notifications: { title: string; body: string }[] = [];
  const progress: string[] = [];
  const newQueue = (overrides: Partial<QueueOptions> = {}) =>
    createQueue({
      dataDir,
      connections,
      clock,
      emit: (view) => events.push(view),
      notifier: { notify: (notification) => notifications.push(notification) },
      progress: (line) => progress.push(line),
      transitionOptions: { random: undefined },
      ...overrides,
    });
  return {
    dataDir,
    clock,
    connections,
    listFile,
    events,
    notifications,
    progress,
    newQueue,
    addConnection: (input: ConnectionInput) => connections.save(input),
    async drop(queue: ReturnType<typeof createQueue>, input: Omit<PrepareDropInput, 'list'> & { list?: PrepareDropInput['list'] }) {
      const prepared = await prepareDrop({ list: { file: listFile }, type: 'notification', ...input }, { dataDir, connections, now: clock.now });
      return { prepared, jobs: await submitDrop(prepared, queue) };
    },
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** The states a job went through, from the emitted events, without repeats. */
export function statesOf(events: JobView[], id: string): string[] {
  const states: string[] = [];
  for (const event of events) if (event.id === id && states[states.length - 1] !== event.state) states.push(event.state);
  return states;
}
