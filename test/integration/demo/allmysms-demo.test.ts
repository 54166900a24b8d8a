/**
 * The demo AllMySMS box driven by the real FTP connector: SEND_SMS →
 * PROCESSING → ARCHIVES ('TreatedByMSI_<name>') or INVALIDS
 * ('TreatedByMSI_<Reason>_<name>'), '.tmp' ignored until renamed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RemoteFileSystem } from '../../../src-main/connectors/remote-file-system';
import { dropFileExactlyOnce } from '../../../src-main/connectors/exactly-once-upload';
import { startDemoProviders, type DemoProviders } from '../../../src-main/demo/start-demo-providers';
import { allmysmsFtpProfile as profile } from '@shared/providers/allmysms/allmysms-profile';
import { generateDeliveryId } from '@shared/providers/delivery-id';
import type { AckLookup } from '@shared/providers/provider-profile';
import { allmysmsListings, connectAllmysms, sampleTable, waitFor } from './demo-helpers';

const timings = { pollIntervalMs: 100, answerDelayMs: 150, allmysmsProcessingMs: 400 };
let dataDir: string;
let demo: DemoProviders;
let fs: RemoteFileSystem;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-demo-ams-'));
  demo = await startDemoProviders({ dataDir, timings, log: () => undefined });
  fs = await connectAllmysms(demo);
});
afterAll(async () => {
  await fs?.close();
  await demo?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function buildDrop(options: { count?: number; sender?: string; message?: string; campaignName?: string } = {}) {
  const idDelivery = generateDeliveryId(new Date(), Math.random);
  const name = profile.buildName({ campaignName: options.campaignName ?? 'Soldes été', idDelivery, sendAt: new Date() });
  if (!name.ok) throw new Error('name');
  const { parts } = profile.buildParts({
    table: sampleTable(options.count ?? 4),
    render: (row) => options.message ?? `Bonjour ${row[2]},\nles soldes commencent. STOP au 36180`,
    sender: options.sender ?? null,
  });
  return { idDelivery, remoteName: name.name, data: Buffer.from(parts[0].text, 'utf8') };
}

async function drop(d: { idDelivery: string; remoteName: string; data: Buffer }) {
  return dropFileExactlyOnce({
    fs,
    folder: profile.dropFolder('sms'),
    finalName: d.remoteName,
    tempName: profile.temporaryName(d.remoteName),
    data: d.data,
    searchFolders: profile.scanFolders('sms').filter((folder) => folder !== profile.dropFolder('sms')),
    recognise: (name, folder) => profile.recognise(name, folder, { channel: 'sms', idDelivery: d.idDelivery }),
  });
}

/** Polls like the queue, remembering every stage seen on the way. */
async function followAck(d: { idDelivery: string; remoteName: string }) {
  const stages: string[] = [];
  const answer = await waitFor(
    `answer for ${d.remoteName}`,
    async () => {
      const lookup: AckLookup = profile.locateAck({ channel: 'sms', idDelivery: d.idDelivery, remoteName: d.remoteName }, await allmysmsListings(fs));
      if (lookup.status === 'pending' && stages[stages.length - 1] !== lookup.stage) stages.push(lookup.stage);
      return lookup.status === 'answered' ? lookup.result : null;
    },
    15_000,
    50,
  );
  return { answer, stages };
}

describe('demo AllMySMS FTP box', () => {
  it('listens on 127.0.0.1 with user demo and the workspace password, and shows the four folders', async () => {
    expect(demo.allmysms).toMatchObject({ host: '127.0.0.1', username: 'demo', password: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) });
    expect((await fs.list('/')).map((entry) => entry.name).sort()).toEqual(['ARCHIVES', 'INVALIDS', 'PROCESSING', 'SEND_SMS']);
  });

  it('a valid drop goes through PROCESSING to ARCHIVES as TreatedByMSI_<name> and costs its credits', async () => {
    const creditsBefore = demo.boxes.allmysms.credits();
    const d = buildDrop({ sender: 'Boutique' });
    expect((await drop(d)).outcome).toBe('uploaded');
    const { answer, stages } = await followAck(d);
    expect(answer).toEqual({ kind: 'accepted', campaignId: null });
    expect(stages).toContain('processing');
    expect((await fs.list('ARCHIVES')).map((entry) => entry.name)).toContain(`TreatedByMSI_${d.remoteName}`);
    expect(demo.boxes.allmysms.credits()).toBe(creditsBefore - 4);
  });

  it('a name outside Name_YYYYMMDDHHMMSS_HQ.csv ends in INVALIDS with Incorrect_FileName', async () => {
    const idDelivery = generateDeliveryId(new Date(), Math.random);
    const d = { idDelivery, remoteName: `Soldes_ete_${idDelivery}.csv`, data: buildDrop().data };
    await drop(d);
    const invalid = await waitFor('INVALIDS entry', async () =>
      (await fs.list('INVALIDS')).map((entry) => entry.name).find((name) => name.includes(idDelivery)),
    );
    expect(invalid).toBe(`TreatedByMSI_Incorrect_FileName_${d.remoteName}`);
  });

  it('rejects No_valid_TPOA, Empty_File and Not_enough_credits with the documented reasons', async () => {
    await demo.boxes.allmysms.setCredits(2);
    const badSender = buildDrop({ sender: 'Boutique', message: 'Soldes sans mention' });
    const empty = { ...buildDrop(), data: Buffer.from('33612345678;Bonjour\r\n') };
    const tooBig = buildDrop({ count: 3 });
    for (const d of [badSender, empty, tooBig]) await drop(d);
    expect((await followAck(badSender)).answer).toMatchObject({ kind: 'rejected', code: 'No_valid_TPOA' });
    expect((await followAck(empty)).answer).toMatchObject({ kind: 'rejected', code: 'Empty_File' });
    expect((await followAck(tooBig)).answer).toMatchObject({ kind: 'rejected', code: 'Not_enough_credits' });
    expect(demo.boxes.allmysms.credits()).toBe(2);
    await demo.boxes.allmysms.setCredits(100_000);
  });

  it('ignores a .tmp until it is renamed .csv', async () => {
    const d = buildDrop();
    const tempName = profile.temporaryName(d.remoteName);
    await fs.upload(`SEND_SMS/${tempName}`, d.data);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await fs.list('SEND_SMS')).map((entry) => entry.name)).toEqual([tempName]);
    await fs.rename(`SEND_SMS/${tempName}`, `SEND_SMS/${d.remoteName}`);
    expect((await followAck(d)).answer).toEqual({ kind: 'accepted', campaignId: null });
  });
});
