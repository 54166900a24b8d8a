/** A queue with the REST driver against the fake MediasFlow, with short delays (tests only). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RestFigures, RestJobSetup } from '../../../shared/queue/rest/rest-job-types';
import { createQueue } from '../../../src-main/queue/queue-runtime';
import { createRestDriver } from '../../../src-main/queue/drivers/rest/rest-driver';
import type { RestClientOptions } from '../../../src-main/connectors/mediasflow-rest/rest-client';
import type { FakeMediasflow } from './fake-mediasflow';

export const quick = { baseMs: 1, factor: 1, maxMs: 1 };

export function restListCsv(rows: number): string {
  return ['mobile;PRENOM', ...Array.from({ length: rows }, (_, i) => `+336${String(12340000 + i)};Client${i}`)].join('\r\n') + '\r\n';
}

/** The list as a REST job saves it (buildMediasflowFile: MOBILE column, 336… numbers without "+"). */
export function restDropCsv(rows: number): string {
  return ['MOBILE;PRENOM', ...Array.from({ length: rows }, (_, i) => `336${String(12340000 + i)};Client${i}`)].join('\r\n') + '\r\n';
}

export function restSetup(rows: number, overrides: Partial<RestFigures> = {}): RestJobSetup {
  const msg = 'Bonjour ${PRENOM}, votre RDV est confirmé. STOP 36184';
  return {
    listMode: 'upload',
    expected: { recipients: rows, invalid: 0, duplicates: 0, blacklisted: 0, renderingErrors: 0, credits: rows, sender: 'GARAGE', message: msg, ...overrides },
    payload: { campaignName: 'Rappel RDV', msg, sender: 'GARAGE', typeSelect: 'NOTIFICATION', allowUCS2: false, autoREPLACEEMOJI: false, autoREPLACETOGSM7: false, checkDuplicate: true, brand: null },
  };
}

export async function createRestQueue(fake: FakeMediasflow, clientOptions: RestClientOptions = {}, dataDir?: string, password = fake.password, optOutNumbers?: () => Promise<ReadonlySet<string>>) {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'dropdesk-rest-')));
  const progress: string[] = [];
  const queue = createQueue({
    dataDir: dir,
    connections: { getStored: async () => { throw new Error('unused'); }, resolveConfig: async () => { throw new Error('unused'); } },
    drivers: [createRestDriver({ endpointFor: async () => ({ baseUrl: fake.baseUrl, login: fake.login, password }), clientOptions: { timeoutMs: 1_500, sleep: async () => {}, ...clientOptions }, optOutNumbers })],
    transitionOptions: { uploadBackoff: quick, pollBackoff: quick, random: undefined },
    progress: (line) => void progress.push(line),
  });
  async function enqueue(rows = 12, overrides: Partial<RestFigures> = {}, programmedAt: string | null = null) {
    return queue.enqueue({
      connection: { id: 'cnrest', name: 'MediasFlow API' },
      job: { providerId: 'mediasflow-rest', channel: 'sms', sendType: 'notification', campaignName: 'Rappel RDV', idDelivery: `DDR${Date.now().toString(36).toUpperCase()}`, programmedAt, rest: restSetup(rows, overrides) },
      remoteFolder: '/lists/upload',
      file: { name: 'drop.csv', data: Buffer.from(restDropCsv(rows)), recipients: rows },
    });
  }
  /** Passes until nothing moves (or `passes` runs). */
  async function settle(passes = 8) {
    for (let i = 0; i < passes; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const report = await queue.runOnce({ pollAllAcks: true });
      if (report.worked.length === 0) break;
    }
  }
  return { queue, dataDir: dir, enqueue, settle, progress, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
