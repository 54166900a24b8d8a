/**
 * Trust, end to end (issue 9): the real renderer in Chromium over the real
 * handlers, with the demo drop boxes. Opt-out import and export; "inclure les
 * numéros opposés" and its warning; an unreadable opt-out list blocks the
 * drop in the summary, is left untouched, and is repaired from its last good
 * copy; a drop sends exactly the list the screen shows (a number edited and a
 * row deleted just before sending); the sending settings in Paramètres.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../shared/ipc/channels/connections';
import type { JobView } from '../../shared/ipc/channels/queue';
import type { ListMeta } from '../../shared/lists/list-types';
import type { AppSettings } from '../../shared/settings/app-settings';
import { optOutsFilePath } from '../../src-main/opt-outs/opt-out-service';
import { closeBrowser, startApp, type RunningApp } from './harness';

const clientList = ['Prénom;Nom;Portable', 'Élodie;Dupont;06 12 34 56 78', 'Paul;Petit;01 23 45 67 89', 'Anaïs;Bonnet;07 81 23 45 67', 'Loïc;Lambert;06 98 76 54 32'].join('\r\n');
const message = 'Bonjour ${Prénom}, votre commande est prête. STOP 36184';

async function findFile(dir: string, name: string): Promise<string | null> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = await findFile(path, name);
      if (found) return found;
    } else if (entry.name === name) return path;
  }
  return null;
}

describe('Trust: opt-outs fail closed, drops send what the screen shows, settings', () => {
  let app: RunningApp;
  let workDir: string;
  let listId: string;
  let demoConnection: ConnectionView;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-trust-'));
    app = await startApp({ demo: true });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  });

  it('starts no demo drop box before a demo connection is used', async () => {
    expect(app.services!.demo.current()).toBeNull();
  });

  it('imports and exports the opt-out list', async () => {
    const { page, dialogs } = app;
    const file = join(workDir, 'clients.csv');
    await writeFile(file, clientList);
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    dialogs.nextOpenFile(file);
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary').waitFor();
    listId = ((await app.call('lists:list')) as { ok: true; value: ListMeta[] }).value[0].id;

    await page.getByRole('navigation').getByRole('button', { name: 'Rapports' }).click();
    await page.getByTestId('reports-tab-opt-outs').click();
    const panel = page.getByTestId('opt-outs');
    await panel.waitFor();
    const stops = join(workDir, 'stop.csv');
    await writeFile(stops, 'Numéro\n07 81 23 45 67\npas un numéro\n');
    dialogs.nextOpenFile(stops);
    await panel.getByTestId('opt-outs-import').click();
    await expect.poll(() => panel.getByTestId('opt-outs-count').getAttribute('data-value')).toBe('1');
    expect(await panel.getByTestId('opt-out-row').first().textContent()).toContain('+33781234567');
    const exported = join(workDir, 'export.csv');
    dialogs.nextSaveFile(exported);
    await panel.getByTestId('opt-outs-export').click();
    await expect.poll(() => readFile(exported, 'utf8').catch(() => '')).toContain('33781234567');
    await app.screenshot('trust-01-opt-outs');
  });

  it('warns in the summary when the user includes opted-out numbers', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await page.getByTestId('new-campaign').click();
    const prompt = page.getByTestId('prompt-dialog');
    await prompt.getByRole('textbox').fill('Relance clients');
    await prompt.getByRole('button', { name: 'Créer' }).click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('composer-message').fill(message);
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.waitFor();
    await form.getByTestId('send-type-notification').check();
    await form.getByTestId('send-timing-now').check();

    await form.getByTestId('show-summary').click();
    const summary = page.getByTestId('send-summary');
    await summary.waitFor();
    // Élodie, Anaïs, Loïc are mobiles; Anaïs answered STOP: 2 recipients.
    expect(await summary.getByTestId('summary-recipients').textContent()).toBe('2');

    await summary.getByTestId('summary-back').click();
    await form.getByTestId('include-opted-out').check();
    await app.screenshot('trust-02-include-opted-out');
    await form.getByTestId('show-summary').click();
    await summary.waitFor();
    expect(await summary.getByTestId('summary-recipients').textContent()).toBe('3');
    const warning = summary.getByTestId('summary-warnings').locator('[data-code="opted-out-included"]');
    expect(await warning.textContent()).toContain('1 destinataire a demandé à ne plus recevoir de messages (STOP ou liste noire) et recevra pourtant celui-ci');
    await app.screenshot('trust-03-opted-out-warning');
    await summary.getByTestId('summary-back').click();
    await form.getByTestId('include-opted-out').uncheck();
  });

  it('blocks the drop in the summary while the opt-out list is unreadable, and leaves the file as it is', async () => {
    const { page } = app;
    const damaged = '{"formatVersion":1,"entries":[{"number":"3378';
    await writeFile(optOutsFilePath(app.dataDir), damaged);
    const form = page.getByTestId('schedule-form');
    await form.getByTestId('show-summary').click();
    const summary = page.getByTestId('send-summary');
    const blocking = summary.getByTestId('summary-blocking');
    await blocking.waitFor();
    expect(await blocking.textContent()).toContain("La liste d'opposition est illisible : aucun envoi tant qu'elle n'est pas réparée");
    expect(await summary.getByTestId('send-confirm').isDisabled()).toBe(true);
    await app.screenshot('trust-04-summary-blocked');
    // Even a direct submit is refused, and nothing is queued.
    const connections = ((await app.call('connections:list')) as { ok: true; value: ConnectionView[] }).value;
    demoConnection = connections.find((connection) => connection.provider === 'demo-mediasflow')!;
    const submit = await app.call('drops:submit', { listId, connectionId: demoConnection.id, campaignName: 'Relance', templateId: '1001', type: 'notification', includeOptedOut: true });
    expect(submit).toMatchObject({ ok: false, error: { code: 'drop-blocked' } });
    expect(((await app.call('queue:list')) as { ok: true; value: JobView[] }).value).toEqual([]);
    expect(await readFile(optOutsFilePath(app.dataDir), 'utf8')).toBe(damaged);
  });

  it('repairs the list from its last good copy in Rapports → Liste d’opposition', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Rapports' }).click();
    await page.getByTestId('reports-tab-opt-outs').click();
    const alert = page.getByTestId('opt-outs-unreadable');
    await alert.waitFor();
    expect(await alert.textContent()).toContain("La liste d'opposition est illisible : aucun envoi tant qu'elle n'est pas réparée");
    await app.screenshot('trust-05-opt-outs-unreadable');
    await alert.getByTestId('opt-outs-restore').click();
    await expect.poll(() => page.getByTestId('opt-outs-unreadable').count()).toBe(0);
    await expect.poll(() => page.getByTestId('opt-outs-count').getAttribute('data-value')).toBe('1');
    expect(await app.call('opt-outs:status')).toMatchObject({ ok: true, value: { readable: true, entries: 1 } });
    await app.screenshot('trust-06-opt-outs-restored');
  });

  it('sends exactly the list on screen: a number edited and a row deleted just before sending', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    const grid = page.getByTestId('grid');
    await grid.waitFor();
    const cell = grid.locator('.data-cell', { hasText: /^01 23 45 67 89$/ });
    await cell.dblclick();
    const editor = page.getByRole('textbox', { name: /Modifier Portable, ligne 2/ });
    await editor.fill('06 44 55 66 77');
    await editor.press('Enter');
    await page.getByRole('checkbox', { name: 'Sélectionner la ligne 4' }).check();
    await page.getByRole('button', { name: 'Supprimer la sélection' }).click();
    await expect.poll(() => grid.locator('[role="row"][data-row-index]').count()).toBe(3);
    // At once, as "Envoyer" does: the list's save (a moment after the last edit) has not happened yet.
    const submitted = (await app.call('drops:submit', { listId, connectionId: demoConnection.id, campaignName: 'Envoi immediat', templateId: '1001', type: 'notification', channel: 'sms' })) as {
      ok: true;
      value: { jobs: JobView[] };
    };
    expect(submitted.ok).toBe(true);
    const jobId = submitted.value.jobs[0].id;
    await expect.poll(async () => ((await app.call('queue:get', { id: jobId })) as { value: JobView }).value.state, { timeout: 30_000 }).toMatch(/awaiting-ack|accepted/);
    const job = ((await app.call('queue:get', { id: jobId })) as { value: JobView }).value;
    const reached = await findFile(join(app.dataDir, 'demo', 'mediasflow'), job.remoteName!);
    expect(reached).not.toBeNull();
    const lines = (await readFile(reached!, 'utf8')).trim().split('\r\n');
    // Élodie, Paul with his new mobile; Anaïs opted out; Loïc's row deleted.
    expect(lines).toEqual(['Prénom;Nom;PORTABLE', 'Élodie;Dupont;33612345678', 'Paul;Petit;33644556677']);
    await app.screenshot('trust-07-list-as-sent');
  });

  it('sets a MediasFlow staging folder on a connection, refusing one inside the drop folder', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Connexions' }).click();
    await page.getByTestId('add-connection').click();
    const editor = page.getByTestId('connection-editor');
    await editor.getByTestId('connection-name').fill('MediasFlow siège');
    await editor.getByTestId('connection-host').fill('sftp.exemple.fr');
    await editor.getByTestId('connection-user').fill('agence');
    await editor.getByTestId('connection-staging-folder').fill('/Campagnes/SMS/attente');
    await editor.getByTestId('connection-save').click();
    await expect.poll(() => page.getByText('Le dossier d’attente doit être hors des dossiers lus par MediasFlow', { exact: false }).count()).toBeGreaterThan(0);
    await app.screenshot('trust-10-staging-folder-refused');
    await editor.getByTestId('connection-staging-folder').fill('/Attente');
    // Enter submits (the error notice sits over the dialog's buttons).
    await editor.getByTestId('connection-staging-folder').press('Enter');
    await expect
      .poll(async () => ((await app.call('connections:list')) as { value: ConnectionView[] }).value.find((connection) => connection.name === 'MediasFlow siège')?.stagingFolder)
      .toBe('/Attente');
  });

  it('edits the sending settings in Paramètres, validated, and keeps them', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Paramètres' }).click();
    const form = page.getByTestId('sending-settings');
    await form.waitFor();
    expect(await form.getByTestId('window-start').inputValue()).toBe('08:00');
    expect(await form.getByTestId('window-day-7').isChecked()).toBe(false);
    await form.getByTestId('window-end').fill('07:00');
    await form.getByTestId('sending-settings-problems').waitFor();
    expect(await form.getByTestId('save-sending-settings').isDisabled()).toBe(true);
    await app.screenshot('trust-08-settings-invalid');
    await form.getByTestId('window-end').fill('19:30');
    await form.getByTestId('window-day-7').check();
    await form.getByTestId('window-alsace-moselle').check();
    await form.getByTestId('stamp-margin').fill('45');
    await form.getByTestId('save-sending-settings').click();
    await expect
      .poll(async () => ((await app.call('settings:get')) as { value: AppSettings }).value.workspace)
      .toEqual({ marketingWindow: { days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '19:30', alsaceMoselle: true }, mediasflowStampMarginMinutes: 45, mediasflowBom: false, allmysmsSplitMebibytes: 8 });
    await app.screenshot('trust-09-settings-saved');
    expect(app.problems).toEqual([]);
  });
});
