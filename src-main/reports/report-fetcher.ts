/**
 * Finds a drop's report versions on the MediasFlow server (Report/ and
 * Report/archive/) and downloads the ones not downloaded yet. Plain I/O around
 * the pure name rules of shared/reports and shared/providers.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fsp } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { mediasflowReportArchiveFolder, mediasflowReportFolder, reportMatchesDrop, sortReportVersions, type ReportFileName } from '@shared/reports/report-file-name';
import { ConnectorError } from '../connectors/connector-error';
import { joinRemotePath, type RemoteFileSystem } from '../connectors/remote-file-system';

export interface RemoteReportVersion extends ReportFileName {
  remotePath: string;
  size: number;
}

/** Files of a folder; a missing archive folder (nothing archived yet) is an empty one. */
async function listFiles(fs: RemoteFileSystem, folder: string): Promise<{ path: string; size: number }[]> {
  try {
    const entries = await fs.list(folder);
    return entries.filter((entry) => !entry.isDirectory).map((entry) => ({ path: joinRemotePath(folder, entry.name), size: entry.size }));
  } catch (error) {
    if (error instanceof ConnectorError && error.kind === 'folder-missing') return [];
    throw error;
  }
}

/** Every version of this drop's report on the server, oldest first (a file in both folders counts once). */
export async function listRemoteReportVersions(fs: RemoteFileSystem, dropName: string, campaignId: string | null): Promise<RemoteReportVersion[]> {
  const files = [...(await listFiles(fs, mediasflowReportFolder)), ...(await listFiles(fs, mediasflowReportArchiveFolder))];
  const sizes = new Map(files.map((file) => [file.path, file.size]));
  return sortReportVersions(files.map((file) => file.path))
    .filter((version) => reportMatchesDrop(version, dropName, campaignId))
    .map((version) => {
      const remotePath = joinRemotePath(version.archived ? mediasflowReportArchiveFolder : mediasflowReportFolder, version.fileName);
      return { ...version, remotePath, size: sizes.get(remotePath) ?? 0 };
    });
}

/**
 * Streams a remote file into `destination` with the workspace's atomic-write
 * pattern (src-main/workspace/atomic-write.ts: temporary sibling, flushed,
 * renamed over the target). A report can be hundreds of MB: holding it in
 * memory and copying it would stall main for a quarter of a second.
 */
export async function downloadToFileAtomic(fs: RemoteFileSystem, remotePath: string, destination: string): Promise<number> {
  await fsp.mkdir(dirname(destination), { recursive: true });
  const tempPath = join(dirname(destination), `.${basename(destination)}.${randomBytes(6).toString('hex')}.tmp`);
  const sink = createWriteStream(tempPath, { flush: true });
  try {
    await fs.download(remotePath, sink);
    if (!sink.closed) await once(sink, 'close');
    const { size } = await fsp.stat(tempPath);
    await fsp.rename(tempPath, destination);
    return size;
  } catch (error) {
    sink.destroy();
    await fsp.rm(tempPath, { force: true });
    throw error;
  }
}
