/**
 * Finds a drop's report versions on the MediasFlow server (Report/ and
 * Report/archive/) and downloads the ones not downloaded yet. Plain I/O around
 * the pure name rules of shared/reports and shared/providers.
 */
import { Writable } from 'node:stream';
import { mediasflowReportArchiveFolder, mediasflowReportFolder } from '@shared/providers/mediasflow/mediasflow-report-name';
import { reportMatchesDrop, sortReportVersions, type ReportFileName } from '@shared/reports/report-file-name';
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

export async function downloadBytes(fs: RemoteFileSystem, path: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await fs.download(path, sink);
  return new Uint8Array(Buffer.concat(chunks));
}
