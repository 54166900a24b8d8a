/**
 * "M'envoyer un test" (issue 11 §4) through the real handlers: the same
 * drop cut down to one real row of the list, to the user's own number,
 * named apart, marked as a test, and never counted as the list's send.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DropSummary, JobView } from '@shared/ipc/channels/queue';
import { createHandlers } from '../create-handlers';
import { dispatchRequest } from '../ipc/handler-map';
import type { MainDeps } from '../main-deps';
import { createMainServices } from '../main-services';
import { createMemorySettingsStore } from '../settings/memory-settings-store';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-send-test-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function setUp() {
  const deps: MainDeps = { dataDir, appVersion: 'test', settings: createMemorySettingsStore(), log: () => {}, emit: () => {}, dialogs: { chooseOpenFile: async () => null, chooseSaveFile: async () => null } };
  const services = createMainServices(deps);
  const handlers = createHandlers(deps, services);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await dispatchRequest(handlers, channel, input, () => {});
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  const bytes = new TextEncoder().encode('Prénom;Portable\r\nPaul;01 23 45 67 89\r\nÉlodie;06 12 34 56 78\r\nLoïc;06 98 76 54 32\r\n');
  const list = await call<{ id: string }>('lists:import-bytes', { fileName: 'clients.csv', bytes });
  return { services, call, listId: list.id };
}

async function droppedLines(jobId: string): Promise<string[]> {
  const folder = join(dataDir, 'queue', jobId);
  const [file] = await readdir(folder);
  return (await readFile(join(folder, file), 'utf8')).trim().split('\r\n');
}

describe('drops:send-test', () => {
  it('drops one MediasFlow row, the first sendable one, to the user’s number, as its own named test job', async () => {
    const { services, call, listId } = await setUp();
    const { connection } = await services.connections.save({ name: 'MF', provider: 'mediasflow-sftp', host: '127.0.0.1', port: 22, user: 'u', passwordEnv: 'NONE', hostKey: 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s' });
    const request = { listId, connectionId: connection.id, campaignName: 'Soldes d’hiver -20%', templateId: '1001', type: 'marketing', programmedAt: new Date(Date.now() + 86_400_000).toISOString() };
    const { jobs, summary } = await call<{ jobs: JobView[]; summary: DropSummary }>('drops:send-test', { ...request, test: { to: '07 81 23 45 67' } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ test: true, campaignName: 'Soldes d’hiver -20% — test', fileCampaignName: 'Soldes d hiver 20 test', recipients: 1, programmedAt: null });
    expect(jobs[0].listId).toBeUndefined();
    expect(summary).toMatchObject({ recipients: 1, test: { to: '33781234567', line: 2 }, previousSend: null });
    expect(summary.remoteNames[0]).toMatch(/^1001-[A-Za-z0-9]+-Soldes d hiver 20 test_\d{14}\.csv$/);
    expect(await droppedLines(jobs[0].id)).toEqual(['Prénom;PORTABLE', 'Élodie;33781234567']);

    // The campaign's own drop is untouched by the test, and the test is not "déjà envoyée".
    const real = await call<DropSummary>('drops:prepare', request);
    expect(real).toMatchObject({ recipients: 2, campaignName: 'Soldes d’hiver -20%', previousSend: null });
    expect(real.test ?? null).toBeNull();
    await services.lists.flush();
  });

  it('renders an AllMySMS message with the fields of the chosen row', async () => {
    const { services, call, listId } = await setUp();
    const { connection } = await services.connections.save({ name: 'AM', provider: 'allmysms-ftp', host: '127.0.0.1', user: 'moi' });
    const { jobs } = await call<{ jobs: JobView[] }>('drops:send-test', {
      listId,
      connectionId: connection.id,
      campaignName: 'Rappel',
      type: 'notification',
      message: { text: 'Bonjour ${Prénom}, à demain.' },
      test: { to: '0698765432', line: 3 },
    });
    expect(jobs[0]).toMatchObject({ test: true, recipients: 1, campaignName: 'Rappel — test' });
    const lines = await droppedLines(jobs[0].id);
    // AllMySMS files have no header: one line, one recipient.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('33698765432');
    expect(lines[0]).toContain('Bonjour Loïc, à demain.');
    await services.lists.flush();
  });

  it('prepares a MediasFlow REST test: one row to the user’s number, sent now, its own named job, not the list’s send', async () => {
    const { services, call, listId } = await setUp();
    const { connection } = await services.connections.save({ name: 'API', provider: 'mediasflow-rest', user: 'agence', passwordEnv: 'NONE' });
    const request = { listId, connectionId: connection.id, campaignName: 'Rappel', type: 'notification', message: { text: 'Bonjour ${Prénom}, à demain.', sender: 'GARAGE' }, programmedAt: new Date(Date.now() + 86_400_000).toISOString() };
    const { jobs, summary } = await call<{ jobs: JobView[]; summary: DropSummary }>('drops:send-test', { ...request, test: { to: '0698765432', line: 3 } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ test: true, campaignName: 'Rappel — test', recipients: 1, programmedAt: null });
    expect(jobs[0].listId).toBeUndefined();
    expect(summary).toMatchObject({ provider: 'mediasflow-rest', recipients: 1, test: { to: '33698765432', line: 3 }, sendAt: null, blocking: [] });
    // The list MediasFlow will receive: Loïc's row (line 3), to the user's number.
    expect(await droppedLines(jobs[0].id)).toEqual(['Prénom;PORTABLE', 'Loïc;33698765432']);
    const real = await call<DropSummary>('drops:prepare', request);
    expect(real).toMatchObject({ recipients: 2, campaignName: 'Rappel' });
    expect(real.test ?? null).toBeNull();
    await services.lists.flush();
  });

  it('refuses a test number that is not a mobile, and a line outside the list', async () => {
    const { services, call, listId } = await setUp();
    const { connection } = await services.connections.save({ name: 'AM', provider: 'allmysms-ftp', host: '127.0.0.1', user: 'moi' });
    const base = { listId, connectionId: connection.id, campaignName: 'Rappel', type: 'notification', message: { text: 'Bonjour' } };
    await expect(call('drops:send-test', { ...base, test: { to: '01 23 45 67 89' } })).rejects.toMatchObject({ code: 'test-number-invalid' });
    await expect(call('drops:send-test', { ...base, test: { to: '0698765432', line: 9 } })).rejects.toMatchObject({ code: 'test-line-invalid' });
    expect(await call<JobView[]>('queue:list', undefined)).toEqual([]);
    await services.lists.flush();
  });
});
