/**
 * A 1,000,000-row list in the grid: the first rows appear as soon as the import
 * answers, only the rows on screen exist in the page, and jumping to the end
 * shows the last record. Timings are printed for the record, not asserted
 * (performance is measured by `npm run bench`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startApp, type RunningApp } from './harness';

const ROWS = 1_000_000;

function generateList(rows: number): string {
  const lines = ['Nom;Prénom;Ville;Portable;Code'];
  for (let i = 0; i < rows; i += 1) {
    // 06 12 xx xx xx is an allocated mobile range: every number valid and distinct, one landline in 50.
    const mobile = `06 12 ${String(i).padStart(6, '0').replace(/(\d\d)(?=\d)/g, '$1 ')}`;
    lines.push(`Nom${i};Prénom${i % 97};Ville${i % 1013};${i % 50 === 0 ? '01 23 45 67 89' : mobile};C${i}`);
  }
  return lines.join('\r\n');
}

describe('a 1,000,000-row list in the grid', () => {
  let app: RunningApp;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-large-'));
    await writeFile(join(workDir, 'million.csv'), iconv.encode(generateList(ROWS), 'windows-1252'));
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  });

  it('shows the first rows at once and keeps only the visible rows in the page', async () => {
    const { page, dialogs } = app;
    dialogs.nextOpenFile(join(workDir, 'million.csv'));
    const started = Date.now();
    // The check runs in a worker thread (list-check.worker.ts); the import answers once it is done and the rows are rebuilt.
    await page.getByRole('button', { name: 'Importer une liste…' }).click({ timeout: 60_000 });
    // A million rows checked is CPU work: beside another test file on 2 cores (DROPDESK_TEST_WORKERS=2) it
    // takes up to twice as long, so this wait only bounds a hang (how fast it is belongs to `npm run bench`).
    await page.getByTestId('summary').waitFor({ timeout: 150_000 });
    const imported = Date.now();
    await page.getByTestId('grid').getByText('Nom0', { exact: true }).waitFor();
    const firstRows = Date.now();
    console.info(`[large-list] import answered after ${imported - started} ms; first rows shown ${firstRows - imported} ms later`);

    expect(Number(await page.getByTestId('summary-rows').getAttribute('data-value'))).toBe(ROWS);
    expect(Number(await page.getByTestId('summary-invalid').getAttribute('data-value'))).toBe(ROWS / 50);
    expect(Number(await page.getByTestId('summary-duplicates').getAttribute('data-value'))).toBe(0);
    expect(await page.getByTestId('grid').getAttribute('aria-rowcount')).toBe(String(ROWS + 1));
    const rendered = await page.getByTestId('grid').locator('[role="row"][aria-rowindex]').count();
    expect(rendered).toBeLessThan(100);
    await app.screenshot('large-01-million-rows');
  });

  it('jumps to the last row with Ctrl+End and pages down smoothly', async () => {
    const { page } = app;
    const grid = page.getByTestId('grid');
    await grid.locator('.data-cell').first().click();
    const jumpStarted = Date.now();
    await page.keyboard.press('Control+End');
    await grid.getByText(`Nom${ROWS - 1}`, { exact: true }).waitFor();
    console.info(`[large-list] last row shown ${Date.now() - jumpStarted} ms after Ctrl+End`);
    expect(await grid.locator('[data-row-index]').last().getAttribute('data-row-index')).toBe(String(ROWS - 1));

    // Scroll through the middle of the list: every stop shows its rows, in order, not placeholders.
    for (const fraction of [0.25, 0.5, 0.75]) {
      await grid.evaluate((element, f) => element.scrollTo({ top: (element.scrollHeight - element.clientHeight) * f }), fraction);
      const expected = Math.floor(ROWS * fraction);
      await expect
        .poll(async () => {
          const indices = await grid.locator('[data-row-index]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-row-index'))));
          return indices.length > 10 && indices.every((index, i) => i === 0 || index === indices[i - 1] + 1) && Math.abs(indices[0] - expected) < ROWS / 100;
        })
        .toBe(true);
    }
    // Rows sit exactly one under the other (no tearing or overlap at large offsets).
    const tops = await grid.locator('[data-row-index]').evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().top));
    expect(tops.every((top, i) => i === 0 || Math.abs(top - tops[i - 1] - 32) < 0.01)).toBe(true);
    expect(await grid.locator('.grid-row.loading').count()).toBe(0);
    await app.screenshot('large-02-middle-of-list');
    expect(app.problems).toEqual([]);
  });
});
