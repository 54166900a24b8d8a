/**
 * The iSendPro connector against real servers on 127.0.0.1: the local
 * iSendPro box (smtp-server) checks every mail against the spec and answers
 * into Debian's Dovecot, which Dropdesk reads over IMAP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { planIsendproBatches } from '@shared/providers/isendpro/isendpro-batches';
import { collectOutcomes, summarizeOutcomes } from '@shared/providers/isendpro/isendpro-report';
import { verifySmtp } from '../../../src-main/isendpro-mail/smtp-send';
import { verifyImap } from '../../../src-main/isendpro-mail/mailbox-scan';
import { createConnectionService } from '../../../src-main/connections/connection-service';
import { createJobStore } from '../../../src-main/queue/job-store';
import { dovecotUnavailableReason } from '../servers/dovecot-test-server';
import { enqueueCampaign, frenchTable, mailQueue, startIsendproWorld, type IsendproWorld } from './isendpro-world';

const unavailable = dovecotUnavailableReason();
const OPEN_HOURS = new Date('2026-12-01T10:00:00Z'); // Tuesday 11:00 Paris

let world: IsendproWorld | null = null;
afterEach(async () => {
  await world?.stop();
  world = null;
});

describe.skipIf(unavailable !== null)('iSendPro mail-to-SMS against Dovecot and the local iSendPro box', () => {
  it('a 1,200-recipient personalised campaign goes out as 3 mails, the answers come back, every number once', async () => {
    world = await startIsendproWorld();
    const w = world;
    const store = createJobStore(w.dataDir);
    const optOuts: string[] = [];
    // The mailbox is read in the pass after the sends, and by a second pass: hold the answers until then.
    let imapPort = 1;
    const queue = mailQueue(w, { now: () => OPEN_HOURS, mail: { onOptOuts: async (entries) => void optOuts.push(...entries.map((e) => e.number)) }, settings: () => ({ ...w.settings, imap: { ...w.settings.imap, port: imapPort } }) });
    w.box['options'].codeFor = (number) => (number === '0600000007' ? 11 : 0);
    const plan = planIsendproBatches(frenchTable(1200, 3), { template: 'Bonjour ${PRENOM}\nà bientôt & merci', sender: 'Boutique', nostop: false });
    const job = await enqueueCampaign(queue, plan, { campaignName: 'Soldes hiver', sendType: 'marketing', sender: 'Boutique', now: OPEN_HOURS });
    const batches = job.mail!.batches;
    expect(batches.map((batch) => batch.recipients.length)).toEqual([500, 500, 200]);
    expect(job.mail!.leftOutForeign).toBe(3);
    expect(new Set(batches.map((batch) => batch.emailId)).size).toBe(3);

    await queue.runOnce();
    await w.box.idle();
    expect(w.box.mails.map((mail) => [mail.accepted, mail.problems])).toEqual([[true, []], [true, []], [true, []]]);
    // Byte for byte the saved mails, in the job's folder of the queue.
    for (const [index, batch] of batches.entries()) {
      expect(w.box.mails[index].bytes.equals(await store.readFile(job.id, { name: batch.mailFile, bytes: 0, sha256: batch.sha256, recipients: 0 }))).toBe(true);
    }
    expect(w.box.messages.get('0600000001')).toBe('Bonjour Client1\nà bientôt & merci');

    // An unrelated mail in the same mailbox, left alone.
    await w.append('From: ami@example.fr\r\nTo: answers@dropdesk.test\r\nSubject: Déjeuner\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nOn déjeune demain ?\r\n');
    imapPort = w.settings.imap.port;
    const lines: string[] = [];
    await mailQueue(w, { now: () => OPEN_HOURS, mail: { onOptOuts: async (entries) => void optOuts.push(...entries.map((e) => e.number)) }, progress: (line) => lines.push(line) }).runOnce({ pollAllAcks: true });
    expect(lines.join('\n')).toContain("6 réponses d'iSendPro lues");
    const after = (await queue.get(job.id));
    expect(after.state).toBe('accepted');
    expect(after.mail!.batches.every((batch) => batch.ack?.code === 0 && batch.notified === 1)).toBe(true);
    const flags = await w.flags();
    expect([...flags.values()].every((list) => !list.includes('\\Seen'))).toBe(true);

    const summary = summarizeOutcomes(collectOutcomes(after.mail!.notifications).values(), after.mail!.recipients);
    expect(summary).toMatchObject({ recipients: 1200, answered: 1200, byCode: { '0': 1199, '11': 1 } });
    expect(optOuts).toEqual(['33600000007']);
    for (let i = 0; i < 1200; i++) expect(w.box.countFor(`0${String(6_0000_0000 + i)}`)).toBe(i === 7 ? 0 : 1);

    // A second read finds nothing new (nothing awaits an answer any more, so nothing is due either).
    const again = await queue.runOnce({ pollAllAcks: true });
    expect(again.worked).toEqual([]);
    expect((await queue.get(job.id)).mail!.notifications).toHaveLength(3);
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
    const service = createConnectionService({ dataDir: world.dataDir, env: { SP: s.smtp.password, IP: s.imap.password, KID: s.keyid } });
    const { connection } = await service.save({
      name: 'Test',
      provider: 'isendpro-mail',
      mail: {
        smtp: { host: '127.0.0.1', port: s.smtp.port, security: 'plain', user: s.smtp.user, passwordEnv: 'SP' },
        imap: { host: '127.0.0.1', port: s.imap.port, security: 'plain', user: s.imap.user, passwordEnv: 'IP' },
        from: s.from,
        keyidEnv: 'KID',
      },
    });
    expect(await service.test(connection.id)).toMatchObject({ connected: true, protocol: 'smtp+imap', mail: { smtp: { ok: true }, imap: { ok: true } } });
    const wrong = createConnectionService({ dataDir: world.dataDir, env: { SP: 'wrong', IP: s.imap.password, KID: s.keyid } });
    expect(await wrong.test(connection.id)).toMatchObject({ connected: false, mail: { smtp: { ok: false }, imap: { ok: true } } });
    expect(world.box.mails).toEqual([]);
  });
});
