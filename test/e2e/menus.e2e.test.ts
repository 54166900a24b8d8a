/**
 * Menus stay inside the window (issue 11 §12): in a small window, the list
 * grid's column menu opened at the right edge and the composer's field menu
 * opened near the bottom edge both fit inside the viewport.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closeBrowser, startApp, type RunningApp } from './harness';

const viewport = { width: 1024, height: 640 };

async function insideWindow(page: Page, element: Locator): Promise<boolean> {
  await element.waitFor();
  const box = (await element.boundingBox())!;
  const { width, height } = page.viewportSize()!;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;
}

describe('menus inside the window (issue 11 §12)', () => {
  let app: RunningApp;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-menus-'));
    app = await startApp({ viewport, settings: { firstStepsDismissed: true } });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  });

  it('opens the last column’s menu at the right edge inside the window', async () => {
    const { page, dialogs } = app;
    const file = join(workDir, 'clients.csv');
    const header = 'Prénom;Nom;Portable;Ville;Adresse;Code postal;Commentaire;Référence client';
    await writeFile(file, [header, 'Élodie;Dupont;06 12 34 56 78;Évry;1 rue de la Paix;91000;Cliente fidèle;C-0001', 'Loïc;Lambert;06 98 76 54 32;Pau;2 place Royale;64000;;C-0002'].join('\r\n'));
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    dialogs.nextOpenFile(file);
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary').waitFor();
    await page.getByTestId('grid').evaluate((grid) => grid.scrollTo(grid.scrollWidth, 0));
    const button = page.getByRole('button', { name: 'Actions de la colonne Référence client' });
    await button.click();
    const menu = page.getByRole('menu', { name: 'Actions de la colonne Référence client' });
    expect(await insideWindow(page, menu)).toBe(true);
    await app.screenshot('menus-01-column-menu-right-edge');
    await page.keyboard.press('Escape');
  });

  it('opens the composer’s field menu near the bottom edge inside the window (flipped above its button)', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await page.getByTestId('new-campaign').click();
    const prompt = page.getByTestId('prompt-dialog');
    await prompt.getByRole('textbox').fill('Menus');
    await prompt.getByRole('button', { name: 'Créer' }).click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('campaign-list').selectOption({ index: 1 });
    const button = page.getByTestId('field-menu-button');
    await expect.poll(() => button.isEnabled()).toBe(true);
    // The button at the very bottom of the window.
    await button.evaluate((element) => {
      const content = element.closest('.app-content')!;
      content.scrollBy(0, element.getBoundingClientRect().bottom - window.innerHeight + 4);
    });
    const buttonBox = (await button.boundingBox())!;
    expect(buttonBox.y + buttonBox.height).toBeGreaterThan(viewport.height - 40);
    await button.click();
    const menu = page.getByTestId('field-menu');
    expect(await insideWindow(page, menu)).toBe(true);
    expect((await menu.boundingBox())!.y).toBeLessThan(buttonBox.y);
    await app.screenshot('menus-02-field-menu-bottom-edge');
  });
});
