/**
 * The answer mailbox watcher against Dovecot: IDLE wakes it when an answer
 * arrives, a connection lost during IDLE is re-opened and the catch-up scan
 * reads what arrived meanwhile, and it stops when nothing awaits an answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ackXml, buildAnswerMail } from '../../../src-main/demo/isendpro-answer-mail';
import { createMailboxWatcher, type MailboxWatcher } from '../../../src-main/isendpro-mail/mailbox-watcher';
import { scanMailboxFrom, type MailboxProgress } from '../../../src-main/isendpro-mail/mailbox-scan';
import { CuttingProxy } from '../servers/cutting-proxy';
import { dovecotUnavailableReason } from '../servers/dovecot-test-server';
import { startIsendproWorld, type IsendproWorld } from './isendpro-world';

const unavailable = dovecotUnavailableReason();
let world: IsendproWorld | null = null;
let proxy: CuttingProxy | null = null;
let watcher: MailboxWatcher | null = null;
afterEach(async () => {
  await watcher?.stop();
  await proxy?.stop();
  await world?.stop();
  watcher = null;
  proxy = null;
  world = null;
});

const ackMail = (emailId: number) => buildAnswerMail({ from: 'noreply@isendpro-api.com', to: 'answers@dropdesk.test', subject: 'Ack', xml: ackXml(String(emailId), 0), date: new Date() });

describe.skipIf(unavailable !== null)('iSendPro mailbox watcher (IMAP IDLE)', () => {
  it('reads an answer as it arrives, survives a connection lost during IDLE, and stops when nothing waits', async () => {
    world = await startIsendproWorld();
    const w = world;
    proxy = await CuttingProxy.start(w.dovecot.port);
    const seen: number[] = [];
    let waiting = true;
    let progress: MailboxProgress | null = null;
    watcher = createMailboxWatcher({
      settings: async () => ({ ...w.settings, imap: { ...w.settings.imap, port: proxy!.port } }),
      read: async (client) => {
        progress = (await scanMailboxFrom(client, progress, async (found) => void seen.push(found.answer.emailId ?? -1))).progress;
      },
      shouldWatch: async () => waiting,
      // An hour: within the test only IDLE can announce new mail.
      periodicMs: 60 * 60_000,
      reconnectBackoff: { baseMs: 200, factor: 1, maxMs: 200 },
    });
    await w.append(ackMail(1)); // already there before the watcher starts: the first scan reads it
    watcher.start();
    await expect.poll(() => seen).toEqual([1]);
    await expect.poll(() => watcher!.stats().connected).toBe(true);

    await w.append(ackMail(2)); // IDLE tells the watcher (the mailbox stays selected: its uidNext is stale)
    await expect.poll(() => seen).toEqual([1, 2]);
    expect(watcher.stats().connections).toBe(1);

    proxy.cutAll(); // connection lost during IDLE
    await w.append(ackMail(3)); // arrives while disconnected
    await expect.poll(() => seen).toEqual([1, 2, 3]);
    expect(watcher.stats().connections).toBeGreaterThanOrEqual(2);

    waiting = false;
    await watcher.stop();
    await w.append(ackMail(4));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('logs in again when the connection is edited (seen at the periodic check), and reads over the new connection', async () => {
    world = await startIsendproWorld();
    const w = world;
    proxy = await CuttingProxy.start(w.dovecot.port);
    const second = await CuttingProxy.start(w.dovecot.port);
    let port = proxy.port;
    const seen: number[] = [];
    let progress: MailboxProgress | null = null;
    watcher = createMailboxWatcher({
      settings: async () => ({ ...w.settings, imap: { ...w.settings.imap, port } }),
      read: async (client) => {
        progress = (await scanMailboxFrom(client, progress, async (found) => void seen.push(found.answer.emailId ?? -1))).progress;
      },
      shouldWatch: async () => true,
      periodicMs: 300,
      reconnectBackoff: { baseMs: 100, factor: 1, maxMs: 100 },
    });
    try {
      watcher.start();
      await expect.poll(() => watcher!.stats().connected).toBe(true);
      port = second.port; // the user edited the connection: same mailbox through another address
      await expect.poll(() => second.accepted).toBe(1);
      await expect.poll(() => watcher!.stats().connected).toBe(true);
      await w.append(ackMail(7));
      await expect.poll(() => seen).toEqual([7]);
      expect(proxy.accepted).toBe(1);
    } finally {
      await watcher.stop();
      await second.stop();
    }
  });
});
