/**
 * Mode démo, end to end: the real renderer in Debian Chromium against the
 * real handlers, the demo drop boxes on 127.0.0.1 and the queue runtime (the
 * harness's `demo` option, with short delays). Checks the sandbox
 * connections and an SSH host key first met then changed, then goes through
 * a whole campaign: import a list → write the message → schedule (the
 * marketing window's next slot, then an immediate notification) → summary →
 * Envoyer → "Envois" shows the upload, the wait for the answer, then
 * "Acceptée" with the demo box's campaign number. Last, an unknown template
 * number comes back refused with code 03 in plain French.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { JobView } from '../../shared/ipc/channels/queue';
import type { ConnectionView } from '../../shared/ipc/channels/connections';
import { formatParisDateTime, parisWallClockToInstant, toParisParts, nextDateKey } from '../../shared/scheduling/paris-time';
import { nextAllowedSlot } from '../../shared/scheduling/send-window';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { skipSendTest } from './send-test-step';

// 7 rows: a landline (invalid) and a repeated number (duplicate) are left out → 5 recipients.
const clientList = [
  'Prénom;Nom;Portable;Ville',
  'Élodie;Dupont;06 12 34 56 78;Évry',
  'Paul;Petit;01 23 45 67 89;Paris',
  'Anaïs;Bonnet;07 81 23 45 67;Agen',
  'Zoé;Durand;0612345678;Nîmes',
  'Loïc;Lambert;+33698765432;Pau',
  'Jean;Martin;06 98 76 54 33;Lyon',
  'Chloé;Roux;06 55 44 33 22;Agen',
].join('\r\n');

// UCS-2 (ê is outside GSM-7): one SMS of at most 70 characters per recipient with these first names.
const message = 'Bonjour ${Prénom}, votre commande est prête en magasin. STOP 36184';

/** A campaign that went out opens read-only (issue 11 §5): another send starts from its copy. */
async function duplicateIfSent(page: Page): Promise<void> {
  await page.getByTestId('composer').waitFor();
  if ((await page.getByTestId('campaign-duplicate').count()) === 0) return;
  await page.getByTestId('campaign-duplicate').click();
  await expect.poll(() => page.getByTestId('campaign-status').getAttribute('data-status')).toBe('draft');
}

/** Sending the same list again within a few days asks first (issue 11 §5). */
async function confirmSend(page: Page): Promise<void> {
  const again = page.getByTestId('confirm-resend');
  if (await again.count()) await again.check();
  await skipSendTest(page);
  await page.getByTestId('send-confirm').click();
}

function jobStates(app: RunningApp, jobId: string): string[] {
  const states: string[] = [];
  for (const { event, payload } of app.events) {
    if (event !== 'queue:job-updated') continue;
    const job = payload as JobView;
    if (job.id === jobId && states[states.length - 1] !== job.state) states.push(job.state);
  }
  return states;
}

async function connectionCard(page: Page, name: string) {
  return page.getByTestId('connection').and(page.locator(`[data-connection="${name}"]`));
}

/** Next Sunday 10:00 in Paris, at least a day ahead: outside the marketing window whatever today is. */
function nextSundayAtTen(now: Date): { date: string; time: string; instant: Date } {
  let dateKey = nextDateKey(toParisParts(now).dateKey);
  while (new Date(`${dateKey}T12:00:00Z`).getUTCDay() !== 0) dateKey = nextDateKey(dateKey);
  const [year, month, day] = dateKey.split('-').map(Number);
  const resolved = parisWallClockToInstant({ year, month, day, hour: 10, minute: 0, second: 0 });
  if (!resolved.ok) throw new Error('no Sunday');
  return { date: dateKey, time: '10:00', instant: resolved.instant };
}

describe('Mode démo: a whole campaign in the app', () => {
  let app: RunningApp;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-demo-'));
    app = await startApp({ demo: true });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  });

  it('has the four sandbox connections on first start, and tests the MediasFlow one', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Connexions' }).click();
    const cards = page.getByTestId('connection');
    await expect.poll(() => cards.count()).toBe(4);
    expect(await page.getByTestId('connections').getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Démo AllMySMS', 'Démo iSendPro', 'Démo MediasFlow', 'Démo MediasFlow REST']);
    expect(await page.getByTestId('demo-tag').allTextContents()).toEqual(['Démo', 'Démo', 'Démo', 'Démo']);

    const mediasflow = await connectionCard(page, 'Démo MediasFlow');
    await mediasflow.getByTestId('test-connection').click();
    const check = mediasflow.getByTestId('connection-check');
    await expect.poll(() => check.getAttribute('data-status')).toBe('ok');
    expect(await mediasflow.getByTestId('folder-present').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('/Campagnes/SMS'), expect.stringContaining('/Campagnes/VMS')]),
    );
    expect(await mediasflow.getByTestId('folder-missing').count()).toBe(0);

    // The MediasFlow REST sandbox, created with the others: « Tester la connexion » logs in and reads once.
    const restDemo = await connectionCard(page, 'Démo MediasFlow REST');
    await restDemo.getByTestId('test-connection').click();
    await expect.poll(() => restDemo.getByTestId('connection-check').getAttribute('data-status')).toBe('ok');
    expect(await restDemo.getByTestId('rest-test-ok').textContent()).toContain("rien n'a été envoyé");
    await app.screenshot('demo-01-connections');
  });

  it('shows a first SSH host key to verify, pins it, then blocks a changed key', async () => {
    const { page } = app;
    const demoBox = (await app.services!.demo.start()).mediasflow;
    // A "real" MediasFlow connection that happens to point at the demo SFTP server.
    await page.getByTestId('add-connection').click();
    const editor = page.getByTestId('connection-editor');
    expect(await editor.getByTestId('connection-port').inputValue()).toBe('22');
    await editor.getByTestId('connection-provider').selectOption('allmysms-ftp');
    expect(await editor.getByTestId('connection-port').inputValue()).toBe('21');
    await editor.getByTestId('plain-ftp-notice').waitFor();
    expect(await editor.getByTestId('plain-ftp-notice').textContent()).toContain('le mot de passe et les fichiers circulent en clair');
    await editor.getByTestId('connection-provider').selectOption('mediasflow-sftp');
    expect(await editor.getByTestId('connection-port').inputValue()).toBe('22');
    expect(await editor.getByTestId('plain-ftp-notice').count()).toBe(0);
    await editor.getByTestId('connection-name').fill('MediasFlow agence');
    await editor.getByTestId('connection-host').fill(demoBox.host);
    await editor.getByTestId('connection-port').fill(String(demoBox.port));
    await editor.getByTestId('connection-user').fill(demoBox.username);
    await editor.getByTestId('connection-password').fill(demoBox.password);
    await editor.getByTestId('connection-save').click();

    const card = await connectionCard(page, 'MediasFlow agence');
    const first = card.getByTestId('host-key-first');
    await first.waitFor();
    expect(await first.getByTestId('fingerprint').textContent()).toBe(demoBox.hostKeyFingerprint);
    expect(await first.textContent()).toContain('Vérifiez cette empreinte auprès de votre fournisseur');
    await app.screenshot('demo-02-host-key-first');
    await first.getByTestId('pin-host-key').click();
    await expect.poll(() => card.getByTestId('connection-check').getAttribute('data-status')).toBe('ok');

    // The server now shows another key than the pinned one (simulated by pinning a different fingerprint).
    const saved = (await app.call('connections:list')) as { ok: true; value: ConnectionView[] };
    const agency = saved.value.find((connection) => connection.name === 'MediasFlow agence')!;
    const otherKey = `SHA256:${'A'.repeat(43)}`;
    expect((await app.call('connections:pin-host-key', { id: agency.id, fingerprint: otherKey })).ok).toBe(true);
    await card.getByTestId('test-connection').click();
    const mismatch = card.getByTestId('host-key-mismatch');
    await mismatch.waitFor();
    expect(await mismatch.textContent()).toContain('Ne continuez pas');
    expect(await mismatch.textContent()).toContain('interception');
    expect(await mismatch.getByTestId('fingerprint').textContent()).toBe(demoBox.hostKeyFingerprint);
    await mismatch.scrollIntoViewIfNeeded();
    await app.screenshot('demo-03-host-key-changed');

    await card.getByTestId('delete-connection').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Supprimer' }).click();
    await expect.poll(() => page.getByTestId('connection').count()).toBe(4);
  });

  it('imports a list and writes the campaign message', async () => {
    const { page, dialogs } = app;
    const file = join(workDir, 'clients.csv');
    await writeFile(file, clientList);
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    dialogs.nextOpenFile(file);
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary').waitFor();

    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await page.getByTestId('new-campaign').click();
    const prompt = page.getByTestId('prompt-dialog');
    await prompt.getByRole('textbox').fill('Relance clients');
    await prompt.getByRole('button', { name: 'Créer' }).click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('composer-message').fill(message);
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    await app.screenshot('demo-04-message');
  });

  it('warns about a marketing send on a Sunday and programs it at the next allowed slot in one click', async () => {
    const { page } = app;
    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.waitFor();
    // The demo connection is chosen by default, with the demo account's SMS template.
    expect(await form.getByTestId('send-connection').locator('option:checked').textContent()).toBe('Démo MediasFlow (démo)');
    expect(await form.getByTestId('send-template').inputValue()).toBe('1001');
    expect(await form.getByTestId('send-campaign-name').inputValue()).toBe('Relance clients');

    // A name MediasFlow would refuse is kept as typed; the file gets a provider-safe one (issue 11 §2).
    await form.getByTestId('send-campaign-name').fill('Relance-clients/juin');
    await form.getByTestId('file-name-details').locator('summary').click();
    expect(await form.getByTestId('file-name').textContent()).toBe('Relance clients juin');
    expect(await form.getByTestId('send-campaign-name').inputValue()).toBe('Relance-clients/juin');

    await form.getByTestId('send-type-marketing').check();
    await form.getByTestId('send-timing-later').check();
    const sunday = nextSundayAtTen(new Date());
    await form.getByTestId('send-date').fill(sunday.date);
    await form.getByTestId('send-time').fill(sunday.time);
    const warning = form.getByTestId('window-warning');
    await warning.waitFor();
    const slotInstant = nextAllowedSlot(sunday.instant)!;
    const slot = formatParisDateTime(slotInstant);
    const spoken = new Intl.DateTimeFormat('fr-FR', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Paris',
    }).format(slotInstant);
    expect(await warning.getByTestId('next-slot').textContent()).toBe(`Prochain créneau autorisé : ${spoken}.`);
    expect(await warning.getByTestId('schedule-next-slot').textContent()).toBe(`Programmer au ${spoken}`);
    expect(await form.getByTestId('show-summary').isDisabled()).toBe(true);
    await app.screenshot('demo-05-window-warning');

    await warning.getByTestId('schedule-next-slot').click();
    await expect.poll(() => form.getByTestId('window-warning').count()).toBe(0);
    // French order whatever the browser's locale (issue 11 §8).
    const [slotDate, slotTime] = slot.split(' ');
    expect(`${await form.getByTestId('send-date').inputValue()} ${await form.getByTestId('send-time').inputValue()}`).toBe(`${slotDate.split('-').reverse().join('/')} ${slotTime}`);
  });

  it('shows the summary of an immediate notification with the figures of the list', async () => {
    const { page } = app;
    const form = page.getByTestId('schedule-form');
    await form.getByTestId('send-type-notification').check();
    await form.getByTestId('send-timing-now').check();
    await form.getByTestId('show-summary').click();
    const summary = page.getByTestId('send-summary');
    await summary.waitFor();
    expect(await summary.getByTestId('summary-recipients').textContent()).toBe('5');
    expect(await summary.getByTestId('summary-list-rows').textContent()).toBe('7');
    expect(await summary.getByTestId('summary-excluded').textContent()).toBe('2');
    expect(await summary.getByTestId('excluded-invalid').textContent()).toContain('1 numéro invalide (numéro fixe : 1)');
    expect(await summary.getByTestId('excluded-duplicates').textContent()).toContain('1 doublon :');
    // One GSM-7 SMS each.
    expect(await summary.getByTestId('summary-credits').textContent()).toBe('5');
    expect(await summary.getByTestId('summary-per-recipient').textContent()).toBe('1');
    expect(await summary.getByTestId('summary-send-at').textContent()).toBe('Immédiat, dès le dépôt');
    expect(await summary.getByTestId('summary-connection').textContent()).toContain('Démo MediasFlow');
    expect(await summary.getByTestId('summary-campaign').textContent()).toBe('Relance-clients/juin');
    expect(await summary.getByTestId('summary-template').textContent()).toBe('1001');
    expect(await summary.getByTestId('summary-remote-name').textContent()).toMatch(/^\/Campagnes\/SMS\/1001-[A-Za-z0-9]+-Relance clients juin_\d{14}\.csv/);
    expect(await summary.getByTestId('send-confirm').textContent()).toBe('Envoyer 5 SMS maintenant');
    await app.screenshot('demo-06-summary');
  });

  it('sends: Envois shows the upload, the wait for the answer, then Acceptée with the campaign number', async () => {
    const { page } = app;
    await confirmSend(page);
    await page.getByTestId('jobs').waitFor();
    expect(await page.getByRole('navigation').getByRole('button', { name: 'Envois' }).getAttribute('aria-current')).toBe('page');
    const job = page.getByTestId('job').first();
    const jobId = (await job.getAttribute('data-job'))!;
    // The upload is quick; the answer takes ~1.5 s: the card waits for it.
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 15_000 }).toMatch(/awaiting-ack|accepted/);
    if ((await job.getAttribute('data-state')) === 'awaiting-ack') await app.screenshot('demo-07-awaiting-answer');
    await job.getByTestId('job-check-now').click({ timeout: 2_000 }).catch(() => {});
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toBe('accepted');

    const campaigns = (await app.services!.demo.start()).boxes.mediasflow.campaigns();
    expect(campaigns).toHaveLength(1);
    expect(await job.getByTestId('job-outcome').textContent()).toBe(`Campagne n° ${campaigns[0].campaignId}`);
    expect(await job.getByTestId('job-remote-name').textContent()).toBe(campaigns[0].dropName);
    expect(await job.getByTestId('job-state').textContent()).toBe('Acceptée');
    // Every state the user could see, in order.
    expect(jobStates(app, jobId)).toEqual(['queued', 'uploading', 'awaiting-ack', 'accepted']);
    // The queue's one notification (a report version, later, has its own).
    expect(app.notifications.filter((notification) => notification.title !== 'Nouveau rapport de remise')).toHaveLength(1);
    await job.locator('summary').click();
    await app.screenshot('demo-08-accepted');
  });

  it('fails at once on a refused password, then goes through after the password is fixed and "Réessayer"', async () => {
    const { page } = app;
    const demoBox = (await app.services!.demo.start()).mediasflow;
    // An agency account on the demo SFTP server, its key checked, with a mistyped password.
    const saved = (await app.call('connections:save', {
      name: 'MediasFlow agence',
      provider: 'mediasflow-sftp',
      host: demoBox.host,
      port: demoBox.port,
      user: demoBox.username,
      password: 'mot-de-passe-faux',
      hostKey: demoBox.hostKeyFingerprint,
    })) as { ok: true; value: { connection: ConnectionView } };
    expect(saved.ok).toBe(true);

    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await duplicateIfSent(page);
    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.getByTestId('send-connection').selectOption({ label: 'MediasFlow agence' });
    await form.getByTestId('send-template').fill('1002');
    await form.getByTestId('send-type-notification').check();
    await form.getByTestId('show-summary').click();
    await page.getByTestId('send-summary').waitFor();
    expect((await page.getByTestId('summary-connection').textContent())?.trim()).toBe('MediasFlow agence');
    await confirmSend(page);

    const job = page.getByTestId('job').first();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 15_000 }).toBe('failed');
    const reason = job.getByTestId('job-reason');
    expect(await reason.getAttribute('data-code')).toBe('auth');
    expect(await reason.textContent()).toContain("a refusé l'identifiant ou le mot de passe");
    await app.screenshot('demo-09-failed-auth');

    // The user fixes the password in Connexions (the test that follows passes), then retries.
    await page.getByRole('navigation').getByRole('button', { name: 'Connexions' }).click();
    const card = await connectionCard(page, 'MediasFlow agence');
    await card.getByTestId('edit-connection').click();
    const editor = page.getByTestId('connection-editor');
    await editor.getByTestId('connection-password').fill(demoBox.password);
    await editor.getByTestId('connection-save').click();
    await expect.poll(() => card.getByTestId('connection-check').getAttribute('data-status')).toBe('ok');
    await page.getByRole('navigation').getByRole('button', { name: 'Envois' }).click();
    const failed = page.locator('[data-state="failed"]').first();
    await failed.getByTestId('job-retry').click();
    const retried = page.getByTestId('job').first();
    await expect.poll(() => retried.getAttribute('data-state'), { timeout: 20_000 }).toMatch(/awaiting-ack|accepted/);
    await retried.getByTestId('job-check-now').click({ timeout: 2_000 }).catch(() => {});
    await expect.poll(() => retried.getAttribute('data-state'), { timeout: 20_000 }).toBe('accepted');
    expect((await app.services!.demo.start()).boxes.mediasflow.campaigns()).toHaveLength(2);
  });

  it('draws an upload in progress with its bytes (a progress event replayed on the page)', async () => {
    const { page } = app;
    // The demo file (185 bytes) uploads in a few milliseconds: replay a mid-upload event to look at the bar.
    const [accepted] = ((await app.call('queue:list')) as { ok: true; value: JobView[] }).value;
    const replay: JobView = {
      ...accepted,
      id: 'replayed-upload',
      state: 'uploading',
      campaignId: null,
      reason: null,
      uploadedBytes: 96 * 1024,
      totalBytes: 240 * 1024,
      updatedAt: new Date().toISOString(),
    };
    await page.evaluate((job) => (window as unknown as { __dropdeskEmit(e: string, p: unknown): void }).__dropdeskEmit('queue:job-updated', job), replay);
    const card = page.locator('[data-job="replayed-upload"]');
    await card.waitFor();
    expect(await card.getByTestId('job-progress').textContent()).toBe('96 Ko sur 240 Ko envoyés.');
    expect(await card.locator('progress').getAttribute('value')).toBe('40');
    await app.screenshot('demo-10-upload-progress');
    // Back to what main holds.
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Envois' }).click();
    await expect.poll(() => page.locator('[data-job="replayed-upload"]').count()).toBe(0);
  });

  it('warns when the provider has not answered after 6 h (a late job replayed on the page)', async () => {
    const { page } = app;
    const [accepted] = ((await app.call('queue:list')) as { ok: true; value: JobView[] }).value;
    const late: JobView = { ...accepted, id: 'replayed-late', state: 'awaiting-ack', campaignId: null, reason: null, ackOverdue: true, updatedAt: new Date().toISOString() };
    await page.evaluate((job) => (window as unknown as { __dropdeskEmit(e: string, p: unknown): void }).__dropdeskEmit('queue:job-updated', job), late);
    const card = page.locator('[data-job="replayed-late"]');
    await card.waitFor();
    expect(await card.getByTestId('job-ack-overdue').textContent()).toContain('Toujours pas de réponse du fournisseur après 6 heures');
    await app.screenshot('demo-11-ack-overdue');
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Envois' }).click();
    await expect.poll(() => page.locator('[data-job="replayed-late"]').count()).toBe(0);
  });

  it('shows a MediasFlow REST job held "Résultat inconnu" with only a new check offered (replayed on the page)', async () => {
    const { page } = app;
    const [accepted] = ((await app.call('queue:list')) as { ok: true; value: JobView[] }).value;
    const message = "Résultat inconnu : la demande d'envoi de la campagne n° 943 est partie, mais la réponse de MediasFlow s'est perdue. La campagne est peut-être partie.";
    const action = "Vérifiez la campagne n° 943 sur l'extranet MediasFlow (Campagnes). Dropdesk ne la renvoie pas et continue de vérifier ; elle passera « Acceptée » dès que son rapport apparaît.";
    const unknown: JobView = {
      ...accepted,
      id: 'replayed-unknown',
      providerId: 'mediasflow-rest',
      connectionName: 'MediasFlow API',
      state: 'held',
      campaignId: '943',
      reason: { code: 'rest-result-unknown', message, action, detail: '943' },
      rest: {
        step: 'inject', listMode: 'upload', listId: 392, campaignId: 943, answered: null, mismatches: [], prepares: 1, injectSentAt: new Date().toISOString(), status: 'DRAFT', scheduleOn: null, reconcileReads: 0, lastReconcileAt: null,
        expected: { recipients: 5, invalid: 0, duplicates: 0, blacklisted: 0, renderingErrors: 0, credits: 5, sender: null, message: 'x' },
        payload: { campaignName: 'Relance', msg: 'x', sender: null, typeSelect: 'NOTIFICATION', allowUCS2: false, autoREPLACEEMOJI: false, autoREPLACETOGSM7: false, checkDuplicate: true, brand: null },
      },
      updatedAt: new Date().toISOString(),
    };
    await page.evaluate((job) => (window as unknown as { __dropdeskEmit(e: string, p: unknown): void }).__dropdeskEmit('queue:job-updated', job), unknown);
    const card = page.locator('[data-job="replayed-unknown"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('Résultat inconnu');
    const choices = card.getByTestId('held-choices');
    expect(await choices.getByRole('button').allTextContents()).toEqual(['Vérifier maintenant']);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('demo-12-rest-result-unknown');
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Envois' }).click();
    await expect.poll(() => page.locator('[data-job="replayed-unknown"]').count()).toBe(0);
  });

  it('comes back refused with code 03 and what to do for an unknown template number', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    // The campaign is still open where the user left it.
    await page.getByTestId('composer').waitFor();
    expect(await page.getByTestId('campaign-name').inputValue()).toMatch(/^Relance-clients\/juin/);
    await duplicateIfSent(page);
    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.getByTestId('send-connection').selectOption({ label: 'Démo MediasFlow (démo)' });
    await form.getByTestId('send-template').fill('4242');
    await form.getByTestId('send-type-notification').check();
    await form.getByTestId('show-summary').click();
    await page.getByTestId('send-summary').waitFor();
    await confirmSend(page);

    const job = page.getByTestId('job').first();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toMatch(/awaiting-ack|rejected/);
    await job.getByTestId('job-check-now').click({ timeout: 2_000 }).catch(() => {});
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toBe('rejected');
    const reason = job.getByTestId('job-reason');
    expect(await reason.getAttribute('data-code')).toBe('03');
    expect(await reason.textContent()).toContain('Code 03');
    expect(await reason.textContent()).toContain("Le numéro de campagne modèle n'existe pas sur ce compte MediasFlow.");
    expect(await reason.textContent()).toContain('Que faire :');
    expect(await page.getByTestId('job').count()).toBe(3);
    await app.screenshot('demo-11-rejected-03');
  });

  it('drops the same campaign on the demo AllMySMS (FTP), which takes the rendered messages and archives the file', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await duplicateIfSent(page);
    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.getByTestId('send-connection').selectOption({ label: 'Démo AllMySMS (démo)' });
    // No template number for AllMySMS, and no voice messages.
    expect(await form.getByTestId('send-template').count()).toBe(0);
    expect(await form.getByTestId('send-channel-vms').isDisabled()).toBe(true);
    await form.getByTestId('send-type-notification').check();
    await form.getByTestId('show-summary').click();
    const summary = page.getByTestId('send-summary');
    await summary.waitFor();
    // A STOP in the demo reports of the earlier sends may have put one number in the opt-out list by now.
    const optedOut = (await summary.getByTestId('excluded-opted-out').count()) ? Number((await summary.getByTestId('excluded-opted-out').textContent())!.match(/^\d+/)![0]) : 0;
    expect(await summary.getByTestId('summary-recipients').textContent()).toBe(String(5 - optedOut));
    expect(await summary.getByTestId('summary-remote-name').textContent()).toMatch(/^SEND_SMS\/RelanceClientsJuin[A-Za-z0-9]+_\d{14}_HQ\.csv/);
    await confirmSend(page);
    const job = page.getByTestId('job').first();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toMatch(/awaiting-ack|accepted/);
    await job.getByTestId('job-check-now').click({ timeout: 2_000 }).catch(() => {});
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toBe('accepted');
    expect(await job.getByTestId('job-outcome').textContent()).toBe('Le fournisseur a accepté la campagne.');
    expect(await page.getByTestId('job').count()).toBe(4);
    await app.screenshot('demo-12-allmysms-accepted');

    // The demo SFTP server logs the two connections our client broke off on purpose (unknown key, then changed key).
    const refusedKeys = app.problems.filter((problem) => problem.includes('connexion SFTP interrompue') && problem.includes('KEY_EXCHANGE_FAILED'));
    expect(refusedKeys.length).toBeLessThanOrEqual(2);
    expect(app.problems.filter((problem) => !refusedKeys.includes(problem))).toEqual([]);
  });
});
