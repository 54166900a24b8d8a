/** Helpers for the demo tests: build real drops with the shared providers and wait for the boxes' answers. */
import { createRemoteFileSystem } from '../../../src-main/connectors/create-remote-file-system';
import { dropFileExactlyOnce, type DropResult } from '../../../src-main/connectors/exactly-once-upload';
import type { RemoteFileSystem } from '../../../src-main/connectors/remote-file-system';
import type { DemoProviders } from '../../../src-main/demo/start-demo-providers';
import { demoConnectionConfigs } from '../../../src-main/demo/demo-connections';
import { mediasflowProfile } from '@shared/providers/mediasflow/mediasflow-profile';
import { allmysmsFtpProfile } from '@shared/providers/allmysms/allmysms-profile';
import type { SendableTable } from '@shared/providers/sendable-table';
import type { Channel } from '@shared/providers/provider-ids';
import type { AckResult } from '@shared/providers/ack-result';

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function connectMediasflow(demo: DemoProviders): Promise<RemoteFileSystem> {
  const fs = createRemoteFileSystem({ ...demoConnectionConfigs(demo).mediasflow, timeoutMs: 5_000 });
  await fs.connect();
  return fs;
}

export async function connectAllmysms(demo: DemoProviders): Promise<RemoteFileSystem> {
  const fs = createRemoteFileSystem({ ...demoConnectionConfigs(demo).allmysms, timeoutMs: 5_000 });
  await fs.connect();
  return fs;
}

/** A small list as the list engine hands it to the file builders. */
export function sampleTable(count: number): SendableTable {
  const rows = Array.from({ length: count }, (_, i) => [`06${String(12_000_000 + i * 37).padStart(8, '0')}`, i % 2 ? 'Mme' : 'M.', `Client ${i + 1}`, 'Besançon']);
  return {
    columns: ['Portable', 'Civilité', 'Nom', 'Ville'],
    rows,
    mobileColumn: 0,
    checks: rows.map((row) => ({ status: 'valid' as const, normalized: `33${row[0].slice(1)}` })),
  };
}

/** Drops `data` as Dropdesk does (temp name, size check, rename) and returns the drop's identity. */
export async function dropMediasflow(
  fs: RemoteFileSystem,
  options: { channel: Channel; remoteName: string; idDelivery: string; data: Buffer },
): Promise<DropResult> {
  const { channel, remoteName, idDelivery, data } = options;
  const drop = { channel, idDelivery };
  return dropFileExactlyOnce({
    fs,
    folder: mediasflowProfile.dropFolder(channel),
    finalName: remoteName,
    tempName: mediasflowProfile.temporaryName(remoteName),
    data,
    searchFolders: mediasflowProfile.scanFolders(channel).filter((folder) => folder !== mediasflowProfile.dropFolder(channel)),
    recognise: (name, folder) => name === remoteName || mediasflowProfile.recognise(name, folder, drop),
  });
}

/** Polls the acknowledgement folders like the queue does, until the answer is there. */
export async function waitForMediasflowAck(fs: RemoteFileSystem, channel: Channel, remoteName: string, idDelivery: string): Promise<AckResult & { fileName: string }> {
  return waitFor(`ack of ${remoteName}`, async () => {
    const listings = [];
    for (const folder of mediasflowProfile.scanFolders(channel)) listings.push({ folder, names: (await fs.list(folder)).map((entry) => entry.name) });
    const lookup = mediasflowProfile.locateAck({ channel, idDelivery, remoteName }, listings);
    if (lookup.status !== 'read') return null;
    const result = mediasflowProfile.interpretAck(lookup.fileName, await fs.readText(lookup.path));
    return result ? { ...result, fileName: lookup.fileName } : null;
  });
}

export async function allmysmsListings(fs: RemoteFileSystem) {
  const listings = [];
  for (const folder of allmysmsFtpProfile.scanFolders('sms')) listings.push({ folder, names: (await fs.list(folder)).map((entry) => entry.name) });
  return listings;
}
