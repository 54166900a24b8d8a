/** AllMySMS over FTP (port 21) or SFTP (port 61022): the profiles the queue works with. */
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
import type { AckResult } from '../ack-result';
import { allmysmsFolders, interpretAllmysmsAck, parseTreatedName } from './allmysms-ack';
import { allmysmsMaxFileBytes, buildAllmysmsParts, type AllmysmsFileInput, type AllmysmsFileOptions, type AllmysmsParts } from './allmysms-file';
import { allmysmsTemporaryName, buildAllmysmsName, parseAllmysmsName, type AllmysmsNameInput, type AllmysmsNameResult, type ParsedAllmysmsName } from './allmysms-name';

export interface AllmysmsProfileOptions {
  /** Folder holding SEND_SMS & co. ('' = the login's home, as the spec describes). */
  root?: string;
  maxFileBytes?: number;
}

export interface AllmysmsProfile extends ProviderProfileBase {
  family: 'allmysms';
  buildName(input: AllmysmsNameInput): AllmysmsNameResult;
  parseName(fileName: string): ParsedAllmysmsName | null;
  buildParts(input: AllmysmsFileInput, options?: AllmysmsFileOptions): AllmysmsParts;
  /** The answer an ARCHIVES/INVALIDS entry gives about a drop (see locateAck, which uses it). */
  interpretAck(folder: 'archives' | 'invalids', fileName: string, idDelivery: string): AckResult | null;
}

function containsId(fileName: string, idDelivery: string): boolean {
  return fileName.toUpperCase().includes(idDelivery.toUpperCase());
}

export function createAllmysmsProfile(protocol: 'ftp' | 'sftp', options: AllmysmsProfileOptions = {}): AllmysmsProfile {
  const root = options.root ?? '';
  const maxFileBytes = options.maxFileBytes ?? allmysmsMaxFileBytes;
  const folder = (kind: keyof typeof allmysmsFolders): string => joinPath(root, allmysmsFolders[kind]);
  const allFolders = (): string[] => [folder('send'), folder('processing'), folder('archives'), folder('invalids')];

  const scanForDrop = (drop: DropIdentity, listings: readonly FolderListing[]): ServerScan => {
    const copies: LandedCopy[] = [];
    const temporaries: string[] = [];
    for (const fileName of listingOf(listings, folder('send'))) {
      if (!containsId(fileName, drop.idDelivery)) continue;
      if (/\.tmp$/i.test(fileName)) temporaries.push(joinPath(folder('send'), fileName));
      else if (/\.csv$/i.test(fileName)) copies.push({ stage: 'dropped', folder: folder('send'), fileName, remoteName: fileName });
    }
    for (const fileName of listingOf(listings, folder('processing'))) {
      if (containsId(fileName, drop.idDelivery)) {
        const remoteName = parseTreatedName(fileName, drop.idDelivery)?.remoteName ?? fileName;
        copies.push({ stage: 'processing', folder: folder('processing'), fileName, remoteName });
      }
    }
    for (const kind of ['archives', 'invalids'] as const) {
      for (const fileName of listingOf(listings, folder(kind))) {
        const treated = parseTreatedName(fileName, drop.idDelivery);
        if (treated) copies.push({ stage: 'answered', folder: folder(kind), fileName, remoteName: treated.remoteName });
      }
    }
    return { landed: mostAdvanced(copies), copies, temporaries };
  };

  return {
    id: protocol === 'ftp' ? 'allmysms-ftp' : 'allmysms-sftp',
    family: 'allmysms',
    label: protocol === 'ftp' ? 'AllMySMS (FTP)' : 'AllMySMS (SFTP)',
    // Spec: each line of the file carries the recipient's message.
    messageSource: 'typed',
    protocol,
    defaultPort: protocol === 'ftp' ? 21 : 61022,
    channels: ['sms'],
    scheduling: 'name-date',
    maxFileBytes,
    dropFolder: () => folder('send'),
    expectedFolders: allFolders,
    scanFolders: allFolders,
    temporaryName: allmysmsTemporaryName,
    temporaryPath: (_channel, remoteName) => joinPath(folder('send'), allmysmsTemporaryName(remoteName)),
    finalPath: (_channel, remoteName) => joinPath(folder('send'), remoteName),
    scanForDrop,
    recognise: (fileName, folderPath, drop) =>
      scanForDrop(drop, [{ folder: folderPath, names: [fileName] }]).copies.length > 0,

    locateAck(drop: DropOnServer, listings: readonly FolderListing[]): AckLookup {
      // Archived wins over invalid: a campaign that went out must never look retryable.
      for (const kind of ['archives', 'invalids'] as const) {
        for (const fileName of listingOf(listings, folder(kind))) {
          const result = interpretAllmysmsAck(kind, fileName, drop.idDelivery);
          if (result) return { status: 'answered', result };
        }
      }
      const landed = scanForDrop(drop, listings).landed;
      if (landed?.stage === 'processing') return { status: 'pending', stage: 'processing' };
      if (landed?.stage === 'dropped') return { status: 'pending', stage: 'dropped' };
      return { status: 'none' };
    },

    buildName: buildAllmysmsName,
    parseName: parseAllmysmsName,
    buildParts: (input, fileOptions) => buildAllmysmsParts(input, { maxBytes: maxFileBytes, ...fileOptions }),
    interpretAck: interpretAllmysmsAck,
  };
}

export const allmysmsFtpProfile = createAllmysmsProfile('ftp');
export const allmysmsSftpProfile = createAllmysmsProfile('sftp');
