/**
 * Excel files imported directly through the Listes screen: a workbook (.xlsx,
 * first sheet) and Excel's « Texte Unicode » export (UTF-16 LE with a BOM,
 * tab-separated). Both get the list engine's usual summary and grid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { listFixturePath } from '../fixtures/lists/read-list-fixture';

describe('importing Excel files in the app', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('imports an .xlsx workbook with accents and phone numbers stored as numbers', async () => {
    const { page, dialogs } = app;
    dialogs.nextOpenFile(listFixturePath('excel-accents.xlsx'));
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary').waitFor();
    expect(await page.getByTestId('summary-encoding').textContent()).toBe('Classeur Excel (.xlsx), première feuille');
    expect(Number(await page.getByTestId('summary-rows').getAttribute('data-value'))).toBe(3);
    expect(Number(await page.getByTestId('summary-sendable').getAttribute('data-value'))).toBe(3);
    const grid = page.getByTestId('grid');
    await grid.getByText('Éloïse').waitFor();
    await grid.getByText("N'Guyen; fils").waitFor();
    // The number cell formatted « 0000000000 » keeps its leading zero, as Excel shows it.
    expect(await grid.getByText('0612345678', { exact: true }).count()).toBe(2);
    await app.screenshot('excel-01-xlsx-imported');
  });

  it('imports Excel « Texte Unicode » (UTF-16 with a BOM, tabs)', async () => {
    const { page, dialogs } = app;
    dialogs.nextOpenFile(listFixturePath('excel-texte-unicode.txt'));
    await page.getByRole('button', { name: '← Toutes les listes' }).click();
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary-encoding').filter({ hasText: 'UTF-16' }).waitFor();
    expect(await page.getByTestId('summary-delimiter').textContent()).toContain('tabulation');
    expect(Number(await page.getByTestId('summary-sendable').getAttribute('data-value'))).toBe(3);
    const grid = page.getByTestId('grid');
    await grid.getByText('Œuvre « été »').waitFor();
    await grid.getByText('Żółć').waitFor();
    await app.screenshot('excel-02-texte-unicode-imported');
  });

  it('opens a new campaign draft on the list just imported', async () => {
    const { page } = app;
    await page.getByTestId('create-campaign-from-list').click();
    await page.getByTestId('composer').waitFor();
    expect(await page.getByTestId('campaign-name').inputValue()).toBe('excel-texte-unicode');
    // Not the first list of the library (excel-accents): the one on screen.
    expect(await page.getByTestId('campaign-list').locator('option:checked').textContent()).toBe('excel-texte-unicode (3 envoyables)');
    await app.screenshot('excel-03-campaign-from-list');
  });

  it('does not promise encrypted passwords when the app cannot store secrets (browser mode)', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Connexions' }).click();
    await page.getByText("Les mots de passe ne peuvent pas être enregistrés ici : ils sont gardés jusqu'à la fermeture de Dropdesk.", { exact: false }).waitFor();
    expect(await page.getByText('Les mots de passe sont chiffrés sur cet ordinateur').count()).toBe(0);
    expect((await app.call('app:info')).ok && ((await app.call('app:info')) as { value: { canStoreSecrets: boolean } }).value.canStoreSecrets).toBe(false);
    expect(app.problems).toEqual([]);
  });
});
