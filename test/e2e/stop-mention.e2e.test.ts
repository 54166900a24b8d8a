/**
 * The per-account STOP mention (issue 9 §4), end to end in Chromium: a custom
 * mention on the demo AllMySMS connection is what the composer's one-click
 * STOP adds (and what its check asks for); the connection editor shows,
 * checks and saves the field.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConnectionView } from '../../shared/ipc/channels/connections';
import { seriousFindings } from './axe-check';
import { closeBrowser, startApp, type RunningApp } from './harness';

const clientList = ['Prénom;Nom;Portable', 'Élodie;Dupont;06 12 34 56 78', 'Anaïs;Bonnet;07 81 23 45 67'].join('\r\n');

const card = (page: Page, name: string) => page.getByTestId('connection').and(page.locator(`[data-connection="${name}"]`));

describe('the STOP mention of an account', () => {
  let app: RunningApp;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-stop-'));
    app = await startApp({ demo: true });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  });

  it('a custom mention on the demo connection is what the one-click STOP adds', async () => {
    const { page, dialogs } = app;
    const listed = (await app.call('connections:list')) as { ok: true; value: ConnectionView[] };
    const demo = listed.value.find((connection) => connection.provider === 'demo-allmysms')!;
    const saved = await app.call('connections:save', { id: demo.id, name: demo.name, provider: demo.provider, stopMention: 'STOP au 36184' });
    expect(saved.ok).toBe(true);

    await page.getByRole('navigation').getByRole('button', { name: 'Connexions' }).click();
    await expect.poll(() => card(page, 'Démo AllMySMS').getByTestId('stop-mention').textContent()).toBe('STOP au 36184');

    const file = join(workDir, 'clients.csv');
    await writeFile(file, clientList);
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    dialogs.nextOpenFile(file);
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await page.getByTestId('new-campaign').click();
    const prompt = page.getByTestId('prompt-dialog');
    await prompt.getByRole('textbox').fill('Soldes');
    await prompt.getByRole('button', { name: 'Créer' }).click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('campaign-provider').selectOption('allmysms-ftp');
    await expect.poll(() => page.getByTestId('message-source').getAttribute('data-source')).toBe('typed');

    const box = page.getByTestId('composer-message');
    await box.fill('Soldes ce week-end !');
    // The warning names the account's mention, and the one click adds exactly it.
    await expect.poll(() => page.getByTestId('stop-warning').textContent()).toContain('STOP au 36184');
    await page.getByTestId('add-stop').click();
    await expect.poll(() => box.inputValue()).toBe('Soldes ce week-end ! STOP au 36184');
    await expect.poll(() => page.getByTestId('stop-warning').count()).toBe(0);
    expect(await page.getByTestId('add-stop').isDisabled()).toBe(true);
    // The spec's default is not this account's: the check asks for the account's mention.
    await box.fill('Soldes ce week-end ! STOP au 36180');
    await expect.poll(() => page.getByTestId('stop-warning').count()).toBe(1);
  });

  it('the connection editor shows, checks and saves the mention', async () => {
    const { page } = app;
    const box = (await app.services!.demo.start()).allmysms;
    await page.getByRole('navigation').getByRole('button', { name: 'Connexions' }).click();
    await page.getByTestId('add-connection').click();
    const editor = page.getByTestId('connection-editor');
    await editor.getByTestId('connection-provider').selectOption('allmysms-ftp');
    const field = editor.getByTestId('connection-stop-mention');
    expect(await field.getAttribute('placeholder')).toBe('STOP au 36180');
    await editor.getByTestId('connection-name').fill('AllMySMS agence');
    await editor.getByTestId('connection-host').fill(box.host);
    await editor.getByTestId('connection-port').fill(String(box.port));
    await editor.getByTestId('connection-user').fill(box.username);
    await editor.getByTestId('connection-password').fill(box.password);
    await field.fill('STOP au 361');
    await editor.getByTestId('connection-save').click();
    await editor.getByTestId('problem-stopMention').waitFor();
    await field.fill('STOP SMS au 36111');
    expect(await seriousFindings(page)).toEqual([]);
    await app.screenshot('stop-mention-01-connection-editor');
    await editor.getByTestId('connection-save').click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => card(page, 'AllMySMS agence').getByTestId('stop-mention').textContent()).toBe('STOP SMS au 36111');
    const listed = (await app.call('connections:list')) as { ok: true; value: ConnectionView[] };
    expect(listed.value.find((connection) => connection.name === 'AllMySMS agence')?.stopMention).toBe('STOP SMS au 36111');
    // A MediasFlow file drop sends its template campaign's text: no mention to set there.
    await card(page, 'AllMySMS agence').getByTestId('edit-connection').click();
    await editor.getByTestId('connection-provider').selectOption('mediasflow-sftp');
    expect(await editor.getByTestId('connection-stop-mention').count()).toBe(0);
    await editor.getByRole('button', { name: 'Annuler' }).click();
  });
});
