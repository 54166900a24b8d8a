/**
 * Delivery reports, end to end: an accepted MediasFlow campaign (seeded as
 * the queue leaves it) whose report versions sit on a local SFTP server like
 * MediasFlow's /Campagnes/Report. In Chromium: "Actualiser" fetches them,
 * the headline and the donut legend show the right figures, a click on a
 * slice lists its recipients and their CSV export matches, a chart is saved
 * as PNG, the STOP/blacklisted numbers are in the opt-out list, the overview
 * adds up, and an AllMySMS campaign says it has no report file.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseAndSummarizeReport } from '../../shared/reports/parse-and-summarize-report';
import { exportReportRowsCsv, filterReportRows } from '../../shared/reports/report-drill-down';
import type { GenerateReportOptions } from '../../shared/reports/generate-report';
import { SftpTestServer } from '../integration/servers/sftp-test-server';
import { placeReport, seedConnection, seedJob, type PlacedReport } from '../integration/reports/report-fixtures';
import { closeBrowser, e2eDemoTimings, startApp, type RunningApp } from './harness';
import type { ReportCampaignView } from '../../shared/ipc/channels/reports';
import type { ConnectionView } from '../../shared/ipc/channels/connections';
import type { ListView } from '../../shared/lists/list-types';
import type { JobView } from '../../shared/ipc/channels/queue';
import { readdir } from 'node:fs/promises';
import { seriousFindings } from './axe-check';

const dropName = '428992-MEDIAFLOWSMS-SOLDES HIVER_20241126100000.csv';
const campaignId = '636956';
const jobId = 'je2ereport01';
// 200 rows; codes cycle so the final figures are known by hand:
// 21 ×100, 17 ×20, 20 ×20, 29 ×20, 14 ×20, 999 ×20.
const codes = [21, 21, 21, 21, 21, 17, 20, 29, 14, 999];
const base: Omit<GenerateReportOptions, 'generatedAt'> = { channel: 'sms', dropName, campaignId, sentAt: '2024-11-26T09:00:00Z', rows: 200, codes, seed: 11 };

let server: SftpTestServer;
let app: RunningApp;
let dataDir: string;
let workDir: string;
let versions: PlacedReport[];

async function value(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

/** A clean picture: no success notice over the content, no tooltip under the pointer. */
async function screenshot(running: RunningApp, name: string): Promise<void> {
  const notice = running.page.getByTestId('notice');
  // A success notice closes itself after a few seconds: it may go while being clicked.
  if (await notice.count()) await notice.getByRole('button').click({ timeout: 2_000 }).catch(() => undefined);
  await expect.poll(() => notice.count()).toBe(0);
  await running.page.mouse.move(5, 5);
  await running.screenshot(name);
}

beforeAll(async () => {
  server = await SftpTestServer.start();
  await server.mkdirs('/Campagnes/SMS', '/Campagnes/VMS', '/Campagnes/Report/archive');
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-reports-'));
  workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-reports-out-'));
  const connection = await seedConnection(dataDir, server, 'c-mf', 'MediasFlow Marketing');
  await seedJob(dataDir, { id: jobId, campaignName: 'Soldes d’hiver', remoteName: dropName, campaignId, connection, acceptedAt: '2024-11-26T09:00:00Z', recipients: 200 });
  await seedJob(dataDir, {
    id: 'je2ereport02',
    providerId: 'allmysms-ftp',
    campaignName: 'Rappel rendez-vous',
    remoteName: 'rappel-rdv.csv',
    campaignId: null,
    connection,
    acceptedAt: '2024-11-25T08:00:00Z',
    recipients: 35,
  });
  versions = [
    await placeReport(server, { ...base, generatedAt: '2024-11-26T09:15:00Z' }, { folder: '/Campagnes/Report/archive' }),
    await placeReport(server, { ...base, generatedAt: '2024-11-27T09:00:00Z' }, { encoding: 'windows-1252', upperCaseExtension: true }),
    await placeReport(server, { ...base, generatedAt: '2024-11-29T09:00:00Z' }),
  ];
  app = await startApp({ dataDir });
});

afterAll(async () => {
  await app?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

afterAll(async () => {
  await closeBrowser();
});

describe('delivery reports in the app', () => {
  it('lists the accepted campaigns and fetches the reports on "Actualiser"', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Rapports' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Rapports de remise');
    await page.getByTestId(`report-campaign-${jobId}`).waitFor();
    await page.getByTestId(`report-campaign-${jobId}`).click();
    await page.getByTestId('report-waiting').waitFor();
    await page.getByTestId('reports-refresh').click();
    await page.getByTestId('campaign-report').waitFor({ timeout: 30_000 });
    await expect.poll(() => value(page, 'version-count')).toBe(3);
  });

  it('shows the headline figures and the donut legend of the latest version', async () => {
    const { page } = app;
    const oracle = parseAndSummarizeReport(versions[2].bytes, versions[2].fileName).summary;
    expect(await value(page, 'headline-recipients')).toBe(200);
    expect(await value(page, 'headline-sent')).toBe(180);
    expect(await value(page, 'headline-delivered')).toBe(120);
    expect(await value(page, 'headline-delivered-rate')).toBe(0.6);
    expect(await value(page, 'headline-stop')).toBe(20);
    expect(await value(page, 'headline-clicks')).toBe(oracle.clicks);
    expect(await page.getByTestId('headline-delivered-rate').locator('dd').textContent()).toMatch(/^60\s?%$/);
    expect(await page.getByTestId('headline-stop').locator('dd').textContent()).toBe('20');
    const legend: Record<string, number> = {};
    for (const category of ['delivered', 'inProgress', 'sentUnconfirmed', 'undelivered', 'notSent', 'blacklisted', 'other']) legend[category] = await value(page, `legend-${category}`);
    expect(legend).toEqual({ delivered: 120, inProgress: 0, sentUnconfirmed: 0, undelivered: 40, notSent: 0, blacklisted: 20, other: 20 });
    expect(await page.getByTestId('legend-delivered').textContent()).toContain('120');
    expect(await page.getByTestId('code-row-999').textContent()).toContain('Code inconnu 999');
    // One donut slice per non-empty category, in the spec's colours.
    const fills = await page.getByTestId('chart-categories').locator('.recharts-pie-sector path').evaluateAll((paths) => paths.map((path) => path.getAttribute('fill')));
    expect(fills).toEqual(['#2e7d32', '#d32f2f', '#757575', '#8e24aa']);
    await screenshot(app, 'reports-01-campaign');
  });

  it('drills down into a category and exports exactly its rows', async () => {
    const { page, dialogs } = app;
    await page.getByTestId('legend-blacklisted').click();
    await expect.poll(() => value(page, 'recipients-total')).toBe(20);
    await expect.poll(() => page.getByTestId('recipient-row').count()).toBe(20);
    expect(await page.getByTestId('recipients-filter').textContent()).toBe('En liste noire');
    await page.getByTestId('recipients').scrollIntoViewIfNeeded();
    await screenshot(app, 'reports-02-drill-down');
    const target = join(workDir, 'liste-noire.csv');
    dialogs.nextSaveFile(target);
    await page.getByTestId('recipients-export').click();
    await page.getByTestId('notice').waitFor();
    const { parsed } = parseAndSummarizeReport(versions[2].bytes, versions[2].fileName);
    expect(await readFile(target, 'utf8')).toBe(exportReportRowsCsv(parsed, filterReportRows(parsed, { category: 'blacklisted' })));

    await page.getByTestId('code-row-999').click();
    await expect.poll(() => value(page, 'recipients-total')).toBe(20);
    await page.getByTestId('recipients-search').fill('Besançon');
    const expectedSearch = filterReportRows(parsed, { code: '999', search: 'Besançon' }).length;
    await expect.poll(() => value(page, 'recipients-total')).toBe(expectedSearch);
  });

  it("shows the recipients in the list's own columns, the status in words and the raw codes under « Détails »", async () => {
    const { page } = app;
    await page.getByTestId('recipients-search').fill('');
    await page.getByTestId('legend-blacklisted').click();
    await expect.poll(() => value(page, 'recipients-total')).toBe(20);
    await expect.poll(() => page.getByTestId('recipient-row').count()).toBe(20);
    const headers = await page.getByTestId('recipients-header').locator('.recipients-cell').allTextContents();
    expect(headers).toEqual(['Numéro', 'CIVILITE', 'PRENOM', 'NOM', 'VILLE', 'MONTANT', 'COMMENTAIRE', 'Pays', 'Statut', 'Détails']);
    const first = page.getByTestId('recipient-row').first();
    expect(await first.locator('.recipients-cell').first().textContent()).toMatch(/^0[67]( \d\d){4}$/);
    expect(await first.getByTestId('recipient-status').textContent()).toContain('Destinataire dans votre blacklist');
    expect(await first.textContent()).not.toContain('INT_MOBILE');
    // The raw codes, from the keyboard.
    await first.getByTestId('recipient-details-toggle').focus();
    await page.keyboard.press('Enter');
    await first.getByTestId('recipient-details').waitFor();
    expect(await first.getByTestId('recipient-details-toggle').getAttribute('aria-expanded')).toBe('true');
    const details = await first.getByTestId('recipient-details').textContent();
    expect(details).toContain('STATUS_CODE14');
    expect(details).toMatch(/INT_MOBILE33[67]\d{8}/);
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByTestId('recipients').scrollIntoViewIfNeeded();
    await page.getByTestId('recipients-scroll').evaluate((element) => element.scrollTo({ left: 0 }));
    await screenshot(app, 'reports-08-recipients-in-list-columns');
    await first.getByTestId('recipient-details-toggle').click();
    await expect.poll(() => first.getByTestId('recipient-details').count()).toBe(0);
  });

  it('saves a chart as PNG through the save dialog', async () => {
    const { page, dialogs } = app;
    const target = join(workDir, 'donut.png');
    dialogs.nextSaveFile(target);
    await page.getByTestId('chart-categories-png').click();
    await expect.poll(async () => (await readFile(target).catch(() => Buffer.alloc(0))).length).toBeGreaterThan(1000);
    expect([...(await readFile(target)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(dialogs.requests.at(-1)).toMatchObject({ kind: 'save', purpose: 'report-chart-png', defaultName: 'soldes-d-hiver-repartition-par-categorie.png' });
  });

  it('shows the evolution across versions', async () => {
    const { page } = app;
    await page.getByTestId('chart-evolution').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('chart-evolution').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(3);
    await screenshot(app, 'reports-03-evolution');
  });

  it('says an AllMySMS campaign has no report file', async () => {
    const { page } = app;
    await page.getByTestId('report-campaign-je2ereport02').click();
    await page.getByTestId('report-not-published').waitFor();
    expect(await page.getByTestId('report-not-published').textContent()).toContain('AllMySMS ne publie pas de fichier de rapport');
  });

  it('adds up the campaigns in the overview', async () => {
    const { page } = app;
    await page.getByTestId('reports-tab-overview').click();
    await page.getByTestId('report-overview').waitFor();
    await expect.poll(() => value(page, 'overview-recipients')).toBe(200);
    expect(await value(page, 'overview-campaigns')).toBe(1);
    expect(await page.getByTestId('chart-overview-connection-table').textContent()).toContain('MediasFlow Marketing');
    await screenshot(app, 'reports-04-overview');
  });

  it('lists the STOP and blacklisted numbers in the opt-out list, which the user edits', async () => {
    const { page } = app;
    await page.getByTestId('reports-tab-opt-outs').click();
    await expect.poll(() => value(page, 'opt-outs-count')).toBe(40);
    await page.getByTestId('opt-outs-number').fill('06 11 22 33 44');
    await page.getByTestId('opt-outs-add').click();
    await expect.poll(() => value(page, 'opt-outs-count')).toBe(41);
    await screenshot(app, 'reports-05-opt-outs');
  });

  it('shows in a list how many of its numbers are opted out (left out of drops)', async () => {
    const { page, dialogs } = app;
    const file = join(workDir, 'relance.csv');
    await writeFile(file, ['Prénom;Portable', 'Élodie;06 11 22 33 44', 'Zoé;06 12 34 56 78', 'Loïc;07 81 23 45 67'].join('\r\n'));
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    dialogs.nextOpenFile(file);
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary').waitFor();
    await expect.poll(() => value(page, 'summary-opted-out')).toBe(1);
    expect(await page.getByTestId('summary-opted-out').textContent()).toContain('1 numéro de la liste est dans la liste d’opposition et sera exclu');
    await screenshot(app, 'reports-07-list-opted-out');
    expect(app.problems).toEqual([]);
  });
});

describe('Mode démo: a drop reaches its reports by itself', () => {
  let demoApp: RunningApp;
  // Versions 1, 2 and 3 s after the send, standing for end of send, +24 h and +72 h.
  const timings = { ...e2eDemoTimings, reportDelaysMs: [1_000, 2_000, 3_000] };
  const clientList = ['Prénom;Portable;Ville', 'Élodie;06 12 34 56 78;Évry', 'Anaïs;07 81 23 45 67;Agen', 'Zoé;06 98 76 54 32;Nîmes', 'Loïc;06 55 44 33 22;Pau'].join('\r\n');

  beforeAll(async () => {
    demoApp = await startApp({ demo: { timings } });
  });

  afterAll(async () => {
    await demoApp?.close();
  });

  it('drops to the demo MediasFlow box, is accepted, and the report poller fetches the versions', async () => {
    const call = async <T,>(channel: string, input?: unknown): Promise<T> => {
      const result = await demoApp.call(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as T;
    };
    const list = await call<ListView>('lists:import-bytes', { fileName: 'clients.csv', bytes: new TextEncoder().encode(clientList) });
    const connection = (await call<ConnectionView[]>('connections:list')).find((candidate) => candidate.provider === 'demo-mediasflow')!;
    const { jobs } = await call<{ jobs: JobView[] }>('drops:submit', {
      listId: list.id,
      connectionId: connection.id,
      channel: 'sms',
      campaignName: 'Démo rapports',
      templateId: '1001',
      type: 'notification',
      message: { text: 'Bonjour ${Prénom}, votre commande est prête. STOP 36184' },
    });
    const jobId = jobs[0].id;
    // Nobody clicks "Actualiser": the poller looks a few seconds after the acceptance (demo schedule).
    await expect
      .poll(async () => (await call<ReportCampaignView[]>('reports:list')).find((view) => view.jobId === jobId)?.versions ?? -1, { timeout: 60_000, interval: 1_000 })
      .toBe(3);
    // The event follows the version's write (reports:list reads the disk): it may reach the window a moment later.
    await expect
      .poll(() => demoApp.events.some(({ event, payload }) => event === 'reports:updated' && (payload as { jobId: string }).jobId === jobId), { timeout: 10_000 })
      .toBe(true);

    const { page } = demoApp;
    await page.getByRole('navigation').getByRole('button', { name: 'Rapports' }).click();
    await page.getByTestId(`report-campaign-${jobId}`).click();
    await page.getByTestId('campaign-report').waitFor();
    const folder = join(demoApp.dataDir, 'reports', jobId);
    const latest = (await readdir(folder)).filter((name) => name !== 'state.json').sort().at(-1)!;
    const oracle = parseAndSummarizeReport(new Uint8Array(await readFile(join(folder, latest))), latest).summary;
    expect(oracle.recipients).toBe(4);
    expect(await value(page, 'headline-recipients')).toBe(4);
    expect(await value(page, 'headline-delivered')).toBe(oracle.categories.delivered);
    expect(await value(page, 'headline-stop')).toBe(oracle.stop);
    expect(await value(page, 'legend-delivered')).toBe(oracle.categories.delivered);
    expect(await value(page, 'version-count')).toBe(3);
    await screenshot(demoApp, 'reports-06-demo-campaign');
    expect(demoApp.problems).toEqual([]);
  });
});
