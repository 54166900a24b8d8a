/**
 * Accessibility of every screen: axe-core (injected into the page) finds no
 * serious or critical problem on Listes with a list open, the composer,
 * Connexions, Envois, Rapports and Paramètres; the main navigation works from
 * the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { listFixturePath } from '../fixtures/lists/read-list-fixture';
import { seriousFindings } from './axe-check';

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name }).click();
  await expect.poll(() => page.getByRole('navigation').getByRole('button', { name }).getAttribute('aria-current')).toBe('page');
}

describe('accessibility of every screen', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('the check itself catches a button without a name (so an empty result means something)', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const probe = document.createElement('button');
      probe.id = 'axe-probe';
      document.body.append(probe);
    });
    expect((await seriousFindings(page)).map((finding) => finding.id)).toContain('button-name');
    await page.evaluate(() => document.getElementById('axe-probe')?.remove());
  });

  it('Listes with a list open', async () => {
    const { page, dialogs } = app;
    dialogs.nextOpenFile(listFixturePath('excel-accents.xlsx'));
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary').waitFor();
    await page.getByTestId('grid').getByText('Éloïse').waitFor();
    expect(await seriousFindings(page)).toEqual([]);
  });

  it('Campagnes and the composer', async () => {
    const { page } = app;
    await page.getByTestId('create-campaign-from-list').click();
    await page.getByTestId('composer').waitFor();
    expect(await seriousFindings(page)).toEqual([]);
  });

  for (const screen of ['Connexions', 'Envois', 'Rapports', 'Paramètres']) {
    it(screen, async () => {
      await openSection(app.page, screen);
      expect(await seriousFindings(app.page)).toEqual([]);
    });
  }

  it('the connection editor (a modal form)', async () => {
    const { page } = app;
    await openSection(page, 'Connexions');
    await page.getByTestId('add-connection').click();
    await page.getByTestId('connection-password').waitFor();
    expect(await seriousFindings(page)).toEqual([]);
    await app.screenshot('a11y-02-connection-editor');
    await page.keyboard.press('Escape');
  });
});

describe('keyboard', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('tabs through the main navigation and opens a screen with Enter, another with Space', async () => {
    const { page } = app;
    await page.locator('body').focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    const reached: string[] = [];
    for (let i = 0; i < 12 && !reached.includes('Rapports'); i++) {
      await page.keyboard.press('Tab');
      reached.push(await focused());
    }
    expect(reached).toEqual(expect.arrayContaining(['Listes', 'Campagnes', 'Envois', 'Rapports']));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Rapports/);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Connexions');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexions');
    await app.screenshot('a11y-01-keyboard-connexions');
    expect(app.problems).toEqual([]);
  });
});
