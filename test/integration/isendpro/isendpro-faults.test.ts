/**
 * Exactly once under faults, against the local iSendPro box and Dovecot:
 * kill -9 between every two saved steps then a restart, a cut SMTP
 * connection after DATA, errors 24/29/999 and account errors. Each scenario
 * checks what the box would have sent to every number and the job's final state.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { planIsendproBatches } from '@shared/providers/isendpro/isendpro-batches';
import { createJobStore } from '../../../src-main/queue/job-store';
import { childScriptArgs } from '../bundled-child';
import { dovecotUnavailableReason } from '../servers/dovecot-test-server';
import type { IsendproChildArguments } from './isendpro-child';
import { enqueueCampaign, frenchTable, mailQueue, onlyJob, startIsendproWorld, type IsendproWorld } from './isendpro-world';

const unavailable = dovecotUnavailableReason();
const childScript = fileURLToPath(new URL('./isendpro-child.ts', import.meta.url));
const RECIPIENTS = 30;
const BATCH = 10;
const numbers = Array.from({ length: RECIPIENTS }, (_, i) => `0${String(6_0000_0000 + i)}`);

let world: IsendproWorld | null = null;
afterEach(async () => {
  await world?.stop();
  world = null;
});

async function runChild(args: IsendproChildArguments): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const script = await childScriptArgs(childScript);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...script, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

const crashPoints: IsendproChildArguments['crashAt'][] = [
  { step: 'job-saved', nth: 1 },
  { step: 'sending-saved', nth: 1 },
  { step: 'smtp-accepted', nth: 1 },
  { step: 'sent-saved', nth: 1 },
  { step: 'sending-saved', nth: 2 },
  { step: 'smtp-accepted', nth: 3 },
  { step: 'answer-applied', nth: 1 },
  { step: 'answer-applied', nth: 4 },
  { step: 'progress-saved', nth: 1 },
];

describe.skipIf(unavailable !== null)('iSendPro faults', () => {
  for (const crashAt of crashPoints) {
    it(`kill -9 at ${crashAt!.step} #${crashAt!.nth}, then restart: every recipient at most once, no batch lost`, async () => {
      world = await startIsendproWorld();
      const w = world;
      const base: IsendproChildArguments = { dataDir: w.dataDir, settings: w.settings, recipients: RECIPIENTS, batchSize: BATCH, crashAt, now: '2026-12-01T10:00:00Z' };
      const crashed = await runChild(base);
      expect(crashed.signal, crashed.output).toBe('SIGKILL');
      await w.box.idle();
      let last = '';
      for (let run = 0; run < 3 && !last.includes('state accepted'); run++) {
        const restarted = await runChild({ ...base, crashAt: null });
        expect(restarted.code, restarted.output).toBe(0);
        await w.box.idle();
        last = restarted.output;
      }
      expect(last).toContain('state accepted');
      const job = (await onlyJob(w.dataDir))!;
      expect(job.mail!.batches).toHaveLength(3);
      expect(job.mail!.batches.every((batch) => batch.state === 'accepted' && batch.notified >= 1)).toBe(true);
      for (const number of numbers) expect(w.box.countFor(number), number).toBe(1);
      // What the box saw: 3 distinct emailIds; any copy was refused as a duplicate (code 1).
      expect(new Set(w.box.mails.map((mail) => mail.emailId)).size).toBe(3);
      expect(w.box.mails.filter((mail) => !mail.duplicate)).toHaveLength(3);
      const counts = new Set(numbers.map((number) => w.box.countFor(number)));
      console.info(`fault matrix | kill -9 at ${crashAt!.step} #${crashAt!.nth} | SMS per recipient ${[...counts].join('/')} | mails ${w.box.mails.length} (${w.box.mails.filter((m) => m.duplicate).length} refused as duplicate emailId) | ${job.state}`);
    });
  }

  it('a cut SMTP connection after DATA: the same bytes go again, iSendPro answers 1, accepted, once', async () => {
    world = await startIsendproWorld();
    const w = world;
    let clock = new Date('2026-12-01T10:00:00Z');
    // The mailbox is out of reach during the first pass: the answer to the cut mail is read only after the resend.
    let imapPort = 1;
    const queue = mailQueue(w, { now: () => clock, settings: () => ({ ...w.settings, imap: { ...w.settings.imap, port: imapPort } }) });
    const plan = planIsendproBatches(frenchTable(RECIPIENTS), { template: 'Bonjour ${PRENOM}', sender: '', nostop: false, batchSize: BATCH });
    const job = await enqueueCampaign(queue, plan, { campaignName: 'Coupure', sendType: 'notification', sender: '', now: clock });
    w.box.cutAfterDataCount = 1;
    await queue.runOnce();
    const saved = (await queue.get(job.id)).mail!;
    expect(saved.batches[0]).toMatchObject({ state: 'sending', sendAttempts: 1, smtpAccepted: false, failures: 1 });
    expect(saved.batches.slice(1).map((batch) => batch.state)).toEqual(['sent', 'sent']);
    imapPort = w.settings.imap.port;
    clock = new Date(clock.getTime() + 60_000);
    await queue.runOnce();
    await w.box.idle();
    expect(w.box.mails[0].bytes.equals(w.box.mails[3].bytes)).toBe(true);
    expect(w.box.mails[3].duplicate).toBe(true);
    await queue.runOnce({ pollAllAcks: true });
    const after = await queue.get(job.id);
    expect(after.state).toBe('accepted');
    expect(after.mail!.batches[0]).toMatchObject({ state: 'accepted', sendAttempts: 2 });
    for (const number of numbers) expect(w.box.countFor(number)).toBe(1);
  });

  it('code 24 holds the refused recipients until the next slot, 29/999 retry later, each number sent once', async () => {
    const refusals = new Map<string, number>([
      ['0600000001', 24],
      ['0600000002', 29],
      ['0600000003', 999],
    ]);
    world = await startIsendproWorld({
      codeFor: (number) => {
        const code = refusals.get(number) ?? 0;
        refusals.delete(number);
        return code;
      },
    });
    const w = world;
    let clock = new Date('2026-12-01T10:00:00Z');
    const queue = mailQueue(w, { now: () => clock });
    const plan = planIsendproBatches(frenchTable(RECIPIENTS), { template: 'Bonjour ${PRENOM}', sender: '', nostop: false, batchSize: BATCH });
    const job = await enqueueCampaign(queue, plan, { campaignName: 'Refus', sendType: 'marketing', sender: '', now: clock });
    await queue.runOnce();
    await w.box.idle();
    await queue.runOnce({ pollAllAcks: true });
    let saved = await queue.get(job.id);
    const followUps = saved.mail!.batches.filter((batch) => batch.followUpOf !== null);
    expect(followUps.map((batch) => batch.recipients.map((r) => r.number))).toEqual([['0600000001'], ['0600000002', '0600000003']]);
    expect(saved.state).toBe('waiting');
    // 24 waits for the next slot (Wednesday 08:00 Paris is not before "now + 1 min" here: same day, so 10:01 UTC).
    expect(Date.parse(followUps[0].notBefore)).toBeGreaterThan(clock.getTime());
    clock = new Date(clock.getTime() + 2 * 60 * 60_000);
    await queue.runOnce();
    await w.box.idle();
    await queue.runOnce({ pollAllAcks: true });
    saved = await queue.get(job.id);
    expect(saved.state).toBe('accepted');
    for (const number of numbers) expect(w.box.countFor(number), number).toBe(1);
  });

  for (const code of [3, 12, 14, 16, 30, 33]) {
    it(`account error ${code} fails the campaign with what to do, nothing else is sent`, async () => {
      world = await startIsendproWorld({ codeFor: () => code });
      const w = world;
      let clock = new Date('2026-12-01T10:00:00Z');
      const queue = mailQueue(w, { now: () => clock });
      const plan = planIsendproBatches(frenchTable(RECIPIENTS), { template: 'Bonjour', sender: '', nostop: false, batchSize: BATCH });
      const job = await enqueueCampaign(queue, plan, { campaignName: 'Compte', sendType: 'notification', sender: '', now: clock });
      // Only the first batch is due now, so its answers are read before the others go.
      const store = createJobStore(w.dataDir);
      const record = (await store.read(job.id))!;
      const later = new Date(clock.getTime() + 60 * 60_000).toISOString();
      record.job.mail!.batches = record.job.mail!.batches.map((batch, index) => (index === 0 ? batch : { ...batch, notBefore: later }));
      await store.write(record);
      await queue.runOnce();
      await w.box.idle();
      await queue.runOnce({ pollAllAcks: true });
      const saved = await queue.get(job.id);
      expect(saved.state).toBe('failed');
      expect(saved.reason).toMatchObject({ code: `isendpro-${code}` });
      expect(saved.reason!.action).toMatch(/\w/);
      expect(saved.mail!.batches.slice(1).map((batch) => batch.state)).toEqual(['cancelled', 'cancelled']);
      clock = new Date(clock.getTime() + 2 * 60 * 60_000);
      await queue.runOnce({ pollAllAcks: true });
      expect(w.box.mails).toHaveLength(1);
    });
  }
});
