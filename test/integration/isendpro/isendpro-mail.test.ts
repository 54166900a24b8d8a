/**
 * The iSendPro connector against real servers on 127.0.0.1: the local
 * iSendPro box (smtp-server) checks every mail against the spec and answers
 * into Debian's Dovecot, which Dropdesk reads over IMAP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { planIsendproBatches } from '@shared/providers/isendpro/isendpro-batches';
import { collectOutcomes, summarizeOutcomes } from '@shared/providers/isendpro/isendpro-report';
import { createImapClient, scanMailbox } from '../../../src-main/isendpro-mail/mailbox-scan';
import { createIsendproJobStore } from '../../../src-main/isendpro-mail/isendpro-job-store';
import { createIsendproQueue, identityOf } from '../../../src-main/isendpro-mail/isendpro-mail-queue';
import { verifySmtp } from '../../../src-main/isendpro-mail/smtp-send';
import { verifyImap } from '../../../src-main/isendpro-mail/mailbox-scan';
import { createIsendproConnectionService } from '../../../src-main/isendpro-mail/isendpro-connection-service';
import { dovecotUnavailableReason } from '../servers/dovecot-test-server';
import { frenchTable, startIsendproWorld, type IsendproWorld } from './isendpro-world';

const unavailable = dovecotUnavailableReason();
const OPEN_HOURS = new Date('2026-12-01T10:00:00Z'); // Tuesday 11:00 Paris

let world: IsendproWorld | null = null;
afterEach(async () => {
  await world?.stop();
  world = null;
});

async function readAnswers(w: IsendproWorld, queue: ReturnType<typeof createIsendproQueue>) {
  const client = createImapClient(w.settings);
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await scanMailbox(client, w.dataDir, 'cn1', async (found) => {
      await queue.applyAnswer(found);
    });
  } finally {
    await client.logout();
  }
}

describe.skipIf(unavailable !== null)('iSendPro mail-to-SMS against Dovecot and the local iSendPro box', () => {
  it('a 1,200-recipient personalised campaign goes out as 3 mails, the answers come back, every number once', async () => {
    world = await startIsendproWorld();
    const w = world;
    const store = createIsendproJobStore(w.dataDir);
    const optOuts: string[] = [];
    const queue = createIsendproQueue({ dataDir: w.dataDir, store, resolveSettings: async () => w.settings, now: () => OPEN_HOURS, onOptOuts: async (entries) => void optOuts.push(...entries.map((e) => e.number)) });
    w.box['options'].codeFor = (number) => (number === '0600000007' ? 11 : 0);
    const plan = planIsendproBatches(frenchTable(1200, 3), { template: 'Bonjour ${PRENOM}\nà bientôt & merci', sender: 'Boutique', nostop: false });
    const job = await queue.createJob({ connectionId: 'cn1', campaignName: 'Soldes hiver', sendType: 'marketing', sender: 'Boutique', plan, identity: identityOf(w.settings), programmedAt: null });
    expect(job.batches.map((batch) => batch.recipients.length)).toEqual([500, 500, 200]);
    expect(job.leftOutForeign).toBe(3);
    expect(new Set(job.batches.map((batch) => batch.emailId)).size).toBe(3);

    const { sent } = await queue.sendDue();
    expect(sent).toBe(3);
    await w.box.idle();
    expect(w.box.mails.map((mail) => [mail.accepted, mail.problems])).toEqual([[true, []], [true, []], [true, []]]);
    // Byte for byte the saved mails.
    for (const [index, batch] of job.batches.entries()) {
      expect(w.box.mails[index].bytes.equals(await store.readMail(job.id, batch.mailFile, batch.sha256))).toBe(true);
    }
    expect(w.box.messages.get('0600000001')).toBe('Bonjour Client1\nà bientôt & merci');

    // An unrelated mail in the same mailbox, left alone.
    await w.append('From: ami@example.fr\r\nTo: answers@dropdesk.test\r\nSubject: Déjeuner\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nOn déjeune demain ?\r\n');
    const scan = await readAnswers(w, queue);
    expect(scan.answers).toBe(6);
    const after = (await store.load(job.id))!;
    expect(after.state).toBe('accepted');
    expect(after.batches.every((batch) => batch.ack?.code === 0 && batch.notified === 1)).toBe(true);
    const flags = await w.flags();
    expect([...flags.values()].every((list) => !list.includes('\\Seen'))).toBe(true);

    const summary = summarizeOutcomes(collectOutcomes(after.notifications).values(), after.recipients);
    expect(summary).toMatchObject({ recipients: 1200, answered: 1200, byCode: { '0': 1199, '11': 1 } });
    expect(optOuts).toEqual(['33600000007']);
    for (let i = 0; i < 1200; i++) expect(w.box.countFor(`0${String(6_0000_0000 + i)}`)).toBe(i === 7 ? 0 : 1);

    // A second scan reads nothing new.
    expect((await readAnswers(w, queue)).answers).toBe(0);
  });

  it('"Tester la connexion" logs in to both servers and sends nothing', async () => {
    world = await startIsendproWorld();
    await verifySmtp(world.settings);
    await expect(verifyImap(world.settings)).resolves.toEqual({ messages: 0 });
    expect(world.box.mails).toEqual([]);
    await expect(verifySmtp({ ...world.settings, smtp: { ...world.settings.smtp, password: 'wrong' } })).rejects.toMatchObject({ kind: 'auth' });
    await expect(verifyImap({ ...world.settings, imap: { ...world.settings.imap, password: 'wrong' } })).rejects.toBeTruthy();
    await expect(verifySmtp({ ...world.settings, smtp: { ...world.settings.smtp, host: 'smtp.example.fr' } })).rejects.toThrow(/127\.0\.0\.1/);
    // Through the saved connection, as "Tester la connexion" does.
    const s = world.settings;
    const service = createIsendproConnectionService({ dataDir: world.dataDir, env: { SP: s.smtp.password, IP: s.imap.password, KID: s.keyid } });
    await service.save({
      name: 'Test',
      smtp: { host: '127.0.0.1', port: s.smtp.port, security: 'plain', user: s.smtp.user, passwordEnv: 'SP' },
      imap: { host: '127.0.0.1', port: s.imap.port, security: 'plain', user: s.imap.user, passwordEnv: 'IP' },
      from: s.from,
      keyidEnv: 'KID',
    });
    expect(await service.test('Test')).toMatchObject({ smtp: { ok: true }, imap: { ok: true } });
    expect(world.box.mails).toEqual([]);
  });
});
