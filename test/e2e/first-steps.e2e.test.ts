/**
 * The « Premiers pas » guide: shown on first start, each step opens its
 * screen, hidden for good once dismissed (kept in the settings), in French
 * and English; the demo banner while the chosen connection is a demo one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { listFixturePath } from '../fixtures/lists/read-list-fixture';
import { seriousFindings } from './axe-check';

describe('first steps guide', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows four steps on first start, each a link to its screen', async () => {
    const { page } = app;
    const guide = page.getByTestId('first-steps');
    await guide.waitFor();
    expect(await guide.getByRole('link').allTextContents()).toEqual([
      'Importer une liste de destinataires (CSV, TXT ou Excel)',
      "Rédiger le message d'une campagne",
      'Choisir la connexion de démonstration, puis envoyer sans risque',
      'Lire le rapport de remise',
    ]);
    await app.screenshot('first-steps-01-guide');
    expect(await seriousFindings(page)).toEqual([]);
    await guide.getByRole('link', { name: 'Lire le rapport de remise' }).click();
    await expect.poll(() => page.getByRole('navigation').getByRole('button', { name: 'Rapports' }).getAttribute('aria-current')).toBe('page');
    // From the keyboard too.
    await guide.getByRole('link', { name: /connexion de démonstration/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexions');
  });

  it('hides for good once dismissed, remembered in the settings', async () => {
    const { page } = app;
    await page.getByTestId('first-steps-dismiss').click();
    await page.getByTestId('first-steps').waitFor({ state: 'detached' });
    const settings = await app.call('settings:get');
    expect(settings).toMatchObject({ ok: true, value: { firstStepsDismissed: true } });
    await page.reload();
    await page.getByRole('navigation').waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByTestId('first-steps').count()).toBe(0);
    expect(app.problems).toEqual([]);
  });
});

describe('demo banner', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ demo: true, settings: { firstStepsDismissed: true } });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it("shows while the send step's chosen connection is a demo one, not elsewhere", async () => {
    const { page, dialogs } = app;
    dialogs.nextOpenFile(listFixturePath('excel-accents.xlsx'));
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('create-campaign-from-list').click();
    await page.getByTestId('composer').waitFor();
    expect(await page.getByTestId('demo-banner').count()).toBe(0);
    await page.getByTestId('composer-message').fill('Bonjour ${PRENOM}, à bientôt. STOP au 36180');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.waitFor();
    expect(await form.getByTestId('send-connection').locator('option:checked').textContent()).toBe('Démo MediasFlow (démo)');
    const banner = page.getByTestId('demo-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('aucun SMS n\'est réellement envoyé');
    await app.screenshot('first-steps-02-demo-banner');
    // The send step, banner included, passes the accessibility check too.
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByRole('navigation').getByRole('button', { name: 'Connexions' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(app.problems).toEqual([]);
  });
});
