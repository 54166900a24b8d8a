/**
 * Issue 11, the campaign flow as office staff go through it, in Mode démo:
 * import an Excel list with accents and overseas numbers, write the message,
 * programme it, read the summary, follow it in Envois, read the report, and
 * fix the list at 1366×768. Screenshots are named `${shotPrefix}-…`
 * (DROPDESK_SHOTS=before was used once on the code before the issue).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextDateKey, parisWallClockToInstant, toParisParts } from '../../shared/scheduling/paris-time';
import { nextAllowedSlot } from '../../shared/scheduling/send-window';
import { formatSpokenDateTime } from '../../src-renderer/src/i18n/format';
import type { DropSummary } from '../../shared/ipc/channels/queue';
import type { ConnectionView } from '../../shared/ipc/channels/connections';
import { closeBrowser, e2eDemoTimings, startApp, type RunningApp } from './harness';
import { skipSendTest } from './send-test-step';

const shotPrefix = process.env.DROPDESK_SHOTS ?? 'after';

// 12 rows as an office exports them: accents, Guadeloupe/Martinique mobiles, a landline, Excel's damage, a duplicate.
export const officeList = [
  'Civilité;Prénom;Nom;Portable;Ville',
  'Mme;Élodie;Dupont;06 12 34 56 78;Évry',
  'M.;Paul;Petit;01 23 45 67 89;Paris',
  'Mme;Anaïs;Bonnet;07 81 23 45 67;Agen',
  'Mme;Zoé;Durand;6,10085E+08;Nîmes',
  'M.;Loïc;Lambert;+33698765432;Pau',
  'M.;Jean;Martin;06 98 76 54 33;Lyon',
  'Mme;Chloé;Roux;06 55 44 33 22;Agen',
  'M.;Thierry;Lubin;0690 12 34 56;Pointe-à-Pitre',
  'Mme;Maëlle;Césaire;0696 12 34 56;Fort-de-France',
  'M.;Hugo;Garnier;06 12 34 56;Lille',
  'M.;Noé;Faure;06 55 44 33 22;Agen',
  'Mme;Inès;Girard;06 11 22 33 44;Rennes',
].join('\r\n');

const message = 'Bonjour ${Prénom}, votre rendez-vous est confirmé demain. Répondez STOP pour ne plus recevoir nos messages.';

/** The next allowed marketing slot at 08:55 Paris at least a day ahead. */
function nextMorning(now: Date): { date: string; time: string; iso: string } {
  let dateKey = nextDateKey(toParisParts(now).dateKey);
  for (;;) {
    const [year, month, day] = dateKey.split('-').map(Number);
    const resolved = parisWallClockToInstant({ year, month, day, hour: 8, minute: 55, second: 0 });
    if (resolved.ok && nextAllowedSlot(resolved.instant)?.getTime() === resolved.instant.getTime()) return { date: dateKey, time: '08:55', iso: resolved.instant.toISOString() };
    dateKey = nextDateKey(dateKey);
  }
}

async function clean(app: RunningApp, name: string): Promise<void> {
  const notice = app.page.getByTestId('notice');
  if (await notice.count()) await notice.getByRole('button').first().click().catch(() => {});
  await app.page.mouse.move(5, 5);
  await app.screenshot(`${shotPrefix}-${name}`);
}

describe('the campaign flow (issue 11)', () => {
  let app: RunningApp;
  let workDir: string;
  let listFile: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-flow-'));
    listFile = join(workDir, 'rendez-vous.csv');
    await writeFile(listFile, officeList);
    app = await startApp({ demo: { timings: { ...e2eDemoTimings, reportDelaysMs: [1_000], reportSimulatedHours: [72] } } });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  });

  let morning: { date: string; time: string; iso: string };

  it('imports the list and writes the message', async () => {
    const { page, dialogs } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    dialogs.nextOpenFile(listFile);
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await page.getByTestId('new-campaign').click();
    const prompt = page.getByTestId('prompt-dialog');
    await prompt.getByRole('textbox').fill('Rappel rendez-vous');
    await prompt.getByRole('button', { name: 'Créer' }).click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('campaign-list').selectOption({ index: 1 });
    await page.getByTestId('composer-message').fill(message);
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    if (shotPrefix === 'before') return clean(app, 'composer');

    // §1 MediasFlow file drop: the template number first; the typed text only estimates the cost.
    expect(await page.getByTestId('composer-title').textContent()).toBe('Texte de la campagne modèle (pour estimer le coût)');
    await page.getByTestId('campaign-template').fill('1001');
    await expect.poll(() => page.getByTestId('composer-title').textContent()).toBe('Texte de la campagne modèle n° 1001 (pour estimer le coût)');
    expect(await page.getByTestId('message-source').getAttribute('data-source')).toBe('template');
    expect(await page.getByTestId('message-source').textContent()).toContain('ne contient que les destinataires et leurs champs');
    expect(await page.getByTestId('sender-from-template').textContent()).toContain('ceux de la campagne modèle n° 1001');
    expect(await page.getByTestId('campaign-sender').count()).toBe(0);
    expect(await page.getByTestId('add-stop').count()).toBe(0);
    // §6 Cost in words: what is left before the next SMS; the encoding only in the tooltip.
    expect(await page.getByTestId('composer-remaining').textContent()).toBe('encore 51 caractères avant le 2ᵉ SMS');
    expect(await page.getByTestId('composer-counter').textContent()).toBe('109/160 · 1 SMS');
    expect(await page.getByTestId('composer-counter').getAttribute('title')).toContain('GSM-7');
    // The figures over the whole list come by themselves.
    await expect.poll(() => page.getByTestId('figures-total').textContent(), { timeout: 30_000 }).toBe('11');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    await page.mouse.wheel(0, -2000);
    await page.getByTestId('campaign-template').scrollIntoViewIfNeeded();
    await clean(app, 'composer');

    // AllMySMS files carry the message: the screen says the typed text is sent, with a sender field.
    await page.getByTestId('campaign-provider').selectOption('allmysms-ftp');
    await expect.poll(() => page.getByTestId('message-source').getAttribute('data-source')).toBe('typed');
    expect(await page.getByTestId('composer-title').textContent()).toBe('Message envoyé');
    expect(await page.getByTestId('message-source').textContent()).toBe('Ce texte est envoyé tel quel à chaque destinataire, ses champs remplis avec la ligne de la liste.');
    expect(await page.getByTestId('campaign-sender').count()).toBe(1);
    await page.getByTestId('campaign-provider').selectOption('mediasflow-sftp');
    await expect.poll(() => page.getByTestId('message-source').getAttribute('data-source')).toBe('template');
    expect(await page.getByTestId('campaign-template').inputValue()).toBe('1001');
  });

  it('programmes it and reads the summary', async () => {
    const { page } = app;
    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.waitFor();
    await form.getByTestId('send-type-marketing').check();
    await form.getByTestId('send-timing-later').check();
    morning = nextMorning(new Date());
    if (shotPrefix !== 'before') {
      // §2 The name the user typed stays; the file gets a provider-safe one, shown under "Détails".
      expect(await form.getByTestId('send-template').inputValue()).toBe('1001');
      expect(await form.getByTestId('send-campaign-name').inputValue()).toBe('Rappel rendez-vous');
      expect(await form.getByTestId('campaign-name-problems').count()).toBe(0);
      await form.getByTestId('file-name-details').locator('summary').click();
      expect(await form.getByTestId('file-name').textContent()).toBe('Rappel rendez vous');
    }
    await form.getByTestId('send-date').fill(shotPrefix === 'before' ? morning.date : morning.date.split('-').reverse().join('/'));
    await form.getByTestId('send-time').fill(morning.time);
    await clean(app, 'schedule');
    // Before issue 11 the name itself had to be rewritten to pass.
    if (shotPrefix === 'before') await form.getByTestId('use-clean-name').click();
    await form.getByTestId('show-summary').click();
    const summary = page.getByTestId('send-summary');
    await summary.waitFor();
    if (shotPrefix === 'before') return clean(app, 'summary');

    // §3 A summary that decides: which text, as one recipient receives it, the sender, the SMS, the button says what happens.
    expect(await summary.getByTestId('summary-campaign').textContent()).toBe('Rappel rendez-vous');
    expect(await summary.getAttribute('data-source')).toBe('template');
    expect(await summary.getByTestId('summary-source').textContent()).toContain('celui de la campagne modèle n° 1001');
    expect(await summary.getByTestId('summary-source').textContent()).toContain('le nombre de SMS est une estimation');
    expect(await summary.getByTestId('summary-preview').textContent()).toBe(message.replace('${Prénom}', 'Élodie'));
    expect(await summary.getByTestId('summary-sender').textContent()).toBe('Expéditeur et mention STOP : ceux de la campagne modèle n° 1001.');
    expect(await summary.getByTestId('summary-recipients').textContent()).toBe('8');
    expect(await summary.getByTestId('summary-credits').textContent()).toBe('11');
    expect(await summary.getByTestId('excluded-invalid').textContent()).toContain('3 numéros invalides');
    expect(await summary.getByTestId('excluded-duplicates').textContent()).toMatch(/^1 doublon : chaque numéro/);
    expect(await summary.getByTestId('summary-send-at').textContent()).toBe(`Programmé le ${formatSpokenDateTime(morning.iso, 'fr')} (heure de Paris)`);
    expect(await summary.getByTestId('send-confirm').textContent()).toBe(`Programmer 11 SMS pour le ${formatSpokenDateTime(morning.iso, 'fr')}`);
    expect(await summary.getByTestId('summary-cost').textContent()).toBe('—');
    // The technical names wait under "Détails".
    expect(await summary.getByTestId('summary-remote-name').isVisible()).toBe(false);
    await summary.getByTestId('summary-details').locator('summary').click();
    expect(await summary.getByTestId('summary-file-name').textContent()).toBe('Rappel rendez vous');
    expect(await summary.getByTestId('summary-remote-name').textContent()).toMatch(/^\/Campagnes\/SMS\/1001-DD[A-Z0-9]+-Rappel rendez vous_\d{14}-PROG_\d{12}\.csv/);
    await summary.getByTestId('summary-details').locator('summary').click();
    await clean(app, 'summary');
  });

  it('sends and shows the programmed drop in Envois', async () => {
    const { page } = app;
    await skipSendTest(page);
    await page.getByTestId('send-confirm').click();
    await page.getByTestId('jobs').waitFor();
    const job = page.getByTestId('job').first();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toMatch(/awaiting-ack|accepted/);
    await job.getByTestId('job-check-now').click({ timeout: 2_000 }).catch(() => {});
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toBe('accepted');
    if (shotPrefix !== 'before') {
      expect(await job.getByRole('heading').first().textContent()).toBe('Rappel rendez-vous');
      const remote = app.services!.demo.current()!.boxes.mediasflow.campaigns()[0];
      expect(remote.dropName).toContain('-Rappel rendez vous_');
      // §9 Accepted but programmed: when it leaves; §8 dates day first.
      expect(await job.getByTestId('job-departure').textContent()).toBe(`Départ prévu le ${formatSpokenDateTime(morning.iso, 'fr')} (heure de Paris).`);
      expect(await job.locator('.job-title p').textContent()).toMatch(/créé le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      expect(await job.getByTestId('campaign-report-link').count()).toBe(1);
    }
    await clean(app, 'envois-programmed');
  });

  it('shows the programmed campaign read-only with "Dupliquer" (§5)', async () => {
    if (shotPrefix === 'before') return;
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    // The campaign is still open: it went out, so it is no longer edited.
    const locked = page.getByTestId('campaign-locked');
    await locked.waitFor();
    expect(await locked.textContent()).toContain(`Cette campagne est programmée le ${formatSpokenDateTime(morning.iso, 'fr')} pour 8 destinataires`);
    expect(await page.getByTestId('campaign-status').getAttribute('data-status')).toBe('programmed');
    expect(await page.getByTestId('open-send').count()).toBe(0);
    expect(await page.getByTestId('composer-message').isDisabled()).toBe(true);
    await page.getByTestId('campaign-back').click();
    const row = page.getByTestId('campaign-row').and(page.locator('[data-campaign="Rappel rendez-vous"]'));
    expect(await row.getByTestId('campaign-status').textContent()).toBe(`Programmée le ${formatSpokenDateTime(morning.iso, 'fr')} · 8 destinataires`);
    await row.getByRole('button', { name: 'Ouvrir' }).click();
    await page.getByTestId('campaign-duplicate').click();
    await expect.poll(() => page.getByTestId('campaign-name').inputValue()).toBe('Rappel rendez-vous (copie)');
    expect(await page.getByTestId('campaign-status').getAttribute('data-status')).toBe('draft');
    expect(await page.getByTestId('composer-message').inputValue()).toBe(message);
    expect(await page.getByTestId('campaign-template').inputValue()).toBe('1001');
  });

  it('sends it now too and reads its report', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await page.getByTestId('open-send').click();
    const form = page.getByTestId('schedule-form');
    await form.getByTestId('send-type-notification').check();
    await form.getByTestId('send-timing-now').check();
    await form.getByTestId('show-summary').click();
    await page.getByTestId('send-summary').waitFor();
    if (shotPrefix !== 'before') {
      // §5 The same list went out a moment ago: the app asks before a second send.
      const already = page.getByTestId('summary-already-sent');
      expect(await already.textContent()).toContain(`Déjà envoyée le ${formatSpokenDateTime(morning.iso, 'fr')} à 8 destinataires (« Rappel rendez-vous ») — envoyer quand même ?`);
      expect(await page.getByTestId('send-confirm').isDisabled()).toBe(true);
      expect(await page.getByTestId('send-confirm').textContent()).toBe('Envoyer 11 SMS maintenant');
      await already.getByTestId('confirm-resend').check();
    }
    await skipSendTest(page);
    await page.getByTestId('send-confirm').click();
    const job = page.getByTestId('job').first();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toMatch(/awaiting-ack|accepted/);
    await job.getByTestId('job-check-now').click({ timeout: 2_000 }).catch(() => {});
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toBe('accepted');
    const jobId = await job.getAttribute('data-job');
    await page.getByRole('navigation').getByRole('button', { name: 'Rapports' }).click();
    await page.getByTestId(`report-campaign-${jobId}`).click();
    await expect
      .poll(async () => {
        await page.getByTestId('reports-refresh').click().catch(() => {});
        return page.getByTestId('campaign-report').count();
      }, { timeout: 30_000, interval: 1_500 })
      .toBe(1);
    if (shotPrefix !== 'before') {
      // §8 Chart axes the French way: "01/12 09:00", thousands with a space.
      const chart = page.getByTestId('chart-over-time');
      await chart.scrollIntoViewIfNeeded();
      const tickTexts = chart.locator('.recharts-cartesian-axis-tick-value');
      await expect.poll(() => tickTexts.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const ticks = await tickTexts.allTextContents();
      // The time axis reads day/month hour:minute; the count axis has only numbers.
      expect(ticks.filter((tick) => /^\d{2}\/\d{2} \d{2}:\d{2}$/.test(tick)).length).toBeGreaterThan(0);
      expect(ticks.filter((tick) => !/^\d{2}\/\d{2} \d{2}:\d{2}$/.test(tick) && !/^\d[\d\s\u202f]*$/.test(tick))).toEqual([]);
    }
    await page.getByTestId('campaign-report').scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, -3000);
    if (shotPrefix !== 'before') expect(await page.getByTestId('chart-over-time-png').textContent()).toBe("Enregistrer l'image");
    await clean(app, 'report');
  });

  it('says the typed text is sent for AllMySMS, with the cost from the price per SMS of the connection', async () => {
    if (shotPrefix === 'before') return;
    const connections = (await app.call('connections:list')) as { ok: true; value: ConnectionView[] };
    const allmysms = connections.value.find((connection) => connection.profile === 'allmysms-ftp')!;
    const saved = await app.call('connections:save', { id: allmysms.id, name: allmysms.name, provider: allmysms.provider, pricePerSms: 0.045 });
    expect(saved.ok).toBe(true);
    const drafts = (await app.call('campaigns:list')) as { ok: true; value: { id: string }[] };
    const prepared = (await app.call('drops:prepare', { draftId: drafts.value[0].id, connectionId: allmysms.id, type: 'notification' })) as { ok: true; value: DropSummary };
    expect(prepared.ok).toBe(true);
    expect(prepared.value.messageSource).toBe('typed');
    expect(prepared.value.campaignName).toBe('Rappel rendez-vous (copie)');
    expect(prepared.value.fileCampaignName).toBe('Rappel rendez vous copie');
    // The first recipient still sendable (the report's STOP may have opted one out): a real first name, rendered.
    expect(prepared.value.preview?.text).toMatch(/^Bonjour (Élodie|Anaïs), votre rendez-vous est confirmé demain\./);
    expect(prepared.value.pricePerSms).toBe(0.045);
    expect(prepared.value.cost).toBe(Math.round(prepared.value.credits! * 0.045 * 100) / 100);
    expect(prepared.value.blocking).toEqual([]);
  });
});

describe('fixing a list at 1366×768 (issue 11 §7)', () => {
  let app: RunningApp;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-flow-grid-'));
    app = await startApp({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  });

  it('shows the grid with the rows to fix', async () => {
    const { page, dialogs } = app;
    const file = join(workDir, 'rendez-vous.csv');
    await writeFile(file, officeList);
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    dialogs.nextOpenFile(file);
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    const grid = page.getByTestId('grid');
    await grid.waitFor();
    if (shotPrefix !== 'before') {
      // Numbers as French people write them, overseas ones too, and why a number is refused in words.
      await grid.getByText('06 12 34 56 78', { exact: true }).first().waitFor();
      await grid.locator('.normalized', { hasText: '0690 12 34 56' }).waitFor();
      expect(await grid.getByTestId('reason-words').allTextContents()).toEqual(['numéro fixe', 'abîmé par Excel', '8 chiffres au lieu de 10']);
      // "Annuler" next to "Renommer" read as Cancel: undo is "Défaire".
      await page.getByRole('button', { name: 'Défaire' }).waitFor();
    }
    await clean(app, 'list-grid-1366');
  });
});
