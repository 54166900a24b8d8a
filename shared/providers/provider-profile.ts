/**
 * What the queue and the connections need to know about a provider, as data
 * and pure functions: protocol, port, channels, folders, the temporary name
 * used during upload, how to recognise a drop already on the server, and
 * where/how the acknowledgement appears. The file and name builders differ
 * in their inputs, so each profile family adds its own (see
 * mediasflow-profile.ts and allmysms-profile.ts).
 */
import type { AckResult } from './ack-result';
import type { Channel, ProviderId, TransferProtocol } from './provider-ids';
import type { MessageSource } from './message-source';

/** Entries of one remote folder, as the connector listed them. */
export interface FolderListing {
  folder: string;
  names: readonly string[];
}

export interface DropIdentity {
  channel: Channel;
  /** Written in every remote name of the drop. */
  idDelivery: string;
}

export interface DropOnServer extends DropIdentity {
  /** The name the drop was made visible under ('.csv'). */
  remoteName: string;
}

/** Where a copy of the drop was found: still waiting, being processed, or answered. */
export type LandedStage = 'dropped' | 'processing' | 'answered';

export interface LandedCopy {
  stage: LandedStage;
  folder: string;
  /** The entry as listed (may carry the provider's prefix). */
  fileName: string;
  /** The drop's own name (what it was called in the drop folder). */
  remoteName: string;
}

export interface ServerScan {
  /** The most advanced copy of the drop, or null: then it is safe to upload. */
  landed: LandedCopy | null;
  /** Every copy found (more than one means a duplicate reached the provider). */
  copies: LandedCopy[];
  /** Full paths of this drop's leftover temporary files, to delete before uploading again. */
  temporaries: string[];
}

export type AckLookup =
  /** No trace of the drop in the listed folders. */
  | { status: 'none' }
  /** The provider has the file but has not answered yet. */
  | { status: 'pending'; stage: 'dropped' | 'processing' | 'moved' }
  /** An acknowledgement file to read; pass its content to the profile's interpretAck. */
  | { status: 'read'; path: string; fileName: string }
  /** The answer is in the names alone. */
  | { status: 'answered'; result: AckResult };

export interface ProviderProfileBase {
  id: ProviderId;
  family: 'mediasflow' | 'allmysms';
  /** Shown to the user. */
  label: string;
  protocol: TransferProtocol;
  /** Which text is sent: the provider's template campaign, or the text typed in Dropdesk. */
  messageSource: MessageSource;
  defaultPort: number;
  channels: readonly Channel[];
  /** How a programmed time reaches the provider. */
  scheduling: 'prog-suffix' | 'name-date';
  /** Largest file the provider takes; null when it states none. */
  maxFileBytes: number | null;
  dropFolder(channel: Channel): string;
  /** Folders "Tester la connexion" checks. */
  expectedFolders(channel: Channel): string[];
  /** Folders to list for scanForDrop and locateAck. */
  scanFolders(channel: Channel): string[];
  /** Name the file is uploaded under before the rename. */
  temporaryName(remoteName: string): string;
  temporaryPath(channel: Channel, remoteName: string): string;
  finalPath(channel: Channel, remoteName: string): string;
  /**
   * True when an entry of `folder` is a landed copy of the drop (or its
   * acknowledgement) — never a temporary file. Fits the connector's
   * exactly-once `recognise(name, folder)` callback.
   */
  recognise(fileName: string, folder: string, drop: DropIdentity): boolean;
  /** Looks for a copy of the drop (by IDDELIVERY) before any upload or retry. */
  scanForDrop(drop: DropIdentity, listings: readonly FolderListing[]): ServerScan;
  locateAck(drop: DropOnServer, listings: readonly FolderListing[]): AckLookup;
}

export function joinPath(folder: string, name: string): string {
  if (folder === '' || folder === '.') return name;
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}

const stageRank: Record<LandedStage, number> = { dropped: 0, processing: 1, answered: 2 };

/** The most advanced of several copies (answered beats processing beats dropped). */
export function mostAdvanced(copies: readonly LandedCopy[]): LandedCopy | null {
  let best: LandedCopy | null = null;
  for (const copy of copies) if (!best || stageRank[copy.stage] > stageRank[best.stage]) best = copy;
  return best;
}

export function listingOf(listings: readonly FolderListing[], folder: string): readonly string[] {
  return listings.find((listing) => listing.folder === folder)?.names ?? [];
}
