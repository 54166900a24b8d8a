/**
 * The across-campaigns view with a MediasFlow REST account, against the fake
 * MediasFlow on 127.0.0.1 (every request checked against the contract): a
 * campaign dropped by Dropdesk (counted from its own report) beside campaigns
 * the account sent from the extranet (from the by-period reports, 7 days at
 * most per request), each counted once — whether the account reads the
 * period's dates as Paris or UTC days.
 */
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { nextDateKey, parisWallFieldsToMs, toParisParts } from '@shared/scheduling/paris-time';
import { periodDayCount } from '@shared/reports/rest-period-windows';
import type { StoredConnection } from '../../../src-main/connections/connection-types';
import { createOptOutService } from '../../../src-main/opt-outs/opt-out-service';
import { createReportService } from '../../../src-main/reports/report-service';
import { startFakeMediasflow, type FakeMediasflow } from './fake-mediasflow';
import { createRestQueue } from './rest-queue-harness';

let fake: FakeMediasflow | null = null;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await fake?.stop();
  fake = null;
});

const numbers = (count: number, first = 0) => Array.from({ length: count }, (_, i) => `336${String(55550000 + first + i)}`);
const paris = (dateKey: string, hour: number, minute = 0) => parisWallFieldsToMs(Number(dateKey.slice(0, 4)), Number(dateKey.slice(5, 7)), Number(dateKey.slice(8, 10)), hour, minute);

function restConnection(server: FakeMediasflow, id = 'cnrest', name = 'MediasFlow API'): StoredConnection {
  return { id, name, provider: 'mediasflow-rest', demo: false, host: '127.0.0.1', port: 0, user: server.login, ftps: false, hostKey: null, passwordEnv: null, rest: { baseUrl: server.baseUrl, brand: null, loginPath: '/login', loginField: 'login', passwordField: 'password' } } as unknown as StoredConnection;
}

function reportServiceFor(server: FakeMediasflow, dataDir: string, connections: StoredConnection[], now?: () => Date) {
  return createReportService({
    dataDir,
    now,
    optOuts: createOptOutService({ dataDir }),
    connections: {
      list: async () => connections.map(({ id }) => ({ id })),
      getStored: async (id) => connections.find((connection) => connection.id === id)!,
      resolveConfig: async () => { throw new Error('unused'); },
      resolveRestEndpoint: async () => ({ baseUrl: server.baseUrl, login: server.login, password: server.password }),
    },
    restClientOptions: () => ({ timeoutMs: 5_000 }),
  });
}

describe('by-period reports in the across-campaigns view (fake MediasFlow)', () => {
  it.each(['paris', 'utc'] as const)('adds the campaigns sent elsewhere, counts Dropdesk’s own once (account reading %s days)', async (periodDays) => {
    fake = await startFakeMediasflow({ periodDays });
    const { queue, dataDir, enqueue, settle, cleanup } = await createRestQueue(fake);
    cleanups.push(cleanup);
    // Dropdesk's own campaign: 12 recipients, accepted, its own report read.
    const job = await enqueue(12);
    await settle();
    const record = (await queue.list()).find((item) => item.id === job.id)!;
    expect(record.state).toBe('accepted');
    const service = reportServiceFor(fake, dataDir, [restConnection(fake)]);
    cleanups.push(() => service.close());
    await service.fetchNew(job.id);

    const today = toParisParts(Date.now()).dateKey;
    const from = nextDateKey(today, -9);
    // Sent from the extranet: 00:30 Paris on the first day (23:30 UTC the day before: missed if the dates were taken as UTC days without the extra day),
    // 3 days ago, and one the day before the period (left out).
    fake.addCampaignSentElsewhere(numbers(5), paris(from, 0, 30));
    fake.addCampaignSentElsewhere(numbers(7, 100), paris(nextDateKey(today, -3), 14));
    fake.addCampaignSentElsewhere(numbers(4, 200), paris(nextDateKey(from, -1), 12));

    const local = await service.overview({});
    expect(local).toMatchObject({ campaigns: 1, recipients: 12 });
    expect(local.restAccounts).toBeUndefined();

    const view = await service.overview({ from, to: today });
    expect(fake.state.violations).toEqual([]);
    expect(view.restAccounts).toEqual([{ connectionId: 'cnrest', connectionName: 'MediasFlow API', campaigns: 2, requests: 2, unattributedRows: 0, error: null }]);
    expect(view).toMatchObject({ campaigns: 3, recipients: 12 + 5 + 7, delivered: 24 });
    const accountGroups = view.byDelivery.filter((group) => group.accountCampaignId);
    expect(accountGroups.map((group) => group.recipients).sort()).toEqual([5, 7]);
    expect(view.byDelivery.find((group) => !group.accountCampaignId)).toMatchObject({ label: 'Rappel RDV', recipients: 12, campaigns: 1 });
    expect(view.byConnection).toEqual([expect.objectContaining({ key: 'cnrest', recipients: 24, campaigns: 3 })]);
    expect(view.overTime.find((point) => point.day === from)).toMatchObject({ recipients: 5, campaigns: 1 });
    // Each request names whole days, 7 at most, the first the day before the period, the last the day after.
    expect(fake.periodRequests.map((request) => request.from)[0]).toBe(nextDateKey(from, -1));
    expect(fake.periodRequests.at(-1)!.to).toBe(nextDateKey(today, 1));
    expect(fake.periodRequests.every((request) => periodDayCount({ from: request.from!, to: request.to! }) <= 7)).toBe(true);
    // The VMS filter asks nothing.
    const asked = fake.periodRequests.length;
    expect((await service.overview({ from, to: today, channel: 'vms' })).campaigns).toBe(0);
    expect(fake.periodRequests.length).toBe(asked);
    expect(fake.state.injects).toBe(1);
  });

  it('a month holding the autumn change: 5 requests, none refused by the 7-day rule (Paris reading), two connections to one account asked once', async () => {
    fake = await startFakeMediasflow({ periodDays: 'paris' });
    const { dataDir, cleanup } = await createRestQueue(fake);
    cleanups.push(cleanup);
    fake.addCampaignSentElsewhere(numbers(3), paris('2026-10-25', 2, 30));
    fake.addCampaignSentElsewhere(numbers(2, 50), paris('2026-10-31', 23, 50));
    fake.addCampaignSentElsewhere(numbers(6, 80), paris('2026-11-01', 0, 10));
    const now = () => new Date('2026-12-01T10:00:00Z');
    const service = reportServiceFor(fake, dataDir, [restConnection(fake), restConnection(fake, 'cnrest2', 'Même compte')], now);
    cleanups.push(() => service.close());
    const view = await service.overview({ from: '2026-10-01', to: '2026-10-31' });
    expect(fake.state.violations).toEqual([]);
    expect(view.restAccounts?.[0]).toEqual({ connectionId: 'cnrest', connectionName: 'MediasFlow API', campaigns: 2, requests: 5, unattributedRows: 0, error: null });
    expect(view.restAccounts?.[1]).toMatchObject({ connectionId: 'cnrest2', requests: 0, campaigns: 0, error: null });
    expect(view).toMatchObject({ campaigns: 2, recipients: 5 });
    expect(view.overTime.map((point) => point.day)).toEqual(['2026-10-25', '2026-10-31']);
  });

  it('an account that cannot be read is told beside the local figures, never thrown', async () => {
    fake = await startFakeMediasflow();
    const { dataDir, cleanup } = await createRestQueue(fake);
    cleanups.push(cleanup);
    fake.fault('periodReportJson', '5xx');
    const service = reportServiceFor(fake, dataDir, [restConnection(fake)]);
    cleanups.push(() => service.close());
    const view = await service.overview({ from: '2026-11-01', to: '2026-11-03' });
    expect(view.campaigns).toBe(0);
    expect(view.restAccounts?.[0].error).toMatchObject({ code: 'http-502' });
    const tooLong = await service.overview({ from: '2026-01-01', to: '2026-12-31' });
    expect(tooLong.restAccounts?.[0].error).toMatchObject({ code: 'rest-period-too-long' });
    await rm(dataDir, { recursive: true, force: true });
  });
});
