/**
 * The composer, end to end: the real renderer in Debian Chromium against the
 * real list and campaign handlers (the whole-list figures in a real worker
 * thread). Imports a list, creates a campaign on it, pastes a message with a
 * curly apostrophe and €, sees UCS-2 and 2 SMS, replaces all, sees GSM-7 and
 * 1 SMS, inserts a field, steps through the recipients (Anaïs turns her
 * message into UCS-2) and computes the figures over the whole list.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CampaignDraft } from '../../shared/campaigns/campaign-draft';
import { closeBrowser, startApp, type RunningApp } from './harness';

// 7 rows: a landline and a duplicate are not sendable → 5 recipients (Élodie, Anaïs, Loïc, Jean, Chloé).
const clientList = [
  'Prénom;Nom;Portable;Ville',
  'Élodie;Dupont;06 12 34 56 78;Évry',
  'Paul;Petit;01 23 45 67 89;Paris',
  'Anaïs;Bonnet;07 81 23 45 67;',
  'Zoé;Durand;0612345678;Nîmes',
  'Loïc;Lambert;+33698765432;Pau',
  'Jean;Martin;06 98 76 54 33;Lyon',
  'Chloé;Roux;06 55 44 33 22;Agen',
].join('\r\n');

// 105 characters: 2 SMS in UCS-2 (’), 1 SMS in GSM-7 once ’ becomes ' (€ stays: it is GSM-7, costing 2 septets).
const pastedMessage = 'Bonjour ! L’équipe du magasin vous offre 10 € sur votre prochain achat jusqu’à dimanche soir, à très vite';

async function counter(page: Page, testId = 'composer-counter') {
  const element = page.getByTestId(testId);
  return {
    text: (await element.textContent()) ?? '',
    encoding: await element.getAttribute('data-encoding'),
    segments: Number(await element.getAttribute('data-segments')),
  };
}

describe('the composer in the app', () => {
  let app: RunningApp;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-composer-'));
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  });

  it('imports a list, then creates a campaign on it', async () => {
    const { page, dialogs } = app;
    const file = join(workDir, 'clients.csv');
    await writeFile(file, clientList);
    dialogs.nextOpenFile(file);
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary').waitFor();

    await page.getByRole('navigation').getByRole('button', { name: 'Campagnes' }).click();
    await page.getByTestId('campaigns-empty').waitFor();
    await page.getByTestId('new-campaign').click();
    const prompt = page.getByTestId('prompt-dialog');
    await prompt.getByRole('textbox').fill('Soldes de printemps');
    await prompt.getByRole('button', { name: 'Créer' }).click();

    await page.getByTestId('composer').waitFor();
    expect(await page.getByTestId('campaign-name').inputValue()).toBe('Soldes de printemps');
    // The new campaign goes to the only list.
    expect(await page.getByTestId('campaign-list').locator('option:checked').textContent()).toBe('clients (5 envoyables)');
    expect(await counter(page)).toMatchObject({ text: '0/160 · 0 SMS', segments: 0 });
    // A MediasFlow file drop takes its STOP mention and sender from the template campaign (issue 11 §1): none to write here.
    expect(await page.getByTestId('message-source').getAttribute('data-source')).toBe('template');
    expect(await page.getByTestId('campaign-sender').count()).toBe(0);
    // AllMySMS files carry the typed message: its STOP mention and sender are written here (the rest of this file).
    await page.getByTestId('campaign-provider').selectOption('allmysms-ftp');
    await expect.poll(() => page.getByTestId('message-source').getAttribute('data-source')).toBe('typed');
  });

  it('counts a pasted message in UCS-2, then in GSM-7 after "Tout remplacer"', async () => {
    const { page } = app;
    const box = page.getByTestId('composer-message');
    await box.focus();
    // A real paste through the clipboard event, as from a word processor.
    await page.evaluate((text) => {
      const textarea = document.querySelector<HTMLTextAreaElement>('[data-testid="composer-message"]');
      const data = new DataTransfer();
      data.setData('text/plain', text);
      textarea?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, pastedMessage);
    // Chromium does not insert on a synthetic paste event: insert the text as the browser would.
    if ((await box.inputValue()) === '') await page.keyboard.insertText(pastedMessage);
    expect(await box.inputValue()).toBe(pastedMessage);

    await expect.poll(async () => (await counter(page)).encoding).toBe('UCS-2');
    expect(await counter(page)).toEqual({ text: '105/134 · 2 SMS', encoding: 'UCS-2', segments: 2 });
    expect(await page.getByTestId('segments').locator('.sms-part').count()).toBe(2);
    expect(await page.getByTestId('outside-char').allTextContents()).toEqual(['’', '’']);
    await page.getByTestId('stop-warning').waitFor();
    await page.getByTestId('outside-panel').scrollIntoViewIfNeeded();
    await app.screenshot('composer-01-ucs2-two-sms');

    await page.getByRole('button', { name: 'Tout remplacer' }).click();
    await expect.poll(async () => (await counter(page)).encoding).toBe('GSM-7');
    // 105 characters, € costing two septets.
    expect(await counter(page)).toEqual({ text: '106/160 · 1 SMS', encoding: 'GSM-7', segments: 1 });
    expect(await box.inputValue()).toBe(pastedMessage.replaceAll('’', "'"));
    expect(await page.getByTestId('outside-char').count()).toBe(0);
    expect(await page.getByTestId('segments').locator('.sms-part').count()).toBe(1);
  });

  it('inserts a field at the cursor and adds the STOP mention', async () => {
    const { page } = app;
    const box = page.getByTestId('composer-message');
    await box.evaluate((element: HTMLTextAreaElement) => {
      element.focus();
      element.setSelectionRange(8, 8); // after "Bonjour "
    });
    await page.getByTestId('field-menu-button').click();
    expect(await page.getByTestId('field-menu').getByRole('menuitem').allTextContents()).toEqual(['Prénom', 'Nom', 'Portable', 'Ville']);
    await page.getByTestId('field-menu').getByRole('menuitem', { name: 'Prénom' }).click();
    await expect.poll(() => box.inputValue()).toMatch(/^Bonjour \$\{Prénom\}! /);
    await page.keyboard.insertText(' ');
    await page.getByTestId('add-stop').click();
    await expect.poll(() => box.inputValue()).toBe(`Bonjour \${Prénom} ! ${pastedMessage.slice(10).replaceAll('’', "'")} STOP au 36180`);
    await expect.poll(() => page.getByTestId('stop-warning').count()).toBe(0);
    await page.getByTestId('field-defaults').waitFor();
    await app.screenshot('composer-02-field-and-stop');
  });

  it('checks the sender live against the provider’s rules', async () => {
    const { page } = app;
    const sender = page.getByTestId('campaign-sender');
    await sender.fill('Mag@sin');
    await expect.poll(() => page.getByTestId('sender-help').textContent()).toContain('@');
    expect(await sender.getAttribute('aria-invalid')).toBe('true');
    await sender.fill('12345');
    await expect.poll(() => page.getByTestId('sender-help').textContent()).toBe("Pour AllMySMS, l'expéditeur doit commencer par une lettre.");
    await sender.fill('MAGASIN');
    await expect.poll(() => page.getByTestId('sender-help').textContent()).toMatch(/^Commence par une lettre/);
    expect(await sender.getAttribute('aria-invalid')).toBe('false');
  });

  it('steps through the recipients and sees their rendered messages', async () => {
    const { page } = app;
    const message = page.getByTestId('recipient-preview').getByTestId('preview-message');
    // The autosave lands, then the preview refreshes with the new template.
    await expect.poll(() => message.first().textContent(), { timeout: 10_000 }).toMatch(/^Bonjour Élodie ! L'équipe/);
    expect(await page.getByTestId('preview-recipient').textContent()).toBe('Destinataire 1 · +33612345678');
    expect(await counter(page, 'preview-counter')).toMatchObject({ encoding: 'GSM-7', segments: 1 });

    await page.getByTestId('preview-next').click();
    await expect.poll(() => message.first().textContent()).toMatch(/^Bonjour Anaïs ! /);
    // Her ï is outside GSM-7: her message alone goes out in UCS-2, in 2 SMS.
    expect(await counter(page, 'preview-counter')).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(await page.getByTestId('preview-recipient').textContent()).toBe('Destinataire 2 · +33781234567');
    await app.screenshot('composer-03-preview-anais-ucs2');

    await page.getByTestId('preview-next').click();
    await expect.poll(() => message.first().textContent()).toMatch(/^Bonjour Loïc ! /);
    const goTo = page.getByTestId('preview-goto');
    await goTo.fill('5');
    await goTo.press('Enter');
    await expect.poll(() => message.first().textContent()).toMatch(/^Bonjour Chloé ! /);
    expect(await counter(page, 'preview-counter')).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(await page.getByTestId('preview-next').isDisabled()).toBe(true);
    await page.getByTestId('preview-previous').click();
    await expect.poll(() => message.first().textContent()).toMatch(/^Bonjour Jean ! /);
  });

  it('computes the figures over the whole list by themselves, without freezing the window (issue 11 §6)', async () => {
    const { page } = app;
    // No "Calculer": the figures follow the message (debounced, in main's worker).
    await page.getByTestId('figures-result').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('figures-result').getAttribute('class'), { timeout: 30_000 }).toBe('figures-body');
    expect(await page.getByTestId('figures-recipients').textContent()).toBe('5');
    // Élodie, Jean and Chloé: 1 SMS each in GSM-7; Anaïs and Loïc: 2 SMS each in UCS-2.
    expect(await page.getByTestId('figures-total').textContent()).toBe('7');
    expect(await page.getByTestId('figures-minmax').textContent()).toBe('1 – 2');
    expect(await page.getByTestId('figures-gsm7').textContent()).toBe('3');
    expect(await page.getByTestId('figures-ucs2').textContent()).toBe('2');
    expect(await page.getByTestId('figures-switched').textContent()).toContain("2 destinataires paient plus de SMS à cause d'un accent dans leurs données (prénom, nom…) : remplacer aussi les accents des champs ?");
    await app.screenshot('composer-04-list-figures');

    // The example link jumps to the first recipient who switches: Anaïs.
    await page.getByTestId('figures-switched').getByRole('button').click();
    await expect
      .poll(() => page.getByTestId('recipient-preview').getByTestId('preview-message').first().textContent())
      .toMatch(/^Bonjour Anaïs/);

    // "Remplacer aussi dans les champs": the list's values are replaced at rendering (the list is untouched); the figures follow.
    await page.getByTestId('replace-in-fields').click();
    await expect.poll(() => page.getByTestId('figures-ucs2').textContent(), { timeout: 30_000 }).toBe('0');
    expect(await page.getByTestId('figures-total').textContent()).toBe('5');
    expect(await page.getByTestId('replace-in-fields').count()).toBe(0);
    await page.getByTestId('fields-replaced').waitFor();
  });

  it('saved the draft on disk, and reopens it from the campaigns list', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    const [meta] = ((await app.call('campaigns:list')) as { ok: true; value: { id: string }[] }).value;
    const saved = ((await app.call('campaigns:get', { id: meta.id })) as { ok: true; value: CampaignDraft }).value;
    expect(saved.message).toBe(await page.getByTestId('composer-message').inputValue());

    await page.getByTestId('campaign-back').click();
    await page.getByTestId('campaigns').getByRole('button', { name: 'Soldes de printemps' }).click();
    await expect.poll(() => page.getByTestId('composer-message').inputValue()).toBe(saved.message);
    await app.screenshot('composer-05-reopened');
    expect(app.problems).toEqual([]);
  });
});
