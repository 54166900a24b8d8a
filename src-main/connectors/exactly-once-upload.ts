/**
 * Drops one campaign file so that it lands exactly once, whatever crashes or
 * cuts happen, as long as every retry uses the same finalName and tempName:
 *
 *   1. look for a copy that already landed (drop folder + ack folders) → done;
 *   2. delete a stale temp file left by an interrupted attempt;
 *   3. upload under the temp name and check the remote size;
 *   4. rename temp → final (the provider only picks up the final name);
 *   5. report 'uploaded'.
 *
 * Why each crash point is safe: before the rename the server holds at most a
 * temp file, which the provider ignores and step 2 deletes; the rename is
 * atomic on the server; after it, step 1 of any retry finds the final file
 * (or the provider's processed copy, via `recognise`) and uploads nothing.
 */
import type { Readable } from 'node:stream';
import { ConnectorError } from './connector-error';
import { joinRemotePath, type RemoteEntry, type RemoteFileSystem } from './remote-file-system';

export type DropStep = 'checked' | 'stale-temp-removed' | 'temp-uploaded' | 'size-verified' | 'renamed';

export interface DropRequest {
  fs: RemoteFileSystem;
  /** Folder the provider watches, e.g. "/Campagnes/SMS" or "SEND_SMS". */
  folder: string;
  /** Name the provider picks up. */
  finalName: string;
  /** Name the provider ignores while the upload runs (e.g. ".tmp"); must be stable across retries. */
  tempName: string;
  /** Where the temp file goes; the drop folder by default. */
  tempFolder?: string;
  /** The file's bytes, or `openStream` (called once per attempt) with `size`. */
  data?: Buffer;
  openStream?: () => Readable;
  size?: number;
  /** Folders where the provider moves or acknowledges files (PROCESSING, ARCHIVES, TRAITEMENT OK…). Missing ones are skipped. */
  searchFolders: string[];
  /**
   * True when a remote name is this drop's file or acknowledgement (by its
   * unique IDDELIVERY, or its name with TreatedByMSI_ prefixes, .ar/.bad…).
   * It must not match the temp name: the temp name is never taken as landed.
   */
  recognise: (name: string, folder: string) => boolean;
  onProgress?: (bytesSent: number, totalBytes: number) => void;
  /** Called after each step; lets tests and logs observe the protocol. */
  onStep?: (step: DropStep) => void | Promise<void>;
}

export type DropResult =
  | { outcome: 'already-landed'; folder: string; name: string }
  | { outcome: 'uploaded'; folder: string; name: string; bytes: number };

export interface LandedCopy {
  folder: string;
  name: string;
}

/**
 * Finds a copy of this drop on the server: the final name in the drop folder,
 * or any recognised name in the drop folder or a search folder.
 */
export async function findLandedCopy(
  request: Pick<DropRequest, 'fs' | 'folder' | 'finalName' | 'tempName' | 'searchFolders' | 'recognise'>,
): Promise<LandedCopy | null> {
  const { fs, folder, finalName, tempName, recognise } = request;
  const isOurs = (entry: RemoteEntry, where: string) =>
    !entry.isDirectory && entry.name !== tempName && (entry.name === finalName || recognise(entry.name, where));

  // The drop folder must exist: a missing one is a configuration error to show, not a "nothing landed".
  const dropEntries = await fs.list(folder);
  const inDropFolder = dropEntries.find((entry) => isOurs(entry, folder));
  if (inDropFolder) return { folder, name: inDropFolder.name };

  for (const searchFolder of request.searchFolders) {
    let entries: RemoteEntry[];
    try {
      entries = await fs.list(searchFolder);
    } catch (error) {
      // Ack folders appear only once the provider has processed something.
      if (error instanceof ConnectorError && error.kind === 'folder-missing') continue;
      throw error;
    }
    const found = entries.find((entry) => isOurs(entry, searchFolder));
    if (found) return { folder: searchFolder, name: found.name };
  }
  return null;
}

export async function dropFileExactlyOnce(request: DropRequest): Promise<DropResult> {
  const { fs, folder, finalName, tempName } = request;
  const tempFolder = request.tempFolder ?? folder;
  const tempPath = joinRemotePath(tempFolder, tempName);
  const finalPath = joinRemotePath(folder, finalName);
  const expectedSize = sizeOf(request);
  const step = async (name: DropStep) => {
    await request.onStep?.(name);
  };

  // 1. Never upload twice: a previous attempt may have landed before we could record it.
  const landed = await findLandedCopy(request);
  if (landed) return { outcome: 'already-landed', ...landed };
  await step('checked');

  // 2. A temp file here is what an interrupted attempt left; it may be truncated.
  if (await fs.remove(tempPath)) await step('stale-temp-removed');

  // 3. Upload under the name the provider ignores, then check nothing was lost on the way.
  try {
    const source = request.data ?? request.openStream!();
    await fs.upload(tempPath, source, { onProgress: (bytes) => request.onProgress?.(bytes, expectedSize) });
  } catch (error) {
    // The connection may still be alive (full disk, refused name): do not leave a partial temp behind.
    await removeQuietly(fs, tempPath);
    throw error;
  }
  await step('temp-uploaded');

  const remote = await fs.stat(tempPath);
  if (!remote || remote.size !== expectedSize) {
    await removeQuietly(fs, tempPath);
    throw new ConnectorError('network', {
      host: fs.host,
      port: fs.port,
      path: tempPath,
      detail: `remote size ${remote ? remote.size : 'missing'} instead of ${expectedSize} bytes`,
    });
  }
  await step('size-verified');

  // 4. The rename is the single atomic moment the campaign becomes visible to the provider.
  try {
    await fs.rename(tempPath, finalPath);
  } catch (renameError) {
    // Some servers answer an error although the rename went through, or process the file at once.
    let landedAfterAll: LandedCopy | null;
    try {
      landedAfterAll = await findLandedCopy(request);
    } catch {
      // Cannot look (connection gone): the next attempt's step 1 will.
      throw renameError;
    }
    if (landedAfterAll) {
      await removeQuietly(fs, tempPath);
      await step('renamed');
      return { outcome: 'uploaded', folder: landedAfterAll.folder, name: landedAfterAll.name, bytes: expectedSize };
    }
    await removeQuietly(fs, tempPath);
    throw renameError;
  }
  await step('renamed');

  // 5.
  return { outcome: 'uploaded', folder, name: finalName, bytes: expectedSize };
}

function sizeOf(request: DropRequest): number {
  if (request.data) return request.data.length;
  if (request.openStream && typeof request.size === 'number') return request.size;
  throw new TypeError('dropFileExactlyOnce needs `data`, or `openStream` with `size`');
}

async function removeQuietly(fs: RemoteFileSystem, path: string): Promise<void> {
  try {
    await fs.remove(path);
  } catch {
    // Best effort: a leftover temp is removed by the next attempt's step 2.
  }
}
