/**
 * The demo MediasFlow box driven by the real connectors: drops made exactly
 * as the queue makes them get '.ar'/'.bad' answers with the guide's codes, and
 * accepted campaigns get report versions named and shaped like the real ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { probeHostKey } from '../../../src-main/connectors/host-key';
import type { RemoteFileSystem } from '../../../src-main/connectors/remote-file-system';
import { startDemoProviders, type DemoProviders } from '../../../src-main/demo/start-demo-providers';
import { mediasflowProfile } from '@shared/providers/mediasflow/mediasflow-profile';
import { generateDeliveryId } from '@shared/providers/delivery-id';
import { parseReportBytes } from '@shared/reports/parse-report';
import { parseReportFileName, reportMatchesDrop, sortReportVersions } from '@shared/reports/report-file-name';
import { SMS_REPORT_COLUMNS, VMS_REPORT_COLUMNS } from '@shared/reports/report-columns';
import { connectMediasflow, dropMediasflow, sampleTable, waitFor, waitForMediasflowAck } from './demo-helpers';

const timings = { pollIntervalMs: 100, answerDelayMs: 300, reportDelaysMs: [200, 700, 1_200] };
let dataDir: string;
let demo: DemoProviders;
let fs: RemoteFileSystem;
const logs: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-demo-mf-'));
  demo = await startDemoProviders({ dataDir, timings, log: (message) => logs.push(message) });
  fs = await connectMediasflow(demo);
});
afterAll(async () => {
  await fs?.close();
  await demo?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function nameFor(templateId: string, campaignName: string, stampAt = new Date(), programmedAt: Date | null = null) {
  const idDelivery = generateDeliveryId(new Date(), Math.random);
  const built = mediasflowProfile.buildName({ templateId, idDelivery, campaignName, stampAt, programmedAt });
  if (!built.ok) throw new Error(built.problems.join());
  return { idDelivery, remoteName: built.name };
}

async function download(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await fs.download(path, new Writable({ write: (chunk, _encoding, done) => (chunks.push(chunk), done()) }));
  return Buffer.concat(chunks);
}

describe('demo MediasFlow SFTP box', () => {
  it('listens on 127.0.0.1 with user demo and the workspace password, and a host key whose fingerprint it gives', async () => {
    expect(demo.mediasflow).toMatchObject({ host: '127.0.0.1', username: 'demo', password: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) });
    const probe = await probeHostKey('127.0.0.1', demo.mediasflow.port);
    expect(probe.fingerprint).toBe(demo.mediasflow.hostKeyFingerprint);
    const folders = (await fs.list('/Campagnes/SMS')).map((entry) => entry.name).sort();
    expect(folders).toEqual(['TRAITEMENT KO', 'TRAITEMENT OK']);
    expect((await fs.list('/Campagnes')).map((entry) => entry.name).sort()).toEqual(['Report', 'SMS', 'VMS']);
  });

  it('a valid SMS drop gets a .ar with a campaign number, then 3 report versions with the report and original columns', async () => {
    const table = sampleTable(40);
    const file = mediasflowProfile.buildFile(table);
    const { idDelivery, remoteName } = nameFor('1001', 'Relance démo');
    const dropped = await dropMediasflow(fs, { channel: 'sms', remoteName, idDelivery, data: Buffer.from(file.text, 'utf8') });
    expect(dropped.outcome).toBe('uploaded');

    const ack = await waitForMediasflowAck(fs, 'sms', remoteName, idDelivery);
    expect(ack.kind).toBe('accepted');
    expect(ack.fileName).toBe(remoteName.replace(/\.csv$/, '.ar'));
    const campaignId = ack.kind === 'accepted' ? ack.campaignId : null;
    expect(campaignId).toMatch(/^\d{6}$/);
    expect((await fs.list('/Campagnes/SMS/TRAITEMENT OK')).map((entry) => entry.name)).toContain(remoteName);
    expect((await fs.list('/Campagnes/SMS')).map((entry) => entry.name)).not.toContain(remoteName);

    const versions = await waitFor('three report versions', async () => {
      const names = (await fs.list('/Campagnes/Report')).map((entry) => entry.name);
      const ours = sortReportVersions(names).filter((report) => reportMatchesDrop(report, remoteName, campaignId));
      return ours.length === 3 ? ours : null;
    });
    for (const version of versions) {
      expect(version.fileName).toMatch(new RegExp(`^${remoteName.replace(/\.csv$/, '')}_${campaignId}_\\d{14}\\.csv$`));
    }
    expect(new Set(versions.map((version) => version.generatedAtStamp)).size).toBe(3);

    const parsed = await Promise.all(versions.map(async (version) => parseReportBytes(await download(`/Campagnes/Report/${version.fileName}`))));
    const first = parsed[0];
    const last = parsed[2];
    expect(last.channel).toBe('sms');
    expect(last.header.columns).toEqual([...SMS_REPORT_COLUMNS, ...file.header]);
    expect(last.rowCount).toBe(40);
    const codesOf = (report: typeof first) => Array.from(report.codes);
    // End of send: some messages still in progress; +72 h: every status is final, mostly delivered, with a STOP.
    expect(codesOf(first).filter((code) => code === 1 || code === 9).length).toBeGreaterThan(0);
    expect(codesOf(last).filter((code) => code === 1 || code === 9 || code === 24)).toEqual([]);
    expect(codesOf(last).filter((code) => code === 21 || code === 16 || code === 17).length).toBeGreaterThanOrEqual(28);
    expect(codesOf(last)).toContain(17);
    expect(codesOf(last).some((code) => ![21, 16, 17].includes(code))).toBe(true);
    expect(demo.boxes.mediasflow.campaigns().find((campaign) => campaign.campaignId === campaignId)?.reportsWritten).toBe(3);
  });

  it('a VMS drop on the VMS template is accepted and its reports have the VMS columns', async () => {
    const table = sampleTable(5);
    const file = mediasflowProfile.buildFile(table);
    const { idDelivery, remoteName } = nameFor('2001', 'Message vocal');
    await dropMediasflow(fs, { channel: 'vms', remoteName, idDelivery, data: Buffer.from(file.text, 'utf8') });
    const ack = await waitForMediasflowAck(fs, 'vms', remoteName, idDelivery);
    expect(ack.kind).toBe('accepted');
    const campaignId = ack.kind === 'accepted' ? ack.campaignId : null;
    const report = await waitFor('a VMS report', async () => {
      const names = (await fs.list('/Campagnes/Report')).map((entry) => entry.name);
      return names.map((name) => parseReportFileName(name)).find((parsed) => parsed && reportMatchesDrop(parsed, remoteName, campaignId));
    });
    const parsed = parseReportBytes(await download(`/Campagnes/Report/${report.fileName}`));
    expect(parsed.channel).toBe('vms');
    expect(parsed.header.columns).toEqual([...VMS_REPORT_COLUMNS, ...file.header]);
  });

  it('answers bad drops with the guide codes: 02 name, 03 unknown template, 01 expired stamp, 05 past PROG, 07 wrong folder, 04 no mobile column', async () => {
    const data = Buffer.from(mediasflowProfile.buildFile(sampleTable(3)).text, 'utf8');
    const now = Date.now();
    const cases = [
      { expected: '02', channel: 'sms' as const, ...{ idDelivery: 'NOPE', remoteName: 'campagne de mars.csv' }, data },
      { expected: '03', channel: 'sms' as const, ...nameFor('4242', 'Modèle inconnu'), data },
      { expected: '01', channel: 'sms' as const, ...nameFor('1001', 'Trop tard', new Date(now - 3 * 3_600_000)), data },
      { expected: '05', channel: 'sms' as const, ...nameFor('1001', 'Programmée passée', new Date(now), new Date(now - 10 * 60_000)), data },
      { expected: '07', channel: 'sms' as const, ...nameFor('2001', 'Vocal au mauvais endroit'), data },
      { expected: '04', channel: 'sms' as const, ...nameFor('1002', 'Sans colonne mobile'), data: Buffer.from('TELEPHONE;NOM\r\n33612345678;Zoé\r\n') },
    ];
    await Promise.all(cases.map((drop) => dropMediasflow(fs, drop)));
    for (const drop of cases) {
      const ack = await waitForMediasflowAck(fs, drop.channel, drop.remoteName, drop.idDelivery);
      expect({ name: drop.remoteName, ack: ack.kind === 'rejected' ? ack.code : ack.kind }).toEqual({ name: drop.remoteName, ack: drop.expected });
      expect((await fs.list('/Campagnes/SMS/TRAITEMENT KO')).map((entry) => entry.name)).toContain(drop.remoteName);
    }
  });

  it('leaves a .tmp alone until it is renamed .csv', async () => {
    const { idDelivery, remoteName } = nameFor('1001', 'Envoi en deux temps');
    const tempPath = `/Campagnes/SMS/${mediasflowProfile.temporaryName(remoteName)}`;
    await fs.upload(tempPath, Buffer.from(mediasflowProfile.buildFile(sampleTable(2)).text, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await fs.list('/Campagnes/SMS')).map((entry) => entry.name)).toContain(mediasflowProfile.temporaryName(remoteName));
    expect((await fs.list('/Campagnes/SMS/TRAITEMENT OK')).some((entry) => entry.name.includes(idDelivery))).toBe(false);
    await fs.rename(tempPath, `/Campagnes/SMS/${remoteName}`);
    expect((await waitForMediasflowAck(fs, 'sms', remoteName, idDelivery)).kind).toBe('accepted');
  });

  it('keeps its host key and numbering across restarts', async () => {
    const before = demo.boxes.mediasflow.campaigns().map((campaign) => Number(campaign.campaignId));
    const again = await startDemoProviders({ dataDir: join(dataDir, 'second'), timings, log: () => undefined });
    await again.stop();
    const fingerprint = demo.mediasflow.hostKeyFingerprint;
    await fs.close();
    await demo.stop();
    demo = await startDemoProviders({ dataDir, timings, log: (message) => logs.push(message) });
    fs = await connectMediasflow(demo);
    expect(demo.mediasflow.hostKeyFingerprint).toBe(fingerprint);
    expect(again.mediasflow.hostKeyFingerprint).not.toBe(fingerprint);
    const { idDelivery, remoteName } = nameFor('1001', 'Après redémarrage');
    await dropMediasflow(fs, { channel: 'sms', remoteName, idDelivery, data: Buffer.from(mediasflowProfile.buildFile(sampleTable(2)).text, 'utf8') });
    const ack = await waitForMediasflowAck(fs, 'sms', remoteName, idDelivery);
    expect(ack.kind === 'accepted' && Number(ack.campaignId)).toBe(Math.max(...before) + 1);
  });
});
