/**
 * Opt-outs and the mail driver, against the local iSendPro box and Dovecot:
 * a number that opted out after the drop is left out of its batch's mail
 * before the first send (the mail rebuilt, same emailId), an unreadable
 * opt-out list sends nothing (fail closed), and code 11 (liste noire) in a
 * notification feeds the local opt-out list — through the queue's default
 * mail driver settings, as the app and the CLI run it.
 */
import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { planIsendproBatches } from '@shared/providers/isendpro/isendpro-batches';
import { createOptOutService, optOutsFilePath } from '../../../src-main/opt-outs/opt-out-service';
import { dovecotUnavailableReason } from '../servers/dovecot-test-server';
import { enqueueCampaign, frenchTable, mailQueue, startIsendproWorld, type IsendproWorld } from './isendpro-world';

const unavailable = dovecotUnavailableReason();
const OPEN_HOURS = new Date('2026-12-01T10:00:00Z');
const stop = (number: string) => ({ number, reason: 'stop' as const, code: 17, date: '2026-11-26T10:00:00.000Z', sourceCampaign: '636956' });

let world: IsendproWorld | null = null;
afterEach(async () => {
  await world?.stop();
  world = null;
});

describe.skipIf(unavailable !== null)('iSendPro mail driver and the opt-out list', () => {
  it('leaves out a number that opted out after the drop (same emailId, new bytes), and code 11 feeds the opt-out list', async () => {
    world = await startIsendproWorld({ codeFor: (number) => (number === '0600000003' ? 11 : 0) });
    const w = world;
    const lines: string[] = [];
    const queue = mailQueue(w, { now: () => OPEN_HOURS, progress: (line) => lines.push(line) });
    const plan = planIsendproBatches(frenchTable(20), { template: 'Bonjour ${PRENOM}', sender: '', nostop: false, batchSize: 10 });
    const job = await enqueueCampaign(queue, plan, { campaignName: 'Opposition', sendType: 'notification', sender: '', now: OPEN_HOURS });
    const before = job.mail!.batches.map((batch) => ({ emailId: batch.emailId, sha256: batch.sha256 }));
    await createOptOutService({ dataDir: w.dataDir }).mergeFromReport([stop('33600000001')]);
    await queue.runOnce();
    await w.box.idle();
    await queue.runOnce({ pollAllAcks: true });
    const after = await queue.get(job.id);
    expect(after.mail!.batches.map((batch) => batch.emailId)).toEqual(before.map((batch) => batch.emailId));
    expect(after.mail!.batches[0].sha256).not.toBe(before[0].sha256);
    expect(after.mail!.batches[1].sha256).toBe(before[1].sha256);
    expect(after.mail!.batches[0].recipients).toHaveLength(9);
    expect(w.box.countFor('0600000001')).toBe(0);
    expect(w.box.countFor('0600000002')).toBe(1);
    expect(lines.join('\n')).toMatch(/retirés de l'e-mail \S+ avant l'envoi car opposés depuis la programmation : 1 destinataire/);
    expect(after.state).toBe('accepted');
    const numbers = [...(await createOptOutService({ dataDir: w.dataDir }).numberSet())];
    expect(numbers).toEqual(expect.arrayContaining(['33600000001', '33600000003']));
  });

  it('sends nothing while the opt-out list is unreadable and leaves the job as it is', async () => {
    world = await startIsendproWorld();
    const w = world;
    const lines: string[] = [];
    const queue = mailQueue(w, { now: () => OPEN_HOURS, progress: (line) => lines.push(line) });
    const plan = planIsendproBatches(frenchTable(5), { template: 'Bonjour', sender: '', nostop: false });
    const job = await enqueueCampaign(queue, plan, { campaignName: 'Illisible', sendType: 'notification', sender: '', now: OPEN_HOURS });
    await writeFile(optOutsFilePath(w.dataDir), '{ pas du json');
    await queue.runOnce({ pollAllAcks: true });
    expect(w.box.mails).toHaveLength(0);
    expect(await queue.get(job.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(lines.join('\n')).toMatch(/illisible/);
  });
});
