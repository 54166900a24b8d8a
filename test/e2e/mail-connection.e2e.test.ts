/**
 * The iSendPro mail-to-SMS connection in the real renderer (Chromium): the
 * Connexions form (SMTP, IMAP, From, keyid, answer address defaulting to the
 * IMAP mailbox, iSendPro's address), saved through connections:save, then
 * "Tester la connexion" logs in to the local iSendPro box (smtp-server) and
 * Debian's Dovecot on 127.0.0.1 and sends nothing. Screenshots of the form
 * and of the tested card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConnectionView } from '../../shared/ipc/channels/connections';
import { dovecotUnavailableReason } from '../integration/servers/dovecot-test-server';
import { startIsendproWorld, type IsendproWorld } from '../integration/isendpro/isendpro-world';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { seriousFindings } from './axe-check';

const unavailable = dovecotUnavailableReason();

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name }).click();
  await expect.poll(() => page.getByRole('navigation').getByRole('button', { name }).getAttribute('aria-current')).toBe('page');
}

describe.skipIf(unavailable !== null)('iSendPro mail-to-SMS connection (Connexions)', () => {
  let app: RunningApp;
  let world: IsendproWorld;

  beforeAll(async () => {
    world = await startIsendproWorld();
    app = await startApp({ viewport: { width: 1366, height: 900 } });
  });

  afterAll(async () => {
    await app?.close();
    await world?.stop();
    await closeBrowser();
  });

  it('fills the form, saves it, and "Tester la connexion" logs in to both servers without sending anything', async () => {
    const { page } = app;
    const s = world.settings;
    await openSection(page, 'Connexions');
    await page.getByTestId('add-mail-connection').click();
    const form = page.getByTestId('mail-connection-editor');
    await form.waitFor();
    // Defaults: iSendPro's address, the usual ports.
    expect(await page.getByTestId('mail-to').inputValue()).toBe('sendsms@isendpro-api.com');
    expect(await page.getByTestId('mail-smtp-port').inputValue()).toBe('587');
    // Saving an empty form says what is missing.
    await page.getByTestId('mail-connection-save').click();
    await expect.poll(() => page.getByTestId('mail-problem-keyid').count()).toBe(1);

    await page.getByTestId('mail-name').fill('iSendPro boutique');
    await page.getByTestId('mail-smtp-host').fill('127.0.0.1');
    await page.getByTestId('mail-smtp-security').selectOption('plain');
    await page.getByTestId('mail-smtp-port').fill(String(s.smtp.port));
    await page.getByTestId('mail-smtp-user').fill(s.smtp.user);
    await page.getByTestId('mail-smtp-password').fill(s.smtp.password);
    await page.getByTestId('mail-imap-host').fill('127.0.0.1');
    await page.getByTestId('mail-imap-security').selectOption('plain');
    await page.getByTestId('mail-imap-port').fill(String(s.imap.port));
    await page.getByTestId('mail-imap-user').fill(s.imap.user);
    await page.getByTestId('mail-imap-password').fill(s.imap.password);
    await page.getByTestId('mail-from').fill(s.from);
    await page.getByTestId('mail-keyid').fill(s.keyid);
    expect(await page.getByTestId('mail-answer-address').getAttribute('placeholder')).toBe(s.imap.user);
    expect(await seriousFindings(page)).toEqual([]);
    await app.screenshot('mail-connection-form');

    await page.getByTestId('mail-connection-save').click();
    await form.waitFor({ state: 'detached' });
    const card = page.locator('[data-testid="connection"][data-connection="iSendPro boutique"]');
    await expect.poll(() => card.getByTestId('connection-check').getAttribute('data-status')).toBe('ok');
    expect(await card.getByTestId('mail-test-smtp').textContent()).toContain('aucun e-mail envoyé');
    expect(await card.getByTestId('mail-facts').textContent()).toContain(s.imap.user);
    await app.screenshot('mail-connection-tested');
    expect(world.box.mails).toEqual([]);

    // What main holds: nested mail fields, no secret.
    const listed = await app.call('connections:list');
    const connection = (listed as { ok: true; value: ConnectionView[] }).value.find((candidate) => candidate.name === 'iSendPro boutique')!;
    expect(connection.mail).toMatchObject({ to: 'sendsms@isendpro-api.com', emailAck: s.imap.user, from: s.from });
    expect(JSON.stringify(connection)).not.toContain(s.keyid);

    // A wrong SMTP password: the card says which server refused, still nothing sent.
    await card.getByTestId('edit-connection').click();
    await page.getByTestId('mail-smtp-password').fill('wrong');
    await page.getByTestId('mail-connection-save').click();
    await expect.poll(() => card.getByTestId('connection-check').getAttribute('data-status')).toBe('mail-failed');
    expect(await card.getByTestId('mail-test-smtp').textContent()).toContain('refuse');
    expect(world.box.mails).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
