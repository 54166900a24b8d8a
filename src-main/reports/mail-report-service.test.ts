/**
 * An iSendPro job's notifications are its report in the same screens:
 * reports:list gives the campaign with its headline, reports:get the figures
 * (categories, codes in plain French, code 11 as blacklisted) the charts read,
 * and the drill-down's rows feed the CSV export and the two list actions
 * (« Retirer ces numéros de la liste », « Relancer les non-délivrés ») through
 * the same code as MediasFlow's report files (report-row-source.ts).
 */
import { Readable } from 'node:stream';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/main';
import type { CliIo } from '../cli/cli-io';
import { createConnectionService } from '../connections/connection-service';
import { createJobStore } from '../queue/job-store';
import { createOptOutService } from '../opt-outs/opt-out-service';
import { createReportService } from './report-service';
import { createReportListActions } from './report-list-actions';
import { createCampaignStore } from '../campaigns/campaign-store';
import { createListService } from '../lists/list-service';
import { createMemorySettingsStore } from '../settings/memory-settings-store';
import type { MainDeps } from '../main-deps';

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
      // The list actions read the same rows, judged by iSendPro's codes.
      const { codeSystem, lines } = await service.lines({ jobId, filter: {} });
      expect(codeSystem).toBe('isendpro');
      expect(lines).toEqual([
        { number: '33600000001', raw: '', code: 0 },
        { number: '33600000002', raw: '', code: 0 },
        { number: '33600000003', raw: '', code: 11 },
        { number: '33600000004', raw: '', code: 21 },
      ]);
      // The overview counts it like any campaign with a report.
      const overview = await service.overview({});
      expect(overview).toMatchObject({ campaigns: 1, recipients: 4 });
    } finally {
      await service.close();
    }
  });
});

type State = { index: number; code: number; tel: string; message: string };

/** An iSendPro connection and a job dropped on it from `numbers`, acknowledged, with one notification holding `states`. */
async function mailJob(numbers: string[], states: State[], listId?: string): Promise<string> {
  const added = await cli([
    'connection', 'add', '--name', 'iSendPro', '--provider', 'isendpro-mail',
    '--smtp-host', '127.0.0.1', '--smtp-port', '2525', '--smtp-user', 'shop@example.fr', '--smtp-password-env', 'DD_MAILREPORT_SECRET',
    '--imap-host', '127.0.0.1', '--imap-port', '1143', '--imap-user', 'answers@example.fr', '--imap-password-env', 'DD_MAILREPORT_SECRET',
    '--from', 'shop@example.fr', '--keyid-env', 'DD_MAILREPORT_SECRET', '--plain', '--data-dir', dataDir, '--json',
  ]);
  expect(added.code, added.stderr).toBe(0);
  const listFile = join(dataDir, 'dropped.csv');
  const messageFile = join(dataDir, 'm.txt');
  await writeFile(listFile, `Mobile\r\n${numbers.join('\r\n')}\r\n`);
  await writeFile(messageFile, 'Votre rendez-vous est confirmé.');
  const dropped = await cli(['drop', '--connection', 'iSendPro', '--list', listFile, '--name', 'Rappel RDV', '--message-file', messageFile, '--type', 'notification', '--data-dir', dataDir, '--json']);
  expect(dropped.code, dropped.stderr).toBe(0);
  const jobId: string = JSON.parse(dropped.stdout).job;
  const jobs = createJobStore(dataDir);
  const record = (await jobs.read(jobId))!;
  const emailId = record.job.mail!.batches[0].emailId;
  await jobs.write({
    ...record,
    job: {
      ...record.job,
      ...(listId ? { listId } : {}),
      state: 'accepted',
      onServerAt: '2026-03-02T09:00:00.000Z',
      mail: { ...record.job.mail!, batches: record.job.mail!.batches.map((batch) => ({ ...batch, state: 'accepted', ack: { code: 0, message: 'Votre email a bien ete traite', at: '2026-03-02T09:00:05.000Z' } })), notifications: [{ emailId, at: '2026-03-02T09:01:00.000Z', states }] },
    },
  });
  return jobId;
}

describe('iSendPro rows: the CSV export and the list actions, as for MediasFlow', () => {
  const mailed = ['0600000001', '0600000002', '0600000003', '0600000004', '0600000005', '0600000006'];
  // 0 sent (never again: it may still arrive), 11 liste noire, 21 not attributed (for « Retirer »), 12 credit exhausted (nothing sent: to send again), 0600000006 not answered yet.
  const states: State[] = [
    { index: 1, code: 0, tel: '0600000001', message: 'Votre message a bien ete envoye' },
    { index: 2, code: 0, tel: '0600000002', message: 'Votre message a bien ete envoye' },
    { index: 3, code: 11, tel: '0600000003', message: 'Le numero de telephone est dans la liste noire' },
    { index: 4, code: 21, tel: '0600000004', message: "Le numero de telephone n'est pas attribue" },
    { index: 5, code: 12, tel: '0600000005', message: 'Votre credit de MT est epuise' },
  ];

  it('exports the drill-down rows as CSV, with the same columns and filters', async () => {
    const jobId = await mailJob(mailed, states);
    let saveTo = join(dataDir, 'tous.csv');
    const dialogNames: string[] = [];
    const dialogs = { chooseOpenFile: async () => null, chooseSaveFile: async (input: { defaultName: string }) => (dialogNames.push(input.defaultName), saveTo) };
    const service = createReportService({ dataDir, dialogs, connections: createConnectionService({ dataDir, env: process.env }), optOuts: createOptOutService({ dataDir, dialogs }) });
    try {
      const shown = await service.rows({ jobId, offset: 0, limit: 100 });
      expect(await service.exportRows({ jobId, filter: {} })).toEqual({ path: saveTo, rows: 6 });
      const text = await readFile(saveTo, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const records = text.slice(1).trimEnd().split('\r\n').map((line) => line.split(';'));
      expect(records[0]).toEqual(shown.columns);
      expect(records.slice(1)).toEqual(shown.rows);
      expect(records[6]).toEqual(['33600000006', '', '', '0600000006', 'Votre rendez-vous est confirmé.']);
      expect(dialogNames[0]).toMatch(/^rapport-.+-tous\.csv$/);

      saveTo = join(dataDir, 'liste-noire.csv');
      expect(await service.exportRows({ jobId, filter: { category: 'blacklisted' } })).toEqual({ path: saveTo, rows: 1 });
      expect((await readFile(saveTo, 'utf8')).split('\r\n').slice(1, -1)).toEqual(['33600000003;11;Le numero de telephone est dans la liste noire;0600000003;Votre rendez-vous est confirmé.']);
      saveTo = join(dataDir, 'code-21.csv');
      expect(await service.exportRows({ jobId, filter: { code: '21' } })).toMatchObject({ rows: 1 });
      expect(dialogNames.at(-1)).toMatch(/-code-21\.csv$/);
    } finally {
      await service.close();
    }
  });

  it('« Retirer ces numéros de la liste » and « Relancer les non-délivrés » on an iSendPro job: preview, then apply', async () => {
    const deps: MainDeps = {
      dataDir,
      appVersion: 'test',
      settings: createMemorySettingsStore(),
      log: () => {},
      emit: () => {},
      dialogs: { chooseOpenFile: async () => null, chooseSaveFile: async () => null },
    };
    const lists = createListService(deps, { saveDelayMs: 10 });
    // The campaign's list in the app: the numbers mailed, written the user's way, and one more that was not in this campaign.
    const listText = ['Prénom;Portable', ...mailed.map((number, index) => `Client${index + 1};${number.replace(/(\d\d)(?=\d)/g, '$1 ')}`), 'Autre;0600000099'].join('\r\n');
    const list = await lists.importBytes('clients.csv', new TextEncoder().encode(`${listText}\r\n`));
    const jobId = await mailJob(mailed, states, list.id);
    const optOuts = createOptOutService({ dataDir, dialogs: deps.dialogs });
    const reports = createReportService({ dataDir, connections: createConnectionService({ dataDir, env: process.env }), optOuts });
    const drafts = createCampaignStore(dataDir);
    const actions = createReportListActions({ reports, lists, optOutNumbers: () => optOuts.numberSet(), drafts });
    try {
      // « Retirer »: the rows of the view the user filtered (code 21, the number not attributed).
      expect(await actions.preview({ jobId, action: 'remove', filter: { code: '21' } })).toEqual({ listId: list.id, listName: list.name, rows: 1, numbers: 1, optedOut: 0 });
      // The not-delivered view (« Non envoyés »: 12 and 21): two numbers, two rows of the list.
      expect(await actions.preview({ jobId, action: 'remove', filter: { category: 'notSent' } })).toMatchObject({ rows: 2, numbers: 2 });
      const removed = await actions.removeFromList({ jobId, filter: { code: '21' } });
      expect(removed).toMatchObject({ listId: list.id, removed: 1, canUndo: true });
      const after = await lists.snapshot(list.id);
      expect(after.document.rows.length).toBe(6);
      const mobile = after.document.mobileColumn!;
      const cells = Array.from({ length: after.document.rows.length }, (_, row) => after.document.rows.value(row, mobile).replace(/\s/g, ''));
      expect(cells).toEqual(['0600000001', '0600000002', '0600000003', '0600000005', '0600000006', '0600000099']);

      // « Relancer »: only 0600000005 (code 12: nothing was sent); never the sent (0), the blacklisted (11), the wrong number (21) nor the one not answered yet.
      expect(await actions.preview({ jobId, action: 'retarget' })).toEqual({ listId: list.id, listName: list.name, rows: 1, numbers: 1, optedOut: 0 });
      const retarget = await actions.retarget({ jobId });
      expect(retarget).toMatchObject({ draftName: 'Rappel RDV — relance', listName: `${list.name} — relance`, rows: 1, optedOut: 0 });
      const created = await lists.snapshot(retarget.listId);
      expect(created.document.rows.length).toBe(1);
      expect(created.document.rows.value(0, created.document.mobileColumn!).replace(/\s/g, '')).toBe('0600000005');
      expect((await drafts.get(retarget.draftId)).listId).toBe(retarget.listId);
      // The original list is not touched by « Relancer ».
      expect((await lists.snapshot(list.id)).document.rows.length).toBe(6);

      // A number in the opt-out list is never sent to again, whatever its code here.
      await optOuts.add({ number: '0600000005' });
      expect(await actions.preview({ jobId, action: 'retarget' })).toMatchObject({ rows: 0, numbers: 0, optedOut: 1 });
    } finally {
      await reports.close();
      await lists.flush();
    }
  });
});
