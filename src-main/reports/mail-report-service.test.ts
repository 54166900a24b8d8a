/**
 * An iSendPro job's notifications are its report in the same screens:
 * reports:list gives the campaign with its headline, reports:get the figures
 * (categories, codes in plain French, code 11 as blacklisted) the charts read.
 */
import { Readable } from 'node:stream';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/main';
import type { CliIo } from '../cli/cli-io';
import { createConnectionService } from '../connections/connection-service';
import { createJobStore } from '../queue/job-store';
import { createOptOutService } from '../opt-outs/opt-out-service';
import { createReportService } from './report-service';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-mail-report-'));
  process.env.DD_MAILREPORT_SECRET = 'secret';
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), stdin: Readable.from(['']) };
  return { code: await runCli(args, io), stdout, stderr };
}

describe('iSendPro notifications in reports:list / reports:get', () => {
  it('a job with notifications appears with the right figures', async () => {
    const added = await cli([
      'connection', 'add', '--name', 'iSendPro', '--provider', 'isendpro-mail',
      '--smtp-host', '127.0.0.1', '--smtp-port', '2525', '--smtp-user', 'shop@example.fr', '--smtp-password-env', 'DD_MAILREPORT_SECRET',
      '--imap-host', '127.0.0.1', '--imap-port', '1143', '--imap-user', 'answers@example.fr', '--imap-password-env', 'DD_MAILREPORT_SECRET',
      '--from', 'shop@example.fr', '--keyid-env', 'DD_MAILREPORT_SECRET', '--plain', '--data-dir', dataDir, '--json',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const listFile = join(dataDir, 'l.csv');
    const messageFile = join(dataDir, 'm.txt');
    await writeFile(listFile, 'Mobile\r\n0600000001\r\n0600000002\r\n0600000003\r\n0600000004\r\n');
    await writeFile(messageFile, 'Votre rendez-vous est confirmé.');
    const dropped = await cli(['drop', '--connection', 'iSendPro', '--list', listFile, '--name', 'Rappel RDV', '--message-file', messageFile, '--type', 'notification', '--data-dir', dataDir, '--json']);
    expect(dropped.code, dropped.stderr).toBe(0);
    const jobId: string = JSON.parse(dropped.stdout).job;

    // As the mailbox watcher leaves it: the batch acknowledged (code 0), then one notification.
    const jobs = createJobStore(dataDir);
    const record = (await jobs.read(jobId))!;
    const emailId = record.job.mail!.batches[0].emailId;
    const states = [
      { index: 1, code: 0, tel: '0600000001', message: 'Votre message a bien ete envoye' },
      { index: 2, code: 0, tel: '0600000002', message: 'Votre message a bien ete envoye' },
      { index: 3, code: 11, tel: '0600000003', message: 'Le numero de telephone est dans la liste noire' },
      { index: 4, code: 21, tel: '0600000004', message: "Le numero de telephone n'est pas attribue" },
    ];
    await jobs.write({
      ...record,
      job: {
        ...record.job,
        state: 'accepted',
        onServerAt: '2026-03-02T09:00:00.000Z',
        mail: { ...record.job.mail!, batches: record.job.mail!.batches.map((batch) => ({ ...batch, state: 'accepted', ack: { code: 0, message: 'Votre email a bien ete traite', at: '2026-03-02T09:00:05.000Z' } })), notifications: [{ emailId, at: '2026-03-02T09:01:00.000Z', states }] },
      },
    });

    const service = createReportService({ dataDir, connections: createConnectionService({ dataDir, env: process.env }), optOuts: createOptOutService({ dataDir, dialogs: { chooseOpenFile: async () => null, chooseSaveFile: async () => null } }) });
    try {
      const list = await service.list();
      const line = list.find((view) => view.jobId === jobId)!;
      expect(line).toMatchObject({ campaignName: 'Rappel RDV', providerId: 'isendpro-mail', availability: 'available', versions: 1, droppedRecipients: 4, headline: { recipients: 4, delivered: 0, stop: 0, clicks: 0 } });
      const detail = await service.get(jobId);
      const summary = detail.latest!.summary;
      expect(summary.recipients).toBe(4);
      expect(summary.byCode).toEqual({ '0': 2, '11': 1, '21': 1 });
      expect(summary.categories).toMatchObject({ sentUnconfirmed: 2, blacklisted: 1, delivered: 0 });
      expect(summary.categories.sentUnconfirmed + summary.categories.blacklisted + summary.categories.undelivered + summary.categories.notSent + summary.categories.other).toBe(4);
      expect(summary.codes.map((entry) => [entry.code, entry.count])).toEqual([['0', 2], ['11', 1], ['21', 1]]);
      expect(summary.codes.find((entry) => entry.code === '11')).toMatchObject({ category: 'blacklisted', known: true });
      expect(summary.codes.find((entry) => entry.code === '11')!.label).toMatch(/liste noire/);
      expect(detail.versions).toHaveLength(1);
      expect(detail.evolution).toHaveLength(1);
      expect(summary.timeline.points).toEqual([expect.objectContaining({ start: '2026-03-02T09:00:00.000Z', total: 4 })]);
      // "Actualiser" has nothing to download.
      expect((await service.refresh({ jobId })).jobs).toEqual([{ jobId, newVersions: 0, versions: 1, error: null }]);
      // The drill-down: one row per recipient with iSendPro's code, filtered like a MediasFlow report (category through the shared rule, code, text).
      const all = await service.rows({ jobId, offset: 0, limit: 10 });
      expect(all.columns).toEqual(['INT_MOBILE', 'STATUS_CODE', 'STATUS_TEXT', 'Mobile', 'Message']);
      expect(all.total).toBe(4);
      expect(all.countries).toEqual(['FR', 'FR', 'FR', 'FR']);
      expect(all.rows[0]).toEqual(['33600000001', '0', 'Votre message a bien ete envoye', '0600000001', 'Votre rendez-vous est confirmé.']);
      expect((await service.rows({ jobId, offset: 0, limit: 10, category: 'blacklisted' })).rows.map((row) => row[3])).toEqual(['0600000003']);
      expect((await service.rows({ jobId, offset: 0, limit: 10, category: 'sentUnconfirmed' })).total).toBe(2);
      expect((await service.rows({ jobId, offset: 0, limit: 10, code: '21' })).rows.map((row) => row[3])).toEqual(['0600000004']);
      expect((await service.rows({ jobId, offset: 0, limit: 10, search: '06 00 00 00 02' })).rows.map((row) => row[3])).toEqual(['0600000002']);
      expect((await service.rows({ jobId, offset: 2, limit: 1 })).rows.map((row) => row[3])).toEqual(['0600000003']);
      // The CSV export and the list actions are not offered yet for iSendPro: they say so plainly.
      await expect(service.lines({ jobId, filter: {} })).rejects.toMatchObject({ code: 'report-mail-rows-unavailable' });
      // The overview counts it like any campaign with a report.
      const overview = await service.overview({});
      expect(overview).toMatchObject({ campaigns: 1, recipients: 4 });
    } finally {
      await service.close();
    }
  });
});
