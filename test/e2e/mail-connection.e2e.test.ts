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
import { planIsendproBatches } from '../../shared/providers/isendpro/isendpro-batches';
import { generateDeliveryId } from '../../shared/providers/delivery-id';
import { createQueue } from '../../src-main/queue/queue-runtime';
import type { StoredConnection } from '../../src-main/connections/connection-types';
import { frenchTable } from '../integration/isendpro/isendpro-world';
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

  it("a 1,200-recipient personalised campaign queued on that connection goes out as 3 e-mails through the app's queue; Envois shows each e-mail accepted", async () => {
    const { page } = app;
    const s = world.settings;
    const listed = (await app.call('connections:list')) as { ok: true; value: ConnectionView[] };
    const connection = listed.value.find((candidate) => candidate.name === 'iSendPro boutique')!;
    // The right SMTP password again (the previous test left a wrong one).
    const saved = await app.call('connections:save', { id: connection.id, name: connection.name, provider: 'isendpro-mail', mail: { smtp: { host: '127.0.0.1', port: s.smtp.port, security: 'plain', user: s.smtp.user, password: s.smtp.password }, imap: { host: '127.0.0.1', port: s.imap.port, security: 'plain', user: s.imap.user }, from: s.from } });
    expect(saved.ok).toBe(true);
    // Queued as `drop` queues it (mailEnqueueInput's shape; the composer's drops:submit queues the same job, src-main/drops/prepare-mail-drop.test.ts): one job, its 3 batches inside, in the app's data folder.
    const plan = planIsendproBatches(frenchTable(1200), { template: 'Bonjour ${PRENOM}, votre commande est prête.', sender: '', nostop: false });
    const writer = createQueue({
      dataDir: app.dataDir,
      connections: { getStored: async () => ({ id: connection.id, name: connection.name, provider: 'isendpro-mail' }) as StoredConnection, resolveConfig: async () => { throw new Error('mail'); }, resolveMailSettings: async () => s },
    });
    const idDelivery = generateDeliveryId(new Date());
    const job = await writer.enqueue({
      connection: { id: connection.id, name: connection.name },
      job: { providerId: 'isendpro-mail', channel: 'sms', sendType: 'notification', campaignName: 'Retrait commandes', templateId: null, idDelivery, programmedAt: null },
      remoteFolder: 'sendsms@isendpro-api.com',
      file: { name: 'campaign.json', data: Buffer.from('{}'), recipients: plan.recipients },
      mail: { sender: '', drafts: plan.batches.map((batch) => ({ recipients: batch.recipients, sharedMessage: batch.sharedMessage, smslong: batch.smslong })), leftOutForeign: 0, recipients: plan.recipients },
    });
    expect(job.mail!.batches).toHaveLength(3);
    // The app's queue (what Envois' refresh runs): sends the due e-mails and reads the mailbox once.
    expect((await app.call('queue:refresh', {})).ok).toBe(true);
    await world.box.idle();
    expect(world.box.mails.map((mail) => mail.accepted)).toEqual([true, true, true]);
    expect(world.box.messages.get('0600000042')).toBe('Bonjour Client42, votre commande est prête.');
    await expect.poll(async () => ((await app.call('queue:get', { id: job.id })) as { ok: true; value: { state: string } }).value.state).toBe('accepted');

    await openSection(page, 'Envois');
    const card = page.locator(`[data-testid="job"][data-job="${job.id}"]`);
    await expect.poll(() => card.getAttribute('data-state')).toBe('accepted');
    await expect.poll(() => card.getByTestId('mail-batch').count()).toBe(3);
    expect(await card.getByTestId('mail-batches-summary').textContent()).toContain('E-mails envoyés : 3 sur 3 · acceptés par iSendPro : 3');
    await app.screenshot('mail-campaign-envois');
    for (let i = 0; i < 1200; i++) expect(world.box.countFor(`06${String(i).padStart(8, '0')}`)).toBe(1);
    expect(app.problems).toEqual([]);
  });
});
