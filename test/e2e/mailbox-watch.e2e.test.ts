/**
 * Envois while the app watches an iSendPro answer mailbox (IMAP IDLE on
 * Debian's Dovecot): a mail job awaiting its answers shows « Boîte de
 * réception surveillée » with the last read; the answers, put in the mailbox
 * by the test, are read as they arrive, the job turns accepted and the note
 * goes once nothing awaits an answer. Screenshot of the watched job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConnectionView } from '../../shared/ipc/channels/connections';
import { dovecotUnavailableReason } from '../integration/servers/dovecot-test-server';
import { frenchTable, startIsendproWorld, type IsendproWorld } from '../integration/isendpro/isendpro-world';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { planIsendproBatches } from '../../shared/providers/isendpro/isendpro-batches';
import { generateDeliveryId } from '../../shared/providers/delivery-id';
import { createQueue } from '../../src-main/queue/queue-runtime';
import type { StoredConnection } from '../../src-main/connections/connection-types';

const unavailable = dovecotUnavailableReason();

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name }).click();
  await expect.poll(() => page.getByRole('navigation').getByRole('button', { name }).getAttribute('aria-current')).toBe('page');
}

describe.skipIf(unavailable !== null)('Envois: the iSendPro answer mailbox watched with IMAP IDLE', () => {
  let app: RunningApp;
  let world: IsendproWorld;
  const held: Buffer[] = [];

  beforeAll(async () => {
    // The box's answers wait here until the test puts them in the mailbox.
    world = await startIsendproWorld({ deliver: async (mail) => void held.push(mail) });
    // demo: the app's services as the app starts them (queue loop, mailbox watchers).
    app = await startApp({ demo: true, viewport: { width: 1366, height: 900 } });
  });

  afterAll(async () => {
    await app?.close();
    await world?.stop();
    await closeBrowser();
  });

  it('shows « Boîte de réception surveillée » with the last read while answers are awaited, reads them as they arrive, then stops watching', async () => {
    const { page } = app;
    const s = world.settings;
    const saved = (await app.call('connections:save', {
      name: 'iSendPro boutique',
      provider: 'isendpro-mail',
      mail: {
        smtp: { host: '127.0.0.1', port: s.smtp.port, security: 'plain', user: s.smtp.user, password: s.smtp.password },
        imap: { host: '127.0.0.1', port: s.imap.port, security: 'plain', user: s.imap.user, password: s.imap.password },
        from: s.from,
        keyid: s.keyid,
      },
    })) as { ok: true; value: { connection: ConnectionView } };
    expect(saved.ok).toBe(true);
    const connection = saved.value.connection;
    // Queued as `drop` queues it (src-main/drops/prepare-mail-drop.test.ts: the composer's drops:submit queues the same job).
    const plan = planIsendproBatches(frenchTable(600), { template: 'Bonjour ${PRENOM}, votre commande est prête.', sender: '', nostop: false });
    const writer = createQueue({
      dataDir: app.dataDir,
      connections: { getStored: async () => ({ id: connection.id, name: connection.name, provider: 'isendpro-mail' }) as StoredConnection, resolveConfig: async () => { throw new Error('mail'); }, resolveMailSettings: async () => s },
    });
    const job = await writer.enqueue({
      connection: { id: connection.id, name: connection.name },
      job: { providerId: 'isendpro-mail', channel: 'sms', sendType: 'notification', campaignName: 'Retrait commandes', templateId: null, idDelivery: generateDeliveryId(new Date()), programmedAt: null },
      remoteFolder: 'sendsms@isendpro-api.com',
      file: { name: 'campaign.json', data: Buffer.from('{}'), recipients: plan.recipients },
      mail: { sender: '', drafts: plan.batches.map((batch) => ({ recipients: batch.recipients, sharedMessage: batch.sharedMessage, smslong: batch.smslong })), leftOutForeign: 0, recipients: plan.recipients },
    });
    // Envois' « Vérifier maintenant » runs the app's queue: both e-mails leave, and the first one starts the connection's watcher.
    expect((await app.call('queue:refresh', {})).ok).toBe(true);
    await world.box.idle();
    expect(world.box.mails.map((mail) => mail.accepted)).toEqual([true, true]);

    await openSection(page, 'Envois');
    const card = page.locator(`[data-testid="job"][data-job="${job.id}"]`);
    await expect.poll(() => card.getAttribute('data-state')).toBe('awaiting-ack');
    const note = card.getByTestId('mailbox-watch');
    await expect.poll(() => note.getAttribute('data-connected')).toBe('yes');
    await expect.poll(() => note.textContent()).toMatch(/^Boîte de réception surveillée · dernière lecture le \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    await app.screenshot('mail-mailbox-watched');

    // iSendPro answers: read as they arrive (IDLE), without « Vérifier maintenant ».
    for (const answer of held) await world.append(answer);
    await expect.poll(() => card.getAttribute('data-state')).toBe('accepted');
    await expect.poll(() => card.getByTestId('mailbox-watch').count()).toBe(0);
    expect(await card.getByTestId('mail-batches-summary').textContent()).toContain('E-mails envoyés : 2 sur 2 · acceptés par iSendPro : 2');
    await app.screenshot('mail-mailbox-answers-read');
    for (let i = 0; i < 600; i++) expect(world.box.countFor(`06${String(i).padStart(8, '0')}`)).toBe(1);
    expect(app.problems).toEqual([]);
  });
});
