/**
 * `npm start` without Electron, as a user runs it: the real start script in
 * its own process (browser mode, default demo timings and backoffs, the
 * workspace from DROPDESK_DATA_DIR), the printed address opened in Chromium.
 * The whole story: Listes in French, the demo connection, a Windows-1252 list
 * imported through the page's file picker, a campaign written and sent to the
 * demo MediasFlow box, accepted, its report read; then Ctrl+C shuts it down
 * cleanly. The renderer served is the suite's build (DROPDESK_BROWSER_RENDERER_DIR),
 * so the test does not rebuild it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { closeBrowser, launchBrowser, rendererBuildDir, screenshotsDir } from './harness';
import { skipSendTest } from './send-test-step';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixture = join(repoRoot, 'test/fixtures/lists/excel-windows-1252.csv');

describe('npm start in browser mode: a whole demo campaign', () => {
  let dataDir: string;
  let child: ChildProcess;
  let stderr = '';
  let address = '';
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(screenshotsDir, `${name}.png`), animations: 'disabled', caret: 'hide' });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-browser-mode-'));
    const started = Date.now();
    child = spawn(process.execPath, ['scripts/start.mjs', '--browser', '--no-open'], {
      cwd: repoRoot,
      env: { ...process.env, DROPDESK_DATA_DIR: dataDir, DROPDESK_BROWSER_RENDERER_DIR: rendererBuildDir, DISPLAY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => problems.push(`stdout: ${chunk.toString()}`));
    address = await new Promise<string>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const line = stderr.split('\n').find((candidate) => /^http:\/\/127\.0\.0\.1:\d+\/\?key=\S+$/.test(candidate.trim()));
        if (line) resolve(line.trim());
      });
      child.on('exit', (code) => reject(new Error(`npm start ended (${code}) before printing its address:\n${stderr}`)));
    });
    console.info(`[browser-mode] address printed ${Date.now() - started} ms after start`);
    const origin = new URL(address).origin;
    const browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'fr-FR', timezoneId: 'Europe/Paris', serviceWorkers: 'block' });
    await context.route(/.*/, (route) => {
      if (route.request().url().startsWith(`${origin}/`)) return route.continue();
      problems.push(`network: blocked ${route.request().url()}`);
      return route.abort();
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await context?.close();
    await closeBrowser();
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the address with its secret on a line of its own on stderr, nothing on stdout', () => {
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]{32}$/);
    expect(stderr).toContain('Dropdesk (mode navigateur)');
  });

  it('opens on Listes in French, the secret gone from the address bar', async () => {
    await page.goto(address);
    await page.getByRole('button', { name: 'Importer une liste…' }).waitFor();
    expect(page.url()).toBe(`${new URL(address).origin}/`);
    expect(await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).getAttribute('aria-current')).toBe('page');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await shot('browser-mode-01-listes');
  });

  it('has the demo connections', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Connexions' }).click();
    await expect.poll(() => page.getByTestId('connection').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('connections').textContent()).toContain('Démo MediasFlow');
    await shot('browser-mode-02-demo-connections');
  });

  it('imports a Windows-1252 list through the page’s file picker', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await (await chooser).setFiles(fixture);
    await page.getByTestId('summary').waitFor();
    expect(await page.getByTestId('summary-rows').getAttribute('data-value')).toBe('11');
    expect(await page.getByTestId('summary-sendable').getAttribute('data-value')).toBe('9');
    // Accents decoded from Windows-1252.
    await page.getByTestId('grid').getByText('Hélène', { exact: true }).waitFor();
    await shot('browser-mode-03-imported');
  });

  it('writes a campaign and sends it to the demo MediasFlow box, which accepts it', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await page.getByTestId('new-campaign').click();
    const prompt = page.getByTestId('prompt-dialog');
    await prompt.getByRole('textbox').fill('Soldes navigateur');
    await prompt.getByRole('button', { name: 'Créer' }).click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('composer-message').fill('Bonjour ${Prénom}, les soldes commencent demain. STOP 36184');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.waitFor();
    expect(await form.getByTestId('send-connection').locator('option:checked').textContent()).toBe('Démo MediasFlow (démo)');
    await form.getByTestId('send-type-notification').check();
    await form.getByTestId('send-timing-now').check();
    await form.getByTestId('show-summary').click();
    const summary = page.getByTestId('send-summary');
    await summary.waitFor();
    expect(await summary.getByTestId('summary-recipients').textContent()).toBe('9');
    await shot('browser-mode-04-summary');
    await skipSendTest(page);
    await page.getByTestId('send-confirm').click();
    await page.getByTestId('jobs').waitFor();
    const job = page.getByTestId('job').first();
    await expect
      .poll(
        async () => {
          // Default backoff (10 s, ×1.5): "Vérifier maintenant" asks at once, as a user would.
          await job.getByTestId('job-check-now').click({ timeout: 500 }).catch(() => {});
          return job.getAttribute('data-state');
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe('accepted');
    expect(await job.getByTestId('job-state').textContent()).toBe('Acceptée');
    expect(await job.getByTestId('job-outcome').textContent()).toMatch(/^Campagne n° \d+$/);
    await shot('browser-mode-05-accepted');
  });

  it('reads the campaign’s report', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Rapports' }).click();
    const campaign = page.locator('[data-testid^="report-campaign-"]').first();
    await campaign.waitFor();
    await campaign.click();
    await expect
      .poll(
        async () => {
          await page.getByTestId('reports-refresh').click({ timeout: 1_000 }).catch(() => {});
          return page.getByTestId('headline-recipients').count();
        },
        { timeout: 90_000, interval: 3_000 },
      )
      .toBe(1);
    await expect.poll(() => page.getByTestId('headline-recipients').getAttribute('data-value')).toBe('9');
    await shot('browser-mode-06-report');
  });

  it('shuts down cleanly on Ctrl+C (SIGINT) right after an edit, which is on disk', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    await page.getByTestId('grid').waitFor();
    await page.getByTestId('grid').locator('.data-cell', { hasText: /^Petit$/ }).dblclick();
    const editor = page.getByRole('textbox', { name: /Modifier Nom, ligne 10/ });
    await editor.fill('Petit-Avant-Arret');
    await editor.press('Enter');
    await page.getByTestId('grid').locator('.data-cell', { hasText: /^Petit-Avant-Arret$/ }).waitFor();
    expect(problems).toEqual([]);
    // The page goes first: once the server is gone its event stream would only report the refused reconnections.
    await context.close();
    // 'close', not 'exit': the last lines of stderr may still be in the pipe when the process has exited.
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('Dropdesk arrêté.');
    // The edit was saved a moment after it was made (debounced): Ctrl+C writes it before the process ends.
    const [listId] = (await readdir(join(dataDir, 'lists'))).filter((name) => !name.startsWith('.'));
    const dataFiles = (await readdir(join(dataDir, 'lists', listId))).filter((name) => /^data-.*\.csv$/.test(name));
    const contents = await Promise.all(dataFiles.map((name) => readFile(join(dataDir, 'lists', listId, name), 'utf8')));
    expect(contents.some((text) => text.includes('Petit-Avant-Arret'))).toBe(true);
  });
});
