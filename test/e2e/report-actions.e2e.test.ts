/**
 * The report's list actions, end to end (issue 11 §10): a campaign dropped
 * from the app (its job names its draft and list) whose report is on a local
 * SFTP server like MediasFlow's. "Retirer ces numéros de la liste" on the
 * unknown numbers removes exactly their rows from the campaign's list, after
 * a confirmation that counts them, and "Défaire" puts them back; "Relancer
 * les non-délivrés" creates a new draft "<campaign> — relance" on a new list
 * of the not-delivered rows (opt-outs left out), opens it in the composer,
 * and sends nothing.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SftpTestServer } from '../integration/servers/sftp-test-server';
import { placeReport, seedConnection, seedJob } from '../integration/reports/report-fixtures';
import { createJobStore } from '../../src-main/queue/job-store';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { seriousFindings } from './axe-check';
import type { ListView, RowPage } from '../../shared/lists/list-types';
import type { CampaignDraft, CampaignDraftMeta } from '../../shared/campaigns/campaign-draft';

const dropName = '1001-DROPDESK-Rappel vaccin_20241126100000.csv';
const campaignId = '777001';
const jobId = 'je2eactions01';
// One code per list row: 2 unknown numbers (29), 4 to send again (20, 31, 8, 22), one 20 whose number is opted out, the rest never re-targeted.
const codes = [21, 21, 20, 29, 31, 17, 14, 8, 10, 20, 22, 29];
const columns = ['Prénom', 'Nom', 'Portable'];
const people = ['Élodie', 'François', 'Hélène', 'Jérôme', 'Zoé', 'Chloé', 'Noël', 'Amélie', 'Loïc', 'Thomas', 'Inès', 'Gaëlle'];
const rows = people.map((name, index) => [name, `Nom${index + 1}`, `06 11 00 00 ${String(index + 10)}`]);
const numberOf = (index: number) => `336110000${String(index + 10)}`;

let server: SftpTestServer;
let app: RunningApp;
let dataDir: string;
let listId: string;

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await app.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

async function listNumbers(id: string): Promise<string[]> {
  const page = await call<RowPage>('lists:rows', { id, offset: 0, limit: 100, filter: 'all' });
  return page.rows.map((row) => row.normalized ?? '');
}

beforeAll(async () => {
  server = await SftpTestServer.start();
  await server.mkdirs('/Campagnes/SMS', '/Campagnes/Report/archive');
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-report-actions-'));
  const connection = await seedConnection(dataDir, server, 'c-mf', 'MediasFlow Santé');
  app = await startApp({ dataDir });
  const csv = [columns.join(';'), ...rows.map((row) => row.join(';'))].join('\r\n');
  const list = await call<ListView>('lists:import-bytes', { fileName: 'patients.csv', bytes: new TextEncoder().encode(csv) });
  listId = list.id;
  const draft = await call<CampaignDraft>('campaigns:create', { name: 'Rappel vaccin', listId, message: 'Bonjour ${Prénom}, pensez à votre rappel. STOP 36184', templateId: '1001', type: 'notification' });
  // The job the queue leaves after the accepted drop of that draft.
  const record = await seedJob(dataDir, { id: jobId, campaignName: 'Rappel vaccin', remoteName: dropName, campaignId, connection, acceptedAt: '2024-11-26T09:00:00Z', recipients: rows.length });
  await createJobStore(dataDir).write({ ...record, job: { ...record.job, listId, draftId: draft.id, sendType: 'notification' } });
  await placeReport(server, { channel: 'sms', dropName, campaignId, generatedAt: '2024-11-26T12:00:00Z', originalColumns: columns, rows, codes, engagement: false });
  // A number the office already knows wants no more messages (not from this report).
  await call('opt-outs:add', { number: '06 11 00 00 19' });
  await call('reports:refresh', { jobId });
});

afterAll(async () => {
  await app?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await closeBrowser();
});

describe('report list actions', () => {
  it('removes the unknown numbers from the campaign list after a confirmation that counts the rows, and « Défaire » puts them back', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Rapports' }).click();
    await page.getByTestId(`report-campaign-${jobId}`).click();
    await page.getByTestId('campaign-report').waitFor();
    await page.getByTestId('code-row-29').click();
    await expect.poll(async () => Number(await page.getByTestId('recipients-total').getAttribute('data-value'))).toBe(2);
    await page.getByTestId('report-remove-from-list').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('2 lignes de la liste « patients » portent un des numéros affichés');
    expect(await seriousFindings(page)).toEqual([]);
    await app.screenshot('report-actions-01-remove-confirmation');
    await dialog.getByRole('button', { name: 'Retirer 2 lignes' }).click();
    await page.getByTestId('report-removed').waitFor();
    expect(await page.getByTestId('report-removed').textContent()).toContain('2 lignes retirées de la liste « patients »');
    const after = await listNumbers(listId);
    expect(after).toHaveLength(10);
    expect(after).not.toContain(numberOf(3));
    expect(after).not.toContain(numberOf(11));
    await page.getByTestId('report-removed-undo').click();
    await expect.poll(async () => (await listNumbers(listId)).length).toBe(12);
    await expect.poll(() => page.getByTestId('report-removed').count()).toBe(0);
  });

  it('« Relancer les non-délivrés » creates a new draft on a new list of the not-delivered rows, opens it, and sends nothing', async () => {
    const { page } = app;
    await page.getByTestId('report-retarget').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).toContain('« Rappel vaccin — relance »');
    expect(text).toContain('pour 4 destinataires non délivrés');
    expect(text).toContain('1 numéro de la liste d’opposition (STOP, liste noire) est laissé de côté');
    expect(text).toContain('Rien n’est envoyé');
    expect(await seriousFindings(page)).toEqual([]);
    await app.screenshot('report-actions-02-retarget-confirmation');
    await dialog.getByRole('button', { name: 'Créer le brouillon' }).click();
    await page.getByTestId('composer').waitFor();
    await expect.poll(() => page.getByTestId('campaign-name').inputValue()).toBe('Rappel vaccin — relance');

    const drafts = await call<CampaignDraftMeta[]>('campaigns:list');
    const relance = drafts.find((draft) => draft.name === 'Rappel vaccin — relance')!;
    const draft = await call<CampaignDraft>('campaigns:get', { id: relance.id });
    expect(draft.message).toBe('Bonjour ${Prénom}, pensez à votre rappel. STOP 36184');
    expect(draft.templateId).toBe('1001');
    expect(draft.listId).not.toBe(listId);
    // The new list: the rows coded 20, 31, 8 and 22 — never the STOP (17), blacklisted (14), pending (10), unknown (29) or opted-out ones.
    expect((await listNumbers(draft.listId!)).sort()).toEqual([2, 4, 7, 10].map(numberOf).sort());
    const newList = await call<ListView>('lists:open', { id: draft.listId! });
    expect(newList.name).toBe('patients — relance');
    expect(newList.columns).toEqual(columns);
    // The original list is untouched, and nothing went to the queue.
    expect(await listNumbers(listId)).toHaveLength(12);
    expect((await readdir(join(dataDir, 'queue'))).filter((name) => name.endsWith('.json'))).toEqual([`${jobId}.json`]);
    await app.screenshot('report-actions-03-retarget-draft');
    expect(app.problems).toEqual([]);
  });
});
