import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IsendproMailSettings } from '../isendpro-mail/isendpro-mail-settings';
import { createImapClient, scanMailboxFrom, verifyImap, type MailboxAnswer } from '../isendpro-mail/mailbox-scan';
import { startDemoMailbox, type DemoMailbox } from './demo-mailbox-server';
import { ackXml, buildAnswerMail, notificationXml } from './isendpro-answer-mail';

const running: DemoMailbox[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((mailbox) => mailbox.stop()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function start(statePath?: string, password = 'imap-secret') {
  const mailbox = await startDemoMailbox({ user: 'demo', password: 'imap-secret', ...(statePath ? { statePath } : {}) });
  running.push(mailbox);
  const settings = {
    smtp: { host: '127.0.0.1', port: 1, security: 'plain', user: 'demo', password: 'x' },
    imap: { host: '127.0.0.1', port: mailbox.port, security: 'plain', user: 'demo', password },
    from: 'demo@dropdesk.demo',
    to: 'sendsms@isendpro-api.com',
    keyid: 'k',
    emailAck: 'demo@dropdesk.demo',
    emailNot: 'demo@dropdesk.demo',
    nostop: false,
    timeoutMs: 10_000,
  } satisfies IsendproMailSettings;
  return { mailbox, settings };
}

const date = new Date('2026-12-01T10:00:00Z');
const ack = (emailId: string) => buildAnswerMail({ from: 'iSendPro <noreply@isendpro-api.com>', to: 'demo@dropdesk.demo', subject: 'iSendPro Ack', xml: ackXml(emailId, 0), date });
const notification = (emailId: string) =>
  buildAnswerMail({ from: 'iSendPro <noreply@isendpro-api.com>', to: 'demo@dropdesk.demo', subject: 'iSendPro Not', xml: notificationXml(emailId, [{ code: 0, tel: '0612345678' }, { code: 11, tel: '0612345679' }]), date });
const unrelated = Buffer.from('From: Alice <alice@example.fr>\r\nTo: demo@dropdesk.demo\r\nSubject: Déjeuner\r\n\r\nOn déjeune ensemble ?\r\n', 'latin1');

async function connected(settings: IsendproMailSettings) {
  const client = createImapClient(settings);
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

describe('demo mailbox (in-process IMAP server) read by the app’s own IMAP code (imapflow)', () => {
  it('logs in (and refuses a wrong password), and the connection test sees INBOX', async () => {
    const { mailbox, settings } = await start();
    await mailbox.deliver(ack('101'));
    expect(await verifyImap(settings)).toEqual({ messages: 1 });
    const wrong = { ...settings, imap: { ...settings.imap, password: 'nope' } };
    await expect(verifyImap(wrong)).rejects.toMatchObject({ authenticationFailed: true });
  });

  it('EXAMINE + UID SEARCH BODY + UID FETCH: only the answers are read, ISO-8859-1 bytes untouched, an unrelated mail left alone, progress by UIDVALIDITY/UID', async () => {
    const { mailbox, settings } = await start();
    const firstAck = ack('101');
    await mailbox.deliver(firstAck);
    await mailbox.deliver(unrelated);
    await mailbox.deliver(notification('101'));
    const client = await connected(settings);
    try {
      const found: MailboxAnswer[] = [];
      const first = await scanMailboxFrom(client, null, async (answer) => void found.push(answer));
      expect(found.map((answer) => [answer.uid, answer.answer.kind])).toEqual([
        [1, 'ack'],
        [3, 'notification'],
      ]);
      const states = found[1].answer.kind === 'notification' ? found[1].answer.states : [];
      expect(states.map((state) => [state.tel, state.code])).toEqual([
        ['0612345678', 0],
        ['0612345679', 11],
      ]);
      // The accented label came through ISO-8859-1 (« Numéro en liste noire » or the annex's wording).
      expect(states[1].message).toMatch(/é|noire/);
      expect(first.progress).toEqual({ uidValidity: String(mailbox.uidValidity), lastUid: 3 });

      const source = await client.fetchOne('1', { source: true }, { uid: true });
      expect(source && source.source?.equals(firstAck)).toBe(true);

      await mailbox.deliver(ack('102'));
      const later: MailboxAnswer[] = [];
      const second = await scanMailboxFrom(client, first.progress, async (answer) => void later.push(answer));
      expect(later.map((answer) => answer.uid)).toEqual([4]);
      expect(second.progress.lastUid).toBe(4);
    } finally {
      await client.logout();
    }
  });

  it('IDLE: a client waiting in IDLE hears the new message (EXISTS); APPEND from a client works too', async () => {
    const { mailbox, settings } = await start();
    const client = await connected(settings);
    try {
      const lock = await client.getMailboxLock('INBOX');
      const heard = new Promise<number>((resolve) => client.on('exists', (event: { count: number }) => resolve(event.count)));
      const idling = client.idle();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await mailbox.deliver(ack('201'));
      expect(await heard).toBe(1);
      // Any command ends the IDLE (imapflow sends DONE first).
      const appended = await client.append('INBOX', unrelated);
      await idling;
      lock.release();
      expect(appended && appended.uid).toBe(2);
      expect(mailbox.count()).toBe(2);
    } finally {
      await client.logout();
    }
  });

  it('keeps its messages and UIDVALIDITY across a restart; a lost file gives a new UIDVALIDITY, so the app reads again from the start', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dropdesk-demo-mailbox-'));
    folders.push(folder);
    const statePath = join(folder, 'mailbox.json');
    const first = await start(statePath);
    const kept = notification('301');
    await first.mailbox.deliver(ack('301'));
    await first.mailbox.deliver(kept);
    await first.mailbox.stop();

    const again = await start(statePath);
    expect(again.mailbox.uidValidity).toBe(first.mailbox.uidValidity);
    const client = await connected(again.settings);
    try {
      const found: MailboxAnswer[] = [];
      await scanMailboxFrom(client, null, async (answer) => void found.push(answer));
      expect(found.map((answer) => answer.uid)).toEqual([1, 2]);
      expect((await client.fetchOne('2', { source: true }, { uid: true }) || undefined)?.source?.equals(kept)).toBe(true);
      await again.mailbox.deliver(ack('302'));
      expect((await client.search({ uid: '3:*' }, { uid: true })) || []).toEqual([3]);
    } finally {
      await client.logout();
    }
    await again.mailbox.stop();

    await rm(statePath);
    const fresh = await start(statePath);
    expect(fresh.mailbox.count()).toBe(0);
    expect(fresh.mailbox.uidValidity).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) - 60);
  });
});
