/**
 * Mode démo's iSendPro box as the app uses it: the demo connection
 * « Démo iSendPro » created at first start, its box (in-process SMTP server
 * + in-process IMAP mailbox, no Dovecot) started only when that connection is
 * used, a personalised campaign sent from drops:prepare/submit, the
 * ISO-8859-1 answers read back over IMAP, the job accepted, its report in
 * reports:get, and everything stopped with the app.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DropRequestInput } from '@shared/ipc/channels/queue';
import { createConnectionService } from '../../../src-main/connections/connection-service';
import { createDemoRuntime, ensureDemoConnections } from '../../../src-main/demo-setup';
import { demoIsendproCode } from '../../../src-main/demo/isendpro-demo-codes';
import { loadList } from '../../../src-main/drops/prepare-drop';
import type { MainDeps } from '../../../src-main/main-deps';
import { createOptOutService } from '../../../src-main/opt-outs/opt-out-service';
import { createQueue } from '../../../src-main/queue/queue-runtime';
import { createQueueHandlers } from '../../../src-main/queue/queue-handlers';
import { createReportService } from '../../../src-main/reports/report-service';
import { createMemorySettingsStore } from '../../../src-main/settings/memory-settings-store';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-isendpro-demo-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('Mode démo: the local iSendPro box', () => {
  it('« Démo iSendPro » sends a personalised campaign to the local box, reads the answers, ends accepted with its report; the box starts on first use and stops with the app', async () => {
    const demo = createDemoRuntime({ dataDir, log: () => undefined, timings: { pollIntervalMs: 200, answerDelayMs: 100 } });
    const connections = createConnectionService({ dataDir, demo: demo.endpoints });
    const dialogs = { chooseOpenFile: async () => null, chooseSaveFile: async () => null };
    const optOuts = createOptOutService({ dataDir, dialogs });
    const queue = createQueue({ dataDir, connections, log: () => undefined });
    const reports = createReportService({ dataDir, connections, optOuts });
    try {
      const { created } = await ensureDemoConnections(connections, dataDir);
      const connection = created.find((view) => view.provider === 'demo-isendpro-mail')!;
      expect(connection).toMatchObject({ name: 'Démo iSendPro', demo: true, profile: 'isendpro-mail', passwordSource: 'demo' });
      // Created, not started: nothing listens until the connection is used.
      expect(demo.current()).toBeNull();

      const tested = await connections.test(connection.id);
      expect(tested).toMatchObject({ connected: true, protocol: 'smtp+imap', mail: { smtp: { ok: true }, imap: { ok: true } } });
      const box = await demo.current()!.isendpro();
      expect(box.box.mails).toHaveLength(0);

      const lines = ['Prénom;Mobile'];
      for (let i = 0; i < 30; i++) lines.push(`Client${i};06${String(10_000 + i).padStart(8, '0')}`);
      const listFile = join(dataDir, 'liste.csv');
      await writeFile(listFile, `${lines.join('\r\n')}\r\n`);
      const deps: MainDeps = { dataDir, appVersion: 'test', settings: createMemorySettingsStore(), log: () => undefined, emit: () => undefined, dialogs };
      const handlers = createQueueHandlers(deps, { queue, connections, lists: { load: async () => loadList({ file: listFile }, { dataDir }) } });
      const input: DropRequestInput = { listId: 'liste', connectionId: connection.id, campaignName: 'Rappel démo', message: { text: 'Bonjour ${Prénom}, votre rendez-vous est confirmé.' }, type: 'notification', channel: 'sms' };
      const summary = await handlers['drops:prepare']!(input);
      expect(summary.blocking).toEqual([]);
      expect(summary.mail).toMatchObject({ mails: 1, perMail: 500, leftOutForeign: 0 });
      const { jobs } = await handlers['drops:submit']!(input);
      const jobId = jobs[0].id;

      await expect
        .poll(async () => {
          await queue.runOnce({ pollAllAcks: true });
          return (await queue.get(jobId)).state;
        })
        .toBe('accepted');
      expect(box.box.mails.map((mail) => [mail.accepted, mail.duplicate, mail.problems, mail.recipients])).toEqual([[true, false, [], 30]]);
      expect(box.box.messages.get('0600010007')).toBe('Bonjour Client7, votre rendez-vous est confirmé.');

      // The notification (ISO-8859-1, like iSendPro's) becomes the report, with the demo mix of codes.
      const expected = new Map<string, number>();
      for (let i = 0; i < 30; i++) {
        const code = String(demoIsendproCode(`06${String(10_000 + i).padStart(8, '0')}`));
        expected.set(code, (expected.get(code) ?? 0) + 1);
      }
      await expect
        .poll(async () => {
          await queue.runOnce({ pollAllAcks: true });
          return (await queue.get(jobId)).mail?.notifications?.length ?? 0;
        })
        .toBe(1);
      const detail = await reports.get(jobId);
      expect(detail.latest!.summary.recipients).toBe(30);
      expect(detail.latest!.summary.byCode).toEqual(Object.fromEntries(expected));
      expect(box.mailbox.count()).toBe(2);
    } finally {
      await reports.close();
      await queue.stop();
      await demo.stop();
    }
    // Stopped with the app: the next use is refused.
    await expect(demo.endpoints.resolveMail!()).rejects.toThrow(/arrêtés/);
  });
});
