/**
 * The list grid at 1366×768 (issue 11 §7): the row number, the status and the
 * mobile column stay pinned whatever the horizontal scroll, with many
 * columns; a fix confirms itself with a short notice and the fixed row stays
 * in the "Invalides" view, marked fixed, until the user refreshes the filter.
 * Keyboard and axe-core too.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousFindings } from './axe-check';
import { closeBrowser, startApp, type RunningApp } from './harness';

const header = ['Civilité', 'Prénom', 'Nom', 'Portable', 'Adresse', 'Code postal', 'Ville', 'Email', 'Date de naissance', 'Client depuis', 'Magasin', 'Conseiller', 'Fidélité', 'Commentaire'];
const people = [
  ['Mme', 'Élodie', 'Dupont', '06 12 34 56 78'],
  ['M.', 'Paul', 'Petit', '01 23 45 67 89'],
  ['Mme', 'Anaïs', 'Bonnet', '07 81 23 45 67'],
  ['M.', 'Loïc', 'Lambert', '+33698765432'],
  ['M.', 'Jean', 'Martin', '06 98 76 54 33'],
  ['Mme', 'Chloé', 'Roux', '06 55 44 33 22'],
  ['M.', 'Hugo', 'Garnier', '06 12 34 56'],
  ['Mme', 'Inès', 'Girard', '06 11 22 33 44'],
  ['M.', 'Thierry', 'Lubin', '0690 12 34 56'],
  ['Mme', 'Maëlle', 'Césaire', '0696 12 34 56'],
  ['M.', 'Noé', 'Faure', '06 55 44 33 21'],
  ['Mme', 'Zoé', 'Durand', '6,10085E+08'],
];
const wideList = [
  header.join(';'),
  ...people.map((person, index) =>
    [...person, `${index + 3} rue des Lilas`, '75011', 'Paris', `client${index}@example.fr`, '12/03/1980', '2019', 'Paris Bastille', 'Mme Leroy', 'Or', 'Préfère être appelé le matin'].join(';'),
  ),
].join('\r\n');

/** The box of an element against the grid's scrolling box: is it entirely visible? */
async function inView(grid: Locator, element: Locator): Promise<boolean> {
  const [frame, box] = await Promise.all([grid.boundingBox(), element.boundingBox()]);
  if (!frame || !box) return false;
  return box.x >= frame.x - 1 && box.x + box.width <= frame.x + frame.width + 1;
}

async function scrollToRightEnd(page: Page): Promise<number> {
  return page.getByTestId('grid').evaluate((element) => {
    element.scrollLeft = element.scrollWidth;
    return element.scrollLeft;
  });
}

describe('the list grid at 1366×768', () => {
  let app: RunningApp;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-grid-1366-'));
    app = await startApp({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  });

  it('keeps the row number, the status and the mobile column in view on a horizontal scroll', async () => {
    const { page, dialogs } = app;
    const file = join(workDir, 'clients-magasin.csv');
    await writeFile(file, wideList);
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    dialogs.nextOpenFile(file);
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    const grid = page.getByTestId('grid');
    await grid.getByText('Préfère être appelé le matin').first().waitFor();
    const row = grid.locator('[role="row"][data-row-index="0"]');
    const mobileCell = row.locator('.data-cell.sticky-mobile');
    expect(await mobileCell.textContent()).toBe('06 12 34 56 78');

    const scrolled = await scrollToRightEnd(page);
    expect(scrolled).toBeGreaterThan(500);
    // The far right column is in view, the first ones went under the pinned cells…
    await expect.poll(() => inView(grid, row.locator('.data-cell').last())).toBe(true);
    expect(await inView(grid, row.locator('.data-cell').first())).toBe(false);
    // …and the pinned ones never left, in the rows and in the header.
    expect(await inView(grid, row.locator('.row-number'))).toBe(true);
    expect(await inView(grid, row.locator('.status-cell'))).toBe(true);
    expect(await inView(grid, mobileCell)).toBe(true);
    expect(await inView(grid, grid.locator('.grid-header .sticky-mobile'))).toBe(true);
    expect(await grid.locator('.grid-header .sticky-mobile .column-name').textContent()).toBe('Portable');
    // Pinned side by side, not on top of each other.
    const [status, mobile] = await Promise.all([row.locator('.status-cell').boundingBox(), mobileCell.boundingBox()]);
    expect(mobile!.x).toBeGreaterThanOrEqual(status!.x + status!.width - 1);
  });

  it('moves with the keyboard: the active cell is brought beside the pinned columns', async () => {
    const { page } = app;
    const grid = page.getByTestId('grid');
    await grid.evaluate((element) => (element.scrollLeft = 0));
    await grid.focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    const active = grid.locator('.data-cell.active');
    await expect.poll(() => active.textContent()).toBe('Préfère être appelé le matin');
    await expect.poll(() => inView(grid, active)).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(() => active.textContent()).toBe('Mme');
    await expect.poll(() => inView(grid, active)).toBe(true);
    expect(await grid.evaluate((element) => element.scrollLeft)).toBe(0);
  });

  it('fixes a row under "Invalides": a notice confirms it and the row stays, marked fixed, until the filter is refreshed', async () => {
    const { page } = app;
    const grid = page.getByTestId('grid');
    await page.getByRole('radio', { name: /Invalides/ }).check();
    const rows = grid.locator('[role="row"][data-row-index]');
    await expect.poll(() => rows.count()).toBe(3);
    const zoe = grid.locator('[role="row"][data-row-index="11"]');
    await zoe.getByTestId('reason-words').waitFor();
    expect(await zoe.getByTestId('reason-words').textContent()).toBe('abîmé par Excel');

    await zoe.getByRole('button', { name: 'Corriger le numéro de la ligne 12' }).click();
    const editor = page.getByRole('textbox', { name: 'Modifier Portable, ligne 12' });
    await editor.fill('06 10 00 00 00');
    await editor.press('Enter');

    const notice = page.getByTestId('fix-notice');
    await expect.poll(() => notice.textContent()).toContain('Ligne 12 corrigée : 06 10 00 00 00');
    // Still in the "invalid" view, now valid and marked fixed.
    expect(await rows.count()).toBe(3);
    await expect.poll(() => zoe.locator('.status-badge').textContent()).toBe('Valide06 10 00 00 00');
    expect(await zoe.getAttribute('data-fixed')).toBe('true');
    expect(await zoe.locator('.sticky-mobile').getByRole('img', { name: 'corrigée' }).isVisible()).toBe(true);
    expect(await zoe.locator('.sticky-mobile').textContent()).toBe('06 10 00 00 00');
    expect(await page.getByRole('radio', { name: /Invalides/ }).isChecked()).toBe(true);

    await scrollToRightEnd(page);
    expect(await inView(grid, zoe.locator('.status-cell'))).toBe(true);
    expect(await inView(grid, zoe.locator('.data-cell.sticky-mobile'))).toBe(true);
    expect(await seriousFindings(page)).toEqual([]);
    await app.screenshot('list-grid-1366-fixed-scrolled');

    await page.getByTestId('refresh-filter').click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await grid.locator('[role="row"][data-row-index="11"]').count()).toBe(0);
    expect(await notice.count()).toBe(0);
    expect(app.problems).toEqual([]);
  });
});
