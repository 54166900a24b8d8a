/**
 * One interface over SFTP and FTP(S) so the drop protocol and the queue never
 * care which one a provider uses. Every method rejects with a ConnectorError.
 */
import type { Readable, Writable } from 'node:stream';

export interface RemoteEntry {
  name: string;
  /** Bytes; 0 for folders. */
  size: number;
  isDirectory: boolean;
  modifiedAt?: Date;
}

export type UploadSource = Buffer | Readable;

export interface UploadOptions {
  /** Called with the number of bytes the server has acknowledged so far. */
  onProgress?: (bytesSent: number) => void;
}

export interface RemoteFileSystem {
  readonly protocol: 'sftp' | 'ftp' | 'ftps';
  /** Server address, for error messages. */
  readonly host: string;
  readonly port: number;
  /** Plain FTP: the UI shows that the password travels unencrypted. */
  readonly passwordTravelsInClear: boolean;
  connect(): Promise<void>;
  /** Never rejects: closing a dead connection is not an error. */
  close(): Promise<void>;
  /** Entries of a folder (without "." and ".."); folder-missing if it does not exist. */
  list(folder: string): Promise<RemoteEntry[]>;
  /** The entry at path, or null when nothing is there. */
  stat(path: string): Promise<RemoteEntry | null>;
  /** Creates the folder and its missing parents; fine if it already exists. */
  mkdirp(folder: string): Promise<void>;
  /** Writes the whole file at path (created or truncated). */
  upload(path: string, source: UploadSource, options?: UploadOptions): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file; returns false when it was already gone. */
  remove(path: string): Promise<boolean>;
  download(path: string, destination: Writable): Promise<void>;
  /** Reads a small text file (acknowledgements); refuses files above maxBytes (64 KiB by default). */
  readText(path: string, maxBytes?: number): Promise<string>;
}

/** Joins remote path parts with "/" whatever the local platform. */
export function joinRemotePath(folder: string, name: string): string {
  if (folder === '' || folder === '.') return name;
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}
