/**
 * « Compte Microsoft 365 » of a mail connection in the real renderer
 * (Chromium), against a fake Microsoft identity service on 127.0.0.1: the
 * connection is added with the fake's address (a test setting, as
 * `--oauth-authority`), then in Connexions → Modifier the user clicks « Se
 * connecter à Microsoft 365 »; the "system browser" (main's openExternal)
 * follows the authorize step to the loopback listener with plain GETs; the
 * form shows the signed-in address, « Se déconnecter » works, and a refused
 * renewal shows « Reconnectez-vous à Microsoft 365 ». Screenshots of the form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConnectionView } from '../../shared/ipc/channels/connections';
import { FakeMicrosoftIdentity } from '../integration/oauth/fake-microsoft-identity';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { seriousFindings } from './axe-check';

const ACCOUNT = 'accueil@garage-martin.fr';

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name }).click();
  await expect.poll(() => page.getByRole('navigation').getByRole('button', { name }).getAttribute('aria-current')).toBe('page');
}

describe('Microsoft 365 sign-in of a mail connection (Connexions)', () => {
  let app: RunningApp;
  let fake: FakeMicrosoftIdentity;
  const opened: string[] = [];

  beforeAll(async () => {
    fake = await new FakeMicrosoftIdentity(ACCOUNT).start();
    app = await startApp({
      viewport: { width: 1366, height: 900 },
      openExternal: async (url) => {
        opened.push(url);
        const authorize = await fetch(url, { redirect: 'manual' });
        const landing = await fetch(authorize.headers.get('location')!);
        await landing.text();
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    await fake?.stop();
    await closeBrowser();
  });

  it('signs in from the form, shows the address, signs out, and asks to sign in again after a refused renewal', async () => {
    const { page } = app;
    // Short-lived tokens: every use renews them (so a revoked sign-in shows at the next use).
    fake.accessTokenSeconds = 60;
    const saved = await app.call('connections:save', {
      name: 'Garage Martin (Microsoft 365)',
      provider: 'isendpro-mail',
      mail: {
        smtp: { host: '127.0.0.1', port: 2525, security: 'plain', user: ACCOUNT },
        imap: { host: '127.0.0.1', port: 1143, security: 'plain', user: ACCOUNT },
        from: `Garage Martin <${ACCOUNT}>`,
        keyid: 'a296464ce012b8ab710a',
        auth: 'microsoft-oauth2',
        oauth: { clientId: fake.clientId, authority: fake.authority },
      },
    });
    expect(saved.ok).toBe(true);
    await openSection(page, 'Connexions');
    const card = page.locator('[data-testid="connection"][data-connection="Garage Martin (Microsoft 365)"]');
    await expect.poll(() => card.getByTestId('microsoft-facts').getAttribute('data-status')).toBe('signed-out');

    await card.getByTestId('edit-connection').click();
    const form = page.getByTestId('mail-connection-editor');
    await form.waitFor();
    expect(await page.getByTestId('mail-microsoft-enabled').isChecked()).toBe(true);
    expect(await page.getByTestId('mail-microsoft-client-id').inputValue()).toBe(fake.clientId);
    // No password to type for a Microsoft 365 account.
    expect(await page.getByTestId('mail-smtp-password').count()).toBe(0);
    expect(await page.getByTestId('mail-imap-password').count()).toBe(0);
    expect(await page.getByTestId('microsoft-account').getAttribute('data-status')).toBe('signed-out');
    await app.screenshot('microsoft-account-signed-out');

    await page.getByTestId('microsoft-sign-in').click();
    await expect.poll(() => page.getByTestId('microsoft-account').getAttribute('data-status')).toBe('signed-in');
    expect(await page.getByTestId('microsoft-account-status').textContent()).toBe(`Connecté en tant que ${ACCOUNT}`);
    expect(opened).toHaveLength(1);
    expect(new URL(opened[0]).searchParams.get('code_challenge_method')).toBe('S256');
    expect(new URL(opened[0]).searchParams.get('login_hint')).toBe(ACCOUNT);
    expect(fake.counts.codeExchanges).toBe(1);
    expect(await seriousFindings(page)).toEqual([]);
    await form.scrollIntoViewIfNeeded();
    await app.screenshot('microsoft-account-signed-in');

    // What main holds: the address, never a token.
    const listed = (await app.call('connections:list')) as { ok: true; value: ConnectionView[] };
    const connection = listed.value.find((candidate) => candidate.name === 'Garage Martin (Microsoft 365)')!;
    expect(connection.mail?.oauth).toMatchObject({ status: 'signed-in', account: ACCOUNT });
    for (const token of fake.issued) expect(JSON.stringify(listed)).not.toContain(token);

    await page.getByTestId('microsoft-sign-out').click();
    await expect.poll(() => page.getByTestId('microsoft-account').getAttribute('data-status')).toBe('signed-out');

    // Signed in again, then Microsoft revokes the sign-in: the next use (« Tester la connexion ») is refused → « Reconnectez-vous ».
    await page.getByTestId('microsoft-sign-in').click();
    await expect.poll(() => page.getByTestId('microsoft-account').getAttribute('data-status')).toBe('signed-in');
    await page.getByRole('button', { name: 'Annuler' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => card.getByTestId('microsoft-facts').textContent()).toBe(`Connecté en tant que ${ACCOUNT}`);
    fake.revokeRefreshTokens();
    await card.getByTestId('test-connection').click();
    await expect.poll(() => card.getByTestId('microsoft-facts').getAttribute('data-status')).toBe('sign-in-required');
    expect(await card.textContent()).toContain('Reconnectez-vous à Microsoft 365');
    await app.screenshot('microsoft-account-card-sign-in-required');
    await card.getByTestId('edit-connection').click();
    await form.waitFor();
    await expect.poll(() => page.getByTestId('microsoft-account').getAttribute('data-status')).toBe('sign-in-required');
    expect(await page.getByTestId('microsoft-account-status').textContent()).toContain('Reconnectez-vous à Microsoft 365');
    await app.screenshot('microsoft-account-sign-in-required');
    expect(app.problems).toEqual([]);
  });
});
