/**
 * MediasFlow's SMS REST API in the app, end to end in Chromium: the REST
 * connection form; a demo REST campaign (the local sandbox on 127.0.0.1)
 * scheduled, then cancelled from Envois while its countdown runs; another
 * sent now, accepted with the sandbox's campaign number, its report charted;
 * and an inject whose answer is lost (the test fake MediasFlow answering 503
 * after a prepare) held as « Résultat inconnu » — never injected twice.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatParisDateTime } from '../../shared/scheduling/paris-time';
import { startFakeMediasflow, type FakeMediasflow } from '../integration/mediasflow-rest/fake-mediasflow';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { seriousFindings } from './axe-check';
import { skipSendTest } from './send-test-step';

const clientList = ['Prénom;Portable', 'Élodie;06 12 34 56 78', 'Anaïs;07 81 23 45 67', 'Loïc;+33698765432', 'Chloé;06 55 44 33 22'].join('\r\n');
const message = 'Bonjour ${Prénom}, votre commande est prête. STOP 36184';

async function duplicateIfSent(page: Page): Promise<void> {
  await page.getByTestId('composer').waitFor();
  if ((await page.getByTestId('campaign-duplicate').count()) === 0) return;
  await page.getByTestId('campaign-duplicate').click();
  await expect.poll(() => page.getByTestId('campaign-status').getAttribute('data-status')).toBe('draft');
}

async function confirmSend(page: Page): Promise<void> {
  const again = page.getByTestId('confirm-resend');
  if (await again.count()) await again.check();
  await skipSendTest(page);
  await page.getByTestId('send-confirm').click();
}

describe('MediasFlow REST campaigns in the app (demo sandbox)', () => {
  let app: RunningApp;
  let workDir: string;
  let fake: FakeMediasflow;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-rest-'));
    fake = await startFakeMediasflow();
    app = await startApp({ demo: true });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await fake?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('adds a MediasFlow API connection and a demo API connection, and tests it', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Connexions' }).click();
    await page.getByTestId('add-connection').click();
    let editor = page.getByTestId('connection-editor');
    await editor.getByTestId('connection-provider').selectOption('mediasflow-rest');
    await editor.getByTestId('rest-fields').waitFor();
    expect(await editor.getByTestId('connection-host').count()).toBe(0);
    expect(await editor.getByTestId('connection-rest-url').getAttribute('placeholder')).toBe('https://app.mediasflow.com/MediasflowApi/v1');
    await editor.getByTestId('connection-name').fill('MediasFlow API agence');
    await editor.getByTestId('connection-rest-url').fill(fake.baseUrl);
    await editor.getByTestId('connection-user').fill(fake.login);
    await editor.getByTestId('connection-password').fill(fake.password);
    await editor.locator('.rest-login-call summary').click();
    await app.screenshot('rest-01-connection-form');
    expect(await seriousFindings(page)).toEqual([]);
    await editor.getByTestId('connection-save').click();
    await expect.poll(() => page.locator('[data-connection="MediasFlow API agence"]').count()).toBe(1);

    await page.getByTestId('add-connection').click();
    editor = page.getByTestId('connection-editor');
    await editor.getByTestId('connection-provider').selectOption('demo-mediasflow-rest');
    await editor.getByTestId('rest-demo-note').waitFor();
    await editor.getByTestId('connection-name').fill('Démo API MediasFlow');
    await editor.getByTestId('connection-save').click();
    const card = page.getByTestId('connection').and(page.locator('[data-connection="Démo API MediasFlow"]'));
    await card.waitFor();
    await card.getByTestId('test-connection').click();
    await expect.poll(() => card.getByTestId('connection-check').getAttribute('data-status')).toBe('ok');
    expect(await card.getByTestId('rest-test-ok').textContent()).toContain("rien n'a été envoyé");
    expect(fake.state.injects).toBe(0);
  });

  it('schedules a demo REST campaign, then cancels it from Envois while the countdown runs', async () => {
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
    await prompt.getByRole('textbox').fill('Commandes prêtes');
    await prompt.getByRole('button', { name: 'Créer' }).click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('composer-message').fill(message);
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');

    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.getByTestId('send-connection').selectOption({ label: 'Démo API MediasFlow (démo)' });
    expect(await form.getByTestId('send-template').count()).toBe(0);
    await form.getByTestId('send-type-notification').check();
    await form.getByTestId('send-timing-later').check();
    const [date, time] = formatParisDateTime(Date.now() + 30 * 60_000).split(' ');
    await form.getByTestId('send-date').fill(date.includes('/') ? date.split('/').reverse().join('-') : date);
    await form.getByTestId('send-time').fill(time);
    await form.getByTestId('show-summary').click();
    const summary = page.getByTestId('send-summary');
    await summary.waitFor();
    expect(await summary.getByTestId('summary-recipients').textContent()).toBe('4');
    await confirmSend(page);

    await page.getByTestId('jobs').waitFor();
    const job = page.getByTestId('job').first();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toBe('accepted');
    const countdown = job.getByTestId('rest-cancel-countdown');
    await countdown.waitFor();
    expect(await countdown.textContent()).toMatch(/^Annulable encore \d+ min \d\d s$/);
    const first = await countdown.textContent();
    await expect.poll(() => countdown.textContent(), { timeout: 5_000 }).not.toBe(first);
    const sandbox = (await app.services!.demo.start()).rest.sandbox;
    const campaign = [...sandbox.campaigns.values()].at(-1)!;
    expect(campaign.status).toBe('SCHEDULED');
    await app.screenshot('rest-03-cancel-countdown');
    expect(await seriousFindings(page)).toEqual([]);

    await job.getByTestId('rest-cancel-button').click();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toBe('cancelled');
    expect(campaign.status).toBe('DRAFT');
  });

  it('sends another one now: accepted with the sandbox campaign number, its report charted', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await duplicateIfSent(page);
    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.getByTestId('send-connection').selectOption({ label: 'Démo API MediasFlow (démo)' });
    await form.getByTestId('send-type-notification').check();
    await form.getByTestId('send-timing-now').check();
    await form.getByTestId('show-summary').click();
    await page.getByTestId('send-summary').waitFor();
    await confirmSend(page);
    const job = page.getByTestId('job').first();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toBe('accepted');
    const sandbox = (await app.services!.demo.start()).rest.sandbox;
    const campaign = [...sandbox.campaigns.values()].at(-1)!;
    expect(campaign.status).toBe('INJECTED');
    expect(await job.getByTestId('job-outcome').textContent()).toBe(`Campagne n° ${campaign.id}`);

    await job.getByTestId('campaign-report-link').click();
    // The sandbox's report moves from "en cours d'envoi" to delivered after a few seconds.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    await page.getByTestId('reports-refresh').click();
    const chart = page.getByTestId('chart-categories');
    await chart.waitFor({ timeout: 20_000 });
    await expect.poll(() => chart.locator('.recharts-pie-sector path').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await app.screenshot('rest-04-report-charted');
  });

  it('holds an inject whose answer was lost as « Résultat inconnu », never injecting again', async () => {
    const { page } = app;
    fake.fault('inject', '5xx-before');
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await duplicateIfSent(page);
    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.getByTestId('send-connection').selectOption({ label: 'MediasFlow API agence' });
    await form.getByTestId('send-type-notification').check();
    await form.getByTestId('send-timing-now').check();
    await form.getByTestId('show-summary').click();
    await page.getByTestId('send-summary').waitFor();
    await confirmSend(page);
    const job = page.getByTestId('job').first();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toBe('held');
    const reason = job.getByTestId('job-reason');
    expect(await reason.getAttribute('data-code')).toBe('rest-result-unknown');
    expect(await reason.textContent()).toContain('Résultat inconnu');
    expect(await job.getByTestId('job-retry').count()).toBe(0);
    await job.scrollIntoViewIfNeeded();
    await app.screenshot('rest-02-held-result-unknown');
    expect(fake.state.injects).toBe(0);
    expect(fake.state.violations).toEqual([]);
  });
});
