/** MediasFlow FTP2SMS / FTP2VMS over SFTP (port 22): the profile the queue works with. */
import {
  joinPath,
  listingOf,
  mostAdvanced,
  type AckLookup,
  type DropIdentity,
  type DropOnServer,
  type FolderListing,
  type LandedCopy,
  type ProviderProfileBase,
  type ServerScan,
} from '../provider-profile';
import type { Channel } from '../provider-ids';
import type { AckResult } from '../ack-result';
import { interpretMediasflowAck, matchMediasflowAckName, mediasflowAckFolders, mediasflowDropFolder } from './mediasflow-ack';
import { buildMediasflowFile, mediasflowCsvChunks, type MediasflowFileOptions, type MediasflowFile } from './mediasflow-file';
import { buildMediasflowName, parseMediasflowName, type MediasflowNameInput, type NameBuildResult, type ParsedMediasflowName } from './mediasflow-name';
import type { SendableTable } from '../sendable-table';

export interface MediasflowProfileOptions {
  /**
   * Folder the file is uploaded into before being renamed into the drop
   * folder. Null (default): the '.tmp' sits in the drop folder itself, as
   * the guide only describes '.csv' files being processed. Set it (e.g.
   * '/Campagnes') if an account's server turns out to pick up '.tmp' files.
   */
  stagingFolder?: string | null;
}

export interface MediasflowProfile extends ProviderProfileBase {
  family: 'mediasflow';
  buildName(input: MediasflowNameInput): NameBuildResult;
  parseName(fileName: string): ParsedMediasflowName | null;
  buildFile(table: SendableTable, options?: MediasflowFileOptions): MediasflowFile;
  fileChunks(table: SendableTable, options?: MediasflowFileOptions): Generator<string>;
  /** Reads the content of a '.ar' / '.bad' file found by locateAck. */
  interpretAck(fileName: string, content: string): AckResult | null;
}

function temporaryName(remoteName: string): string {
  return remoteName.replace(/\.csv$/i, '') + '.tmp';
}

/** IDDELIVERY of a name in any of our shapes: the drop, its '.tmp', its '.ar'/'.bad'. */
function deliveryIdOf(fileName: string): { idDelivery: string; remoteName: string; kind: 'csv' | 'tmp' | 'ack' } | null {
  let kind: 'csv' | 'tmp' | 'ack' = 'csv';
  let base = fileName;
  if (/\.tmp$/i.test(base)) {
    kind = 'tmp';
    base = base.slice(0, -4);
  } else if (/\.(ar|bad)$/i.test(base)) {
    kind = 'ack';
    base = base.replace(/\.(ar|bad)$/i, '').replace(/\.csv$/i, '');
  } else if (!/\.csv$/i.test(base)) return null;
  const parsed = parseMediasflowName(base);
  if (!parsed) return null;
  const remoteName = kind === 'csv' ? fileName : `${base.replace(/\.csv$/i, '')}.csv`;
  return { idDelivery: parsed.idDelivery, remoteName, kind };
}

export function createMediasflowProfile(options: MediasflowProfileOptions = {}): MediasflowProfile {
  const stagingFolder = options.stagingFolder ?? null;
  const scanFolders = (channel: Channel): string[] => {
    const { ok, ko } = mediasflowAckFolders(channel);
    const folders = [mediasflowDropFolder(channel), ok, ko];
    return stagingFolder ? [...folders, stagingFolder] : folders;
  };
  return {
    id: 'mediasflow-sftp',
    family: 'mediasflow',
    label: 'MediasFlow (SFTP)',
    // Guide: the file gives the recipients and fields; the text is the template campaign's (IDMEDIAFLOW).
    messageSource: 'template',
    protocol: 'sftp',
    defaultPort: 22,
    channels: ['sms', 'vms'],
    scheduling: 'prog-suffix',
    maxFileBytes: null,
    dropFolder: mediasflowDropFolder,
    expectedFolders: (channel) => {
      const { ok, ko } = mediasflowAckFolders(channel);
      return [mediasflowDropFolder(channel), ok, ko];
    },
    scanFolders,
    temporaryName,
    temporaryPath: (channel, remoteName) => joinPath(stagingFolder ?? mediasflowDropFolder(channel), temporaryName(remoteName)),
    finalPath: (channel, remoteName) => joinPath(mediasflowDropFolder(channel), remoteName),

    recognise(fileName: string, folder: string, drop: DropIdentity): boolean {
      if (stagingFolder !== null && folder === stagingFolder) return false;
      const found = deliveryIdOf(fileName);
      return found !== null && found.kind !== 'tmp' && found.idDelivery === drop.idDelivery;
    },

    scanForDrop(drop: DropIdentity, listings: readonly FolderListing[]): ServerScan {
      const dropFolder = mediasflowDropFolder(drop.channel);
      const copies: LandedCopy[] = [];
      const temporaries: string[] = [];
      for (const folder of scanFolders(drop.channel)) {
        for (const fileName of listingOf(listings, folder)) {
          const found = deliveryIdOf(fileName);
          if (!found || found.idDelivery !== drop.idDelivery) continue;
          if (found.kind === 'tmp') {
            temporaries.push(joinPath(folder, fileName));
            continue;
          }
          if (folder === stagingFolder) continue;
          const stage = folder === dropFolder ? 'dropped' : 'answered';
          if (copies.some((copy) => copy.folder === folder && copy.remoteName === found.remoteName)) continue;
          copies.push({ stage, folder, fileName, remoteName: found.remoteName });
        }
      }
      return { landed: mostAdvanced(copies), copies, temporaries };
    },

    locateAck(drop: DropOnServer, listings: readonly FolderListing[]): AckLookup {
      const { ok, ko } = mediasflowAckFolders(drop.channel);
      const okNames = listingOf(listings, ok);
      const koNames = listingOf(listings, ko);
      // An '.ar' wins over a '.bad': a campaign that exists must never look retryable.
      const accepted = okNames.find((name) => matchMediasflowAckName(name, drop.remoteName) === 'ar');
      if (accepted) return { status: 'read', path: joinPath(ok, accepted), fileName: accepted };
      const rejected = koNames.find((name) => matchMediasflowAckName(name, drop.remoteName) === 'bad');
      if (rejected) return { status: 'read', path: joinPath(ko, rejected), fileName: rejected };
      const lower = drop.remoteName.toLowerCase();
      if ([...okNames, ...koNames].some((name) => name.toLowerCase() === lower)) return { status: 'pending', stage: 'moved' };
      if (listingOf(listings, mediasflowDropFolder(drop.channel)).some((name) => name.toLowerCase() === lower)) {
        return { status: 'pending', stage: 'dropped' };
      }
      return { status: 'none' };
    },

    buildName: buildMediasflowName,
    parseName: parseMediasflowName,
    buildFile: buildMediasflowFile,
    fileChunks: mediasflowCsvChunks,
    interpretAck: interpretMediasflowAck,
  };
}

export const mediasflowProfile = createMediasflowProfile();
