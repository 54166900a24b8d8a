/**
 * "M'envoyer un test" (issue 11 §4) in Mode démo, in Chromium against the
 * real handlers and demo drop boxes: from the summary, the same message to
 * the user's own number, through the same connection, as its own one-row
 * drop ("… — test"); "Le test reçu est-il conforme ?" before the real send
 * is enabled; the test marked in Envois and never counted as the campaign.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../shared/ipc/channels/queue';
import type { AppSettings } from '../../shared/settings/app-settings';
import type { Page } from 'playwright-core';
import { closeBrowser, startApp, type RunningApp } from './harness';

/** Whole inside the window and not covered (a sticky bar could hide it): seen without scrolling. */
async function seenWithoutScrolling(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  const viewport = page.viewportSize()!;
  if (!box || box.x < 0 || box.y < 0 || box.x + box.width > viewport.width || box.y + box.height > viewport.height) return false;
  return page.evaluate(
    ({ x, y, id }) => document.elementFromPoint(x, y)?.closest(`[data-testid="${id}"]`) !== null,
    { x: box.x + box.width / 2, y: box.y + box.height / 2, id: testId },
  );
}

const clientList = [
  'Prénom;Nom;Portable;Ville',
  'Élodie;Dupont;06 12 34 56 78;Évry',
  'Paul;Petit;01 23 45 67 89;Paris',
  'Anaïs;Bonnet;07 81 23 45 67;Agen',
  'Loïc;Lambert;+33698765432;Pau',
].join('\r\n');

describe('M’envoyer un test before the real send (issue 11 §4)', () => {
  let app: RunningApp;
  let workDir: string;
  let testJobId: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-send-test-'));
    app = await startApp({ demo: true });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  });

  it('opens the summary of a campaign with the real send waiting for the test', async () => {
    const { page, dialogs } = app;
    const file = join(workDir, 'clients.csv');
    await writeFile(file, clientList);
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    dialogs.nextOpenFile(file);
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await page.getByTestId('new-campaign').click();
    const prompt = page.getByTestId('prompt-dialog');
    await prompt.getByRole('textbox').fill('Relance clients');
    await prompt.getByRole('button', { name: 'Créer' }).click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('composer-message').fill('Bonjour ${Prénom}, votre commande est prête. STOP 36184');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    if (await page.getByTestId('first-steps-dismiss').count()) await page.getByTestId('first-steps-dismiss').click();
    await expect.poll(() => page.getByTestId('figures-total').textContent(), { timeout: 30_000 }).toBe('3');
    for (const [width, height] of [[1366, 768], [1920, 1080]]) {
      await page.setViewportSize({ width, height });
      await page.mouse.move(5, 5);
      await app.screenshot(`after-composer-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1360, height: 860 });
    // Channel and type are asked once, at « Programmer » (issue 11 §12): the composer only says them.
    expect(await page.locator('input[type="radio"][name="channel"], input[type="radio"][name="type"]').count()).toBe(0);
    expect(await page.getByTestId('campaign-channel-type').textContent()).toBe("SMS · Marketing — choisis à l'étape « Programmer et envoyer ».");
    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.waitFor();
    expect(await page.locator('input[type="radio"][name="send-channel"]').count()).toBe(2);
    expect(await page.locator('input[type="radio"][name="send-type"]').count()).toBe(2);
    await form.getByTestId('send-type-notification').check();
    await form.getByTestId('send-timing-now').check();
    await form.getByTestId('show-summary').click();
    const summary = page.getByTestId('send-summary');
    await summary.waitFor();
    expect(await summary.getByTestId('summary-recipients').textContent()).toBe('3');
    const test = summary.getByTestId('send-test');
    expect(await test.getAttribute('data-state')).toBe('untested');
    expect(await summary.getByTestId('send-confirm').isDisabled()).toBe(true);
    expect(await summary.getByTestId('send-test-waiting').textContent()).toBe("Envoyez-vous un test (ou passez-le) pour activer l'envoi à la liste.");
    expect(await test.getByTestId('send-test-advice').textContent()).toBe("Les sites des fournisseurs conseillent d'envoyer un test à son propre mobile avant chaque campagne.");
    // The fields of the row the preview shows, unless another is chosen.
    expect(await test.getByTestId('test-line').inputValue()).toBe('1');
  });

  it('shows the confirm button without scrolling at 1360×860 and 1366×768, and uses the width at 1920×1080', async () => {
    const { page } = app;
    await page.getByTestId('send-test').getByTestId('test-number').fill('06 99 88 77 66');
    expect(await seenWithoutScrolling(page, 'send-confirm')).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await seenWithoutScrolling(page, 'send-confirm')).toBe(true);
    await page.locator('.app-content').evaluate((element) => element.scrollTo(0, 0));
    expect(await seenWithoutScrolling(page, 'send-confirm')).toBe(true);
    await page.mouse.move(5, 5);
    await app.screenshot('after-summary-1366x768');
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(await seenWithoutScrolling(page, 'send-confirm')).toBe(true);
    // No narrow column in the middle of a wide window: the summary takes most of the content's width.
    const content = (await page.locator('.app-content').boundingBox())!;
    const summaryBox = (await page.getByTestId('send-summary').boundingBox())!;
    expect(summaryBox.width / content.width).toBeGreaterThan(0.85);
    await page.locator('.app-content').evaluate((element) => element.scrollTo(0, 0));
    await app.screenshot('after-summary-1920x1080');
    await page.setViewportSize({ width: 1360, height: 860 });
  });

  it('refuses a landline as the test number, by the lists’ rule', async () => {
    const test = app.page.getByTestId('send-test');
    await test.getByTestId('test-number').fill('01 23 45 67 89');
    expect(await test.getByTestId('test-number-help').textContent()).toBe("Ce numéro n'est pas accepté (numéro fixe) : indiquez un mobile, comme pour les listes.");
    expect(await test.getByTestId('send-test-button').isDisabled()).toBe(true);
  });

  it('sends the test as its own one-row drop, that the demo box takes as its own file', async () => {
    const { page } = app;
    const test = page.getByTestId('send-test');
    await test.getByTestId('test-number').fill('06 99 88 77 66');
    await test.getByTestId('test-line').fill('3');
    await test.getByTestId('send-test-button').click();
    await expect.poll(() => test.getAttribute('data-state')).toBe('sent');
    expect(await test.getByTestId('send-test-sent').textContent()).toBe('Test déposé pour le 06 99 88 77 66 sous le nom « Relance clients — test » : il apparaît dans Envois, marqué « Test ».');
    // Still on the summary, the real send still waiting.
    expect(await page.getByTestId('send-confirm').isDisabled()).toBe(true);

    const boxes = (await app.services!.demo.start()).boxes;
    await expect.poll(() => boxes.mediasflow.campaigns().length, { timeout: 20_000 }).toBe(1);
    const [dropped] = boxes.mediasflow.campaigns();
    expect(dropped.dropName).toMatch(/^1001-[A-Za-z0-9]+-Relance clients test_\d{14}\.csv$/);
    await expect.poll(() => app.demoLog.find((line) => line.includes(dropped.dropName) && line.includes('accepté')), { timeout: 20_000 }).toContain('(1 destinataires');

    const jobs = ((await app.call('queue:list')) as { ok: true; value: JobView[] }).value;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ test: true, recipients: 1, campaignName: 'Relance clients — test' });
    testJobId = jobs[0].id;
    // The number is remembered for the next test.
    expect(((await app.call('settings:get')) as { ok: true; value: AppSettings }).value.testNumber).toBe('06 99 88 77 66');
    await app.screenshot('send-test-01-sent');
  });

  it('keeps the real send blocked on « Non », enables it on « Oui »', async () => {
    const { page } = app;
    const test = page.getByTestId('send-test');
    expect(await test.getByRole('group').getByText('Le test reçu est-il conforme ?').count()).toBe(1);
    await test.getByTestId('test-wrong').click();
    expect(await test.getByTestId('test-not-right').textContent()).toContain("L'envoi à la liste reste bloqué.");
    expect(await page.getByTestId('send-confirm').isDisabled()).toBe(true);
    await test.getByTestId('test-right').click();
    expect(await test.getAttribute('data-state')).toBe('confirmed');
    expect(await page.getByTestId('send-confirm').isDisabled()).toBe(false);
    expect(await page.getByTestId('send-test-waiting').count()).toBe(0);
    await app.screenshot('send-test-02-confirmed');
  });

  it('sends the campaign: Envois marks the test apart, and the campaign counts only its own recipients', async () => {
    const { page } = app;
    await page.getByTestId('send-confirm').click();
    await page.getByTestId('jobs').waitFor();
    await expect.poll(() => page.getByTestId('job').count()).toBe(2);
    const testCard = page.locator(`[data-testid="job"][data-job="${testJobId}"]`);
    expect(await testCard.getByTestId('job-test-tag').textContent()).toBe('Test');
    expect(await page.getByTestId('job-test-tag').count()).toBe(1);
    const campaignCard = page.locator(`[data-testid="job"]:not([data-job="${testJobId}"])`);
    expect(await campaignCard.getByRole('heading').first().textContent()).toBe('Relance clients');
    await expect.poll(() => campaignCard.getAttribute('data-state'), { timeout: 20_000 }).toMatch(/awaiting-ack|accepted/);
    await campaignCard.getByTestId('job-check-now').click({ timeout: 2_000 }).catch(() => {});
    await expect.poll(() => campaignCard.getAttribute('data-state'), { timeout: 20_000 }).toBe('accepted');
    await app.screenshot('send-test-03-envois');

    const boxes = app.services!.demo.current()!.boxes;
    expect(boxes.mediasflow.campaigns().map((campaign) => campaign.dropName.includes('Relance clients test_'))).toEqual([true, false]);
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    const status = page.getByTestId('campaign-status').first();
    await expect.poll(() => status.getAttribute('data-status')).toBe('sent');
    expect(await status.textContent()).toContain('3 destinataires');
  });
});
