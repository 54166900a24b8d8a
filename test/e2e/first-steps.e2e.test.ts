/**
 * The « Premiers pas » guide: shown on first start, each step opens its
 * screen, hidden for good once dismissed (kept in the settings), in French
 * and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startApp, type RunningApp } from './harness';

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
