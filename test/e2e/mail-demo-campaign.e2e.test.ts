/**
 * Mode démo's iSendPro box end to end in Chromium, nothing but the app: the
 * « Démo iSendPro » connection tested (its local box starts then: SMTP +
 * in-process IMAP mailbox, no Dovecot), a 1,200-recipient personalised
 * campaign composed in the app and sent on it goes out as 3 e-mails (the box
 * counts 3 mails and each of the 1,200 recipients once), the ISO-8859-1
 * answers come back, and the report is charted in Rapports; its drill-down
 * is exported as CSV and its list actions run as for MediasFlow. Screenshots
 * of the connection form, the demo connection, the report and the actions.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoIsendproCode } from '../../src-main/demo/isendpro-demo-codes';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { seriousFindings } from './axe-check';
import { skipSendTest } from './send-test-step';

const RECIPIENTS = 1200;
const numberOf = (index: number) => `06${String(20_000_000 + index).padStart(8, '0')}`;
const message = 'Bonjour ${Prénom}, votre commande est prête au magasin.';

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name }).click();
  await expect.poll(() => page.getByRole('navigation').getByRole('button', { name }).getAttribute('aria-current')).toBe('page');
}

describe('Démo iSendPro: a 1,200-recipient campaign composed in the app', () => {
  let app: RunningApp;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-mail-demo-'));
    app = await startApp({ demo: true, viewport: { width: 1366, height: 900 } });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  });

  it('has « Démo iSendPro » with the other demo connections; its test starts the local box and logs in to SMTP and IMAP, sending nothing', async () => {
    const { page } = app;
    await openSection(page, 'Connexions');
    const card = page.locator('[data-testid="connection"][data-connection="Démo iSendPro"]');
    await card.waitFor();
    expect(await card.getByTestId('demo-tag').count()).toBe(1);
    expect(await card.getByTestId('edit-connection').count()).toBe(0);
    await card.getByTestId('test-connection').click();
    await expect.poll(() => card.getByTestId('connection-check').getAttribute('data-status')).toBe('ok');
    expect(await card.getByTestId('mail-test-smtp').textContent()).toContain('aucun e-mail envoyé');
    const box = await app.services!.demo.current()!.isendpro();
    expect(box.box.mails).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('mail-demo-01-connections');
    expect(await seriousFindings(page)).toEqual([]);

    // The form a real iSendPro account is added with, at 1366×900.
    await page.getByTestId('add-mail-connection').click();
    const editor = page.getByTestId('mail-connection-editor');
    await editor.waitFor();
    // The form scrolls inside the modal: the buttons stay visible at 1366×900.
    const save = page.getByTestId('mail-connection-save');
    const inView = async () => {
      const box = await save.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 900;
    };
    expect(await inView()).toBe(true);
    await app.screenshot('mail-demo-02-connection-form');
    await editor.locator('.modal-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
    expect(await inView()).toBe(true);
    await app.screenshot('mail-demo-03-connection-form-scrolled');
    await page.getByTestId('mail-connection-editor').getByRole('button', { name: 'Annuler' }).click();
    await page.getByTestId('mail-connection-editor').waitFor({ state: 'detached' });
  });

  it('sends it as 3 e-mails, each recipient once; the answers come back and the report is charted in Rapports', async () => {
    const { page, dialogs } = app;
    const lines = ['Prénom;Portable'];
    for (let i = 0; i < RECIPIENTS; i++) lines.push(`Client${i};${numberOf(i)}`);
    const file = join(workDir, 'clients-1200.csv');
    await writeFile(file, `${lines.join('\r\n')}\r\n`);
    await openSection(page, 'Listes');
    dialogs.nextOpenFile(file);
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary').waitFor();

    await openSection(page, 'Campagnes');
    await page.getByTestId('new-campaign').click();
    const prompt = page.getByTestId('prompt-dialog');
    await prompt.getByRole('textbox').fill('Retrait magasin');
    await prompt.getByRole('button', { name: 'Créer' }).click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('composer-message').fill(message);
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');

    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.getByTestId('send-connection').selectOption({ label: 'Démo iSendPro (démo)' });
    // A notification: iSendPro's commercial hours do not apply, so the test runs at any hour.
    await form.getByTestId('send-type-notification').check();
    await form.getByTestId('send-timing-now').check();
    await form.getByTestId('show-summary').click();
    const summary = page.getByTestId('send-summary');
    await summary.waitFor();
    expect(await summary.getByTestId('summary-recipients').textContent()).toMatch(/^1[\s\u202f\u00a0]?200$/);
    expect(await summary.textContent()).toContain('3 e-mails de 500 destinataires au plus');
    await skipSendTest(page);
    await page.getByTestId('send-confirm').click();

    await page.getByTestId('jobs').waitFor();
    const job = page.getByTestId('job').first();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 60_000 }).toBe('accepted');
    const jobId = (await job.getAttribute('data-job'))!;
    await expect.poll(() => job.getByTestId('mail-batch').count()).toBe(3);

    const box = (await app.services!.demo.current()!.isendpro()).box;
    expect(box.mails.map((mail) => [mail.accepted, mail.duplicate, mail.problems.length, mail.recipients])).toEqual([
      [true, false, 0, 500],
      [true, false, 0, 500],
      [true, false, 0, 200],
    ]);
    // Each of the 1,200 recipients once: one state in a notification each, one SMS each for the numbers the demo account sends to.
    await expect.poll(() => box.notifiedPerNumber.size, { timeout: 30_000 }).toBe(RECIPIENTS);
    expect([...box.notifiedPerNumber.values()].every((count) => count === 1)).toBe(true);
    const sendable = Array.from({ length: RECIPIENTS }, (_, i) => numberOf(i)).filter((number) => demoIsendproCode(number) === 0);
    expect(sendable.length).toBeGreaterThan(1000);
    expect(box.sentPerNumber.size).toBe(sendable.length);
    for (const number of sendable) expect(box.countFor(number)).toBe(1);
    expect(box.messages.get(numberOf(42))).toBe('Bonjour Client42, votre commande est prête au magasin.');

    // The app reads the 3 notifications (ISO-8859-1): every recipient answered, the figures are the demo account's codes.
    const expected = new Map<string, number>();
    for (let i = 0; i < RECIPIENTS; i++) {
      const code = String(demoIsendproCode(numberOf(i)));
      expected.set(code, (expected.get(code) ?? 0) + 1);
    }
    type Detail = { ok: true; value: { latest: { summary: { byCode: Record<string, number>; categories: Record<string, number> } } | null } };
    // After the acknowledgements the queue reads the mailbox every few minutes (the IDLE watcher rings sooner):
    // Envois' « Actualiser » (queue:refresh) reads it now, as a user would.
    await expect
      .poll(
        async () => {
          await app.call('queue:refresh', {});
          return ((await app.call('reports:get', { jobId })) as Detail).value?.latest?.summary.categories.inProgress;
        },
        { timeout: 30_000 },
      )
      .toBe(0);
    const detail = (await app.call('reports:get', { jobId })) as Detail;
    expect(detail.value.latest!.summary.byCode).toEqual(Object.fromEntries(expected));

    // The notifications become the report: Rapports charts it.
    await openSection(page, 'Rapports');
    const line = page.getByTestId(`report-campaign-${jobId}`);
    await expect.poll(() => line.count(), { timeout: 30_000 }).toBe(1);
    await line.click();
    const chart = page.getByTestId('chart-categories');
    await expect
      .poll(
        async () => {
          if ((await chart.count()) === 0 && (await page.getByTestId('reports-refresh').count()) > 0) await page.getByTestId('reports-refresh').click();
          return chart.locator('.recharts-pie-sector path').count();
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    expect(await page.getByTestId('report-campaign-number').textContent()).toMatch(/^Envoi iSendPro n° /);
    const blacklisted = expected.get('11') ?? 0;
    expect(await page.getByTestId('legend-blacklisted').getAttribute('data-value')).toBe(String(blacklisted));
    expect(await page.getByTestId('legend-inProgress').getAttribute('data-value')).toBe('0');
    // Answers by mail confirm the sending, never the delivery: the headline says so instead of « 0 % ».
    expect(detail.value.latest!.summary.categories).toMatchObject({ delivered: 0, undelivered: 0 });
    expect(await page.getByTestId('headline-delivered-rate').locator('dd').textContent()).toBe('Non confirmé');
    expect(await line.textContent()).toContain('Réception non confirmée · 1 version');
    expect(await page.getByTestId('headline-delivered-rate').getAttribute('title')).toMatch(/^Le fournisseur a confirmé l'envoi de [\d\s\u202f\u00a0]+ messages, pas leur réception/);
    await app.screenshot('mail-report-01-demo-campaign');

    // Drill-down: the blacklisted recipients (code 11, iSendPro's words in French), like a MediasFlow report's.
    await page.getByTestId('legend-blacklisted').click();
    const table = page.getByTestId('recipients');
    await expect.poll(() => table.getByTestId('recipients-total').getAttribute('data-value')).toBe(String(blacklisted));
    await expect.poll(() => table.getByTestId('recipient-row').count()).toBeGreaterThan(0);
    const statuses = await table.getByTestId('recipient-status').allTextContents();
    expect(statuses.every((text) => text.includes('Le numéro de téléphone est dans la liste noire'))).toBe(true);
    expect(await table.getByTestId('recipient-country').first().getAttribute('data-value')).toBe('FR');
    await table.scrollIntoViewIfNeeded();
    await app.screenshot('mail-report-02-drill-down-blacklisted');
    const firstBlacklisted = Array.from({ length: RECIPIENTS }, (_, i) => i).find((i) => demoIsendproCode(numberOf(i)) === 11)!;
    await table.getByTestId('recipients-search').fill(`Bonjour Client${firstBlacklisted},`);
    await expect.poll(() => table.getByTestId('recipients-total').getAttribute('data-value')).toBe('1');
    expect(await table.getByTestId('recipient-row').first().textContent()).toContain(`Bonjour Client${firstBlacklisted}, votre commande`);
    await table.getByTestId('recipients-search').fill('');
    await expect.poll(() => table.getByTestId('recipients-total').getAttribute('data-value')).toBe(String(blacklisted));

    // The view's CSV export, as for MediasFlow: the drill-down's columns, the blacklisted rows only.
    const target = join(workDir, 'liste-noire.csv');
    dialogs.nextSaveFile(target);
    await page.getByTestId('recipients-export').click();
    await expect.poll(() => page.getByTestId('notice').allTextContents()).toContainEqual(expect.stringContaining(`${blacklisted} destinataires exportés`));
    // Browser mode hands the file over as a download, which the harness then saves at the path the test chose.
    await expect.poll(() => readFile(target, 'utf8').then(() => true, () => false)).toBe(true);
    const csv = (await readFile(target, 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(csv[0]).toBe('INT_MOBILE;STATUS_CODE;STATUS_TEXT;Mobile;Message');
    expect(csv).toHaveLength(blacklisted + 1);
    expect(csv.slice(1).every((row) => row.split(';')[1] === '11' && row.includes('votre commande est prête au magasin.'))).toBe(true);

    // « Retirer ces numéros de la liste » on code 21 (non attribué): the rows of the campaign's list, then « Défaire ».
    const unattributed = expected.get('21') ?? 0;
    expect(unattributed).toBeGreaterThan(1);
    await page.getByTestId('code-row-21').click();
    await expect.poll(() => table.getByTestId('recipients-total').getAttribute('data-value')).toBe(String(unattributed));
    await page.getByTestId('report-remove-from-list').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`${unattributed} lignes de la liste « clients-1200 » portent un des numéros affichés`);
    expect(await seriousFindings(page)).toEqual([]);
    await app.screenshot('mail-report-03-remove-confirmation');
    await dialog.getByRole('button', { name: `Retirer ${unattributed} lignes` }).click();
    await page.getByTestId('report-removed').waitFor();
    expect(await page.getByTestId('report-removed').textContent()).toContain(`${unattributed} lignes retirées de la liste « clients-1200 »`);
    await page.getByTestId('report-removed-undo').click();
    await expect.poll(() => page.getByTestId('report-removed').count()).toBe(0);

    // « Relancer les non-délivrés » reads iSendPro's codes: the demo account answers only 0 (envoyé, may still arrive),
    // 11 (liste noire), 21 and 22 (numbers iSendPro cannot send to), so nobody is sent to again (MediasFlow's 22 would have been).
    await page.getByTestId('report-retarget').click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Personne n’est à relancer');
    await app.screenshot('mail-report-04-retarget-nobody');
    await dialog.getByRole('button', { name: 'Compris' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.problems).toEqual([]);
  });
});
