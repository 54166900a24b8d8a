/**
 * A new report version, end to end (issue 11 §9): in Mode démo, a drop is
 * accepted, the demo MediasFlow box writes a report version, the poller
 * fetches it by itself, and — while the user is on another screen — the
 * "Rapports" navigation item shows a badge with the count of unread reports
 * and a desktop notification names the campaign and its figures. Opening the
 * report clears the badge; the read state is kept in the workspace (reports/read.json).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAndSummarizeReport } from '../../shared/reports/parse-and-summarize-report';
import type { ConnectionView } from '../../shared/ipc/channels/connections';
import type { JobView } from '../../shared/ipc/channels/queue';
import type { ReportCampaignView, UnreadReportsView } from '../../shared/ipc/channels/reports';
import type { ListView } from '../../shared/lists/list-types';
import { closeBrowser, e2eDemoTimings, startApp, type RunningApp } from './harness';
import { seriousFindings } from './axe-check';

const clientList = ['Prénom;Portable', 'Élodie;06 12 34 56 78', 'Anaïs;07 81 23 45 67', 'Zoé;06 98 76 54 32'].join('\r\n');

let app: RunningApp;
let jobId: string;

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await app.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  // One version, a second after the send (standing for the end of the send).
  app = await startApp({ demo: { timings: { ...e2eDemoTimings, reportDelaysMs: [1_000], reportSimulatedHours: [72] } } });
});

afterAll(async () => {
  await app?.close();
  await closeBrowser();
});

describe('a new report version', () => {
  it('shows a badge on « Rapports » and a desktop notification, by itself', async () => {
    const list = await call<ListView>('lists:import-bytes', { fileName: 'clients.csv', bytes: new TextEncoder().encode(clientList) });
    const connection = (await call<ConnectionView[]>('connections:list')).find((candidate) => candidate.provider === 'demo-mediasflow')!;
    const { jobs } = await call<{ jobs: JobView[] }>('drops:submit', {
      listId: list.id,
      connectionId: connection.id,
      channel: 'sms',
      campaignName: 'Rappel du badge',
      templateId: '1001',
      type: 'notification',
      message: { text: 'Bonjour ${Prénom}, votre commande est prête. STOP 36184' },
    });
    jobId = jobs[0].id;
    const { page } = app;
    const badge = page.getByTestId('nav-reports-badge');
    // Nobody clicks anything: the poller fetches the version, main tells the page.
    await badge.waitFor({ timeout: 90_000 });
    expect(Number(await badge.getAttribute('data-value'))).toBe(1);
    expect(await page.getByRole('navigation').getByRole('button', { name: /Rapports/ }).textContent()).toContain('1 nouveau rapport non lu');
    expect(await call<UnreadReportsView>('reports:unread')).toEqual({ total: 1, byJob: { [jobId]: 1 } });

    const folder = join(app.dataDir, 'reports', jobId);
    const version = (await readdir(folder)).find((name) => name !== 'state.json')!;
    const oracle = parseAndSummarizeReport(new Uint8Array(await readFile(join(folder, version))), version).summary;
    const notification = app.notifications.find((candidate) => candidate.title === 'Nouveau rapport de remise');
    expect(notification?.body.replace(/\u202f|\u00a0/g, ' ')).toBe(
      `Nouveau rapport pour « Rappel du badge » : ${oracle.categories.delivered} ${oracle.categories.delivered > 1 ? 'délivrés' : 'délivré'} sur ${oracle.recipients}`,
    );
    expect(await seriousFindings(page)).toEqual([]);
    await app.screenshot('report-badge-01-nav-badge');
  });

  it('clears the badge when the report is opened, and remembers it in the workspace', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: /Rapports/ }).click();
    await page.getByTestId(`report-campaign-${jobId}`).click();
    await page.getByTestId('campaign-report').waitFor();
    await expect.poll(() => page.getByTestId('nav-reports-badge').count()).toBe(0);
    expect(await call<UnreadReportsView>('reports:unread')).toEqual({ total: 0, byJob: {} });
    expect(JSON.parse(await readFile(join(app.dataDir, 'reports', 'read.json'), 'utf8')).seen[jobId]).toBe(1);
    expect((await call<ReportCampaignView[]>('reports:list')).find((view) => view.jobId === jobId)?.versions).toBe(1);
    expect(app.problems).toEqual([]);
  });
});
