/**
 * Test world for the iSendPro connector: Debian's Dovecot holding the answer
 * mailbox, the local iSendPro box (in-process smtp-server) appending its
 * answers there over IMAP, a temporary data folder, and the settings the
 * connector uses to reach both. Everything on 127.0.0.1, stopped by `stop`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { IsendproBox, type IsendproBoxOptions } from '../../../src-main/demo/isendpro-box';
import type { IsendproMailSettings } from '../../../src-main/isendpro-mail/isendpro-mail-settings';
import { DovecotTestServer } from '../servers/dovecot-test-server';
import { generateDeliveryId } from '@shared/providers/delivery-id';
import type { IsendproCampaignPlan } from '@shared/providers/isendpro/isendpro-batches';
import type { SendType } from '@shared/scheduling/send-window';
import type { StoredConnection } from '../../../src-main/connections/connection-types';
import { createJobStore } from '../../../src-main/queue/job-store';
import { createQueue, type Queue, type QueueOptions } from '../../../src-main/queue/queue-runtime';

export const KEYID = 'a296464ce012b8ab710a';

export interface IsendproWorld {
  dataDir: string;
  dovecot: DovecotTestServer;
  box: IsendproBox;
  settings: IsendproMailSettings;
  /** APPENDs a mail to the answer mailbox (as another sender would); `flags` e.g. ['\\Seen'] for a mail the user's own client read. */
  append(mail: Buffer | string, flags?: string[]): Promise<void>;
  /** Flags of every message in INBOX, by UID. */
  flags(): Promise<Map<number, string[]>>;
  stop(): Promise<void>;
}

export async function startIsendproWorld(boxOptions: Partial<IsendproBoxOptions> = {}): Promise<IsendproWorld> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-isendpro-'));
  const dovecot = await DovecotTestServer.start();
  const imap = () =>
    new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
  const append = async (mail: Buffer | string, flags?: string[]) => {
    const client = imap();
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.append('INBOX', mail, flags);
    } finally {
      await client.logout();
    }
  };
  const box = new IsendproBox({ user: 'shop@example.fr', password: 'smtp-secret', keyid: KEYID, allowedFrom: ['shop@example.fr'], deliver: append, ...boxOptions });
  await box.start();
  const settings: IsendproMailSettings = {
    smtp: { host: '127.0.0.1', port: box.port, security: 'plain', user: 'shop@example.fr', password: 'smtp-secret' },
    imap: { host: '127.0.0.1', port: dovecot.port, security: 'plain', user: dovecot.user, password: dovecot.password },
    from: 'Boutique <shop@example.fr>',
    to: 'sendsms@isendpro-api.com',
    keyid: KEYID,
    emailAck: dovecot.user,
    emailNot: dovecot.user,
    nostop: false,
    timeoutMs: 10_000,
  };
  return {
    dataDir,
    dovecot,
    box,
    settings,
    append,
    async flags() {
      const client = imap();
      client.on('error', () => undefined);
      await client.connect();
      const lock = await client.getMailboxLock('INBOX', { readOnly: true });
      const result = new Map<number, string[]>();
      try {
        for await (const message of client.fetch('1:*', { uid: true, flags: true }, { uid: true })) result.set(message.uid, [...(message.flags ?? [])]);
      } finally {
        lock.release();
        await client.logout();
      }
      return result;
    },
    async stop() {
      await box.stop().catch(() => undefined);
      await dovecot.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A list of `count` French mobiles (0600000000…) with a first-name column. */
export function frenchTable(count: number, extraForeign = 0) {
  const rows: string[][] = [];
  const checks: { status: 'valid'; normalized: string }[] = [];
  for (let i = 0; i < count; i++) {
    const normalized = `336${String(i).padStart(8, '0')}`;
    rows.push([`0${normalized.slice(2)}`, `Client${i}`]);
    checks.push({ status: 'valid', normalized });
  }
  for (let i = 0; i < extraForeign; i++) {
    const normalized = `3247${String(i).padStart(7, '0')}`;
    rows.push([`+${normalized}`, `Belge${i}`]);
    checks.push({ status: 'valid', normalized });
  }
  return { columns: ['MOBILE', 'PRENOM'], rows, mobileColumn: 0, checks };
}

/** The common queue with only the mail driver's connection: its settings are the world's (no connection file needed). */
export function mailQueue(w: Pick<IsendproWorld, 'dataDir' | 'settings'>, options: { now: () => Date; mail?: QueueOptions['mail']; progress?: (line: string) => void; settings?: () => IsendproMailSettings }) {
  const stored = { id: 'cn1', name: 'iSendPro', provider: 'isendpro-mail' } as StoredConnection;
  return createQueue({
    dataDir: w.dataDir,
    connections: {
      getStored: async () => stored,
      resolveConfig: async () => {
        throw new Error('not a file-drop connection');
      },
      resolveMailSettings: async () => options.settings?.() ?? w.settings,
    },
    clock: { now: options.now },
    mail: options.mail,
    progress: options.progress,
  });
}

/** Queues a campaign as `drop` does: one job, its batches inside. */
export async function enqueueCampaign(queue: Queue, plan: IsendproCampaignPlan, options: { campaignName: string; sendType: SendType; sender: string; now: Date; connection?: { id: string; name: string } }) {
  const idDelivery = generateDeliveryId(options.now);
  return queue.enqueue({
    connection: options.connection ?? { id: 'cn1', name: 'iSendPro' },
    job: { providerId: 'isendpro-mail', channel: 'sms', sendType: options.sendType, campaignName: options.campaignName, templateId: null, idDelivery, programmedAt: null },
    remoteFolder: 'sendsms@isendpro-api.com',
    file: { name: 'campaign.json', data: Buffer.from(JSON.stringify({ idDelivery })), recipients: plan.recipients },
    mail: { sender: options.sender, drafts: plan.batches.map((batch) => ({ recipients: batch.recipients, sharedMessage: batch.sharedMessage, smslong: batch.smslong })), leftOutForeign: plan.leftOutForeign.count, recipients: plan.recipients },
  });
}

/** The only job of the world's queue, as on disk. */
export async function onlyJob(dataDir: string) {
  const [record] = await createJobStore(dataDir).readAll();
  return record?.job;
}
