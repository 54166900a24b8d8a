/**
 * RemoteFileSystem over SFTP with ssh2-sftp-client (the design card's
 * library). Its connect options go to ssh2 unchanged, so our hostVerifier
 * runs during the key exchange, before any credential is sent, which is what
 * host-key pinning needs. The operations run on the client's SFTP channel so
 * every ssh2 error keeps its status code and level for classify-sftp-error.
 *
 * Uploads keep a window as wide as OpenSSH's sftp: 64 writes in flight, each
 * as large as the server accepts (OpenSSH announces 255 KiB through its
 * limits extension; other servers get 32 KiB writes), where eight 32 KiB
 * writes used to cap an upload at 256 KiB per round trip.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client, SFTPWrapper, FileEntryWithStats, Stats } from 'ssh2';
import SftpClient from 'ssh2-sftp-client';
import { ConnectorError } from './connector-error';
import { classifySftpError, sftpStatus, type RemoteOperation } from './classify-sftp-error';
import { defaultTimeoutMs, type SftpConnectionConfig } from './connection-config';
import { sameFingerprint, sha256Fingerprint } from './host-key';
import { connectCoalescingWrites } from './coalescing-socket';
import { joinRemotePath, type RemoteEntry, type RemoteFileSystem, type UploadOptions, type UploadSource } from './remote-file-system';

/** OpenSSH sftp's request count: writes kept in flight so a distant server is not paid one round trip per chunk. */
export const sftpWritesInFlight = 64;
/** OpenSSH's largest write (SFTP_MAX_MSG_LENGTH − 1024), what its limits@openssh.com reply announces. */
const largestWriteBytes = 255 * 1024;
/** Servers that announce no limit: the SFTP draft's safe size. */
const defaultWriteBytes = 32 * 1024;
const defaultReadTextMaxBytes = 64 * 1024;

export interface SftpFileSystemOptions {
  /** A single remote operation that gets no answer for this long cuts the connection (network error). */
  operationTimeoutMs?: number;
}

export class SftpFileSystem implements RemoteFileSystem {
  readonly protocol = 'sftp' as const;
  readonly passwordTravelsInClear = false;
  /** Fingerprint the server showed at the last connection attempt (even a refused one). */
  lastSeenFingerprint: string | null = null;

  private client: Client | null = null;
  private sftpClient: SftpClient | null = null;
  private sftp: SFTPWrapper | null = null;
  private lostConnection: ConnectorError | null = null;
  private readonly operationTimeoutMs: number;
  get host(): string {
    return this.config.host;
  }
  get port(): number {
    return this.config.port;
  }

  constructor(
    private readonly config: SftpConnectionConfig,
    options: SftpFileSystemOptions = {},
  ) {
    this.operationTimeoutMs = options.operationTimeoutMs ?? 60_000;
  }

  async connect(): Promise<void> {
    if (this.sftp) return;
    const { host, port } = this.config;
    // No global listeners that print: the CLI keeps stdout for its result.
    const quiet = () => undefined;
    const sftpClient = new SftpClient('dropdesk', { error: quiet, end: quiet, close: quiet });
    // The ssh2 Client it drives (untyped in @types/ssh2-sftp-client): events and destroy() come from it.
    const client = (sftpClient as unknown as { client: Client }).client;
    let hostKeyProblem: ConnectorError | null = null;
    // ssh2-sftp-client rewraps errors; the raw ssh2 error keeps the level (auth, socket) the classification reads.
    let rawError: unknown = null;
    let ready = false;
    this.lostConnection = null;

    client.on('error', (error: Error) => {
      if (!ready) rawError ??= error;
      else this.lostConnection ??= classifySftpError(error, { host, port, operation: 'connect' });
    });
    client.on('close', () => {
      this.lostConnection ??= new ConnectorError('network', { host, port, detail: 'connection closed' });
      this.sftp = null;
      this.client = null;
      this.sftpClient = null;
    });

    // Our own socket (ssh2 connects nothing itself when given one): each tick's SSH packets leave in one writev.
    const sock = connectCoalescingWrites({ host, port });
    sock.setMaxListeners(0);
    // ssh2 listens for the socket's errors from its connect() on; this one only keeps an error before that from crashing.
    sock.on('error', quiet);
    try {
      this.sftp = await sftpClient.connect({
        sock,
        host,
        port,
        username: this.config.username,
        password: this.config.password,
        privateKey: this.config.privateKey,
        passphrase: this.config.passphrase,
        readyTimeout: this.config.timeoutMs ?? defaultTimeoutMs,
        keepaliveInterval: 10_000,
        keepaliveCountMax: 3,
        hostVerifier: (key: Buffer) => {
          const fingerprint = sha256Fingerprint(key);
          this.lastSeenFingerprint = fingerprint;
          const pinned = this.config.pinnedHostKey;
          if (!pinned) {
            hostKeyProblem = new ConnectorError('host-key-unknown', { host, port, fingerprint });
            return false;
          }
          if (!sameFingerprint(pinned, fingerprint)) {
            hostKeyProblem = new ConnectorError('host-key-mismatch', { host, port, fingerprint, pinned });
            return false;
          }
          return true;
        },
      });
    } catch (error) {
      client.destroy();
      sock.destroy();
      throw hostKeyProblem ?? classifySftpError(rawError ?? error, { host, port, operation: 'connect' });
    }
    if (!this.sftp) {
      client.destroy();
      sock.destroy();
      throw hostKeyProblem ?? new ConnectorError('network', { host, port, detail: 'connection closed during login' });
    }
    ready = true;
    this.client = client;
    this.sftpClient = sftpClient;
  }

  async close(): Promise<void> {
    const client = this.client;
    const sftpClient = this.sftpClient;
    this.sftp = null;
    this.client = null;
    this.sftpClient = null;
    if (!client || !sftpClient) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        client.destroy();
        resolve();
      }, 2_000);
      sftpClient.end().then(
        () => {
          clearTimeout(timer);
          resolve();
        },
        () => {
          clearTimeout(timer);
          client.destroy();
          resolve();
        },
      );
    });
  }

  async list(folder: string): Promise<RemoteEntry[]> {
    const entries = await this.call<FileEntryWithStats[]>('list', folder, (sftp, done) => sftp.readdir(folder, done));
    return entries
      .filter((entry) => entry.filename !== '.' && entry.filename !== '..')
      .map((entry) => toRemoteEntry(entry.filename, entry.attrs));
  }

  async stat(path: string): Promise<RemoteEntry | null> {
    try {
      const stats = await this.call<Stats>('stat', path, (sftp, done) => sftp.stat(path, done));
      return toRemoteEntry(lastSegment(path), stats);
    } catch (error) {
      if (statusOf(error) === sftpStatus.noSuchFile) return null;
      throw error;
    }
  }

  async mkdirp(folder: string): Promise<void> {
    const absolute = folder.startsWith('/');
    const parts = folder.split('/').filter(Boolean);
    let current = absolute ? '' : '.';
    for (const part of parts) {
      current = absolute ? `${current}/${part}` : joinRemotePath(current, part);
      const existing = await this.stat(current);
      if (existing?.isDirectory) continue;
      const target = current;
      try {
        await this.call<void>('mkdir', target, (sftp, done) => sftp.mkdir(target, (error) => done(error)));
      } catch (error) {
        // Another client may have created it meanwhile.
        if (!(await this.stat(target))?.isDirectory) throw error;
      }
    }
  }

  async upload(path: string, source: UploadSource, options: UploadOptions = {}): Promise<void> {
    const handle = await this.call<Buffer>('upload', path, (sftp, done) => sftp.open(path, 'w', done));
    const writeChunkBytes = this.writeChunkBytes();
    let failure: unknown = null;
    let position = 0;
    let acknowledged = 0;
    const pending = new Set<Promise<void>>();
    try {
      for await (const chunk of chunksOf(source, writeChunkBytes)) {
        const offset = position;
        position += chunk.length;
        const write = this.call<void>('upload', path, (sftp, done) =>
          sftp.write(handle, chunk, 0, chunk.length, offset, (error) => done(error)),
        ).then(() => {
          acknowledged += chunk.length;
          options.onProgress?.(acknowledged);
        });
        pending.add(write);
        void write.finally(() => pending.delete(write)).catch(() => undefined);
        if (pending.size >= sftpWritesInFlight) await Promise.race(pending);
      }
      await Promise.all(pending);
    } catch (error) {
      failure = error;
      await Promise.allSettled(pending);
    }
    try {
      await this.call<void>('upload', path, (sftp, done) => sftp.close(handle, (error) => done(error)));
    } catch (error) {
      failure ??= error;
    }
    if (failure) throw failure;
  }

  async rename(from: string, to: string): Promise<void> {
    await this.call<void>('rename', to, (sftp, done) => sftp.rename(from, to, (error) => done(error)));
  }

  async remove(path: string): Promise<boolean> {
    try {
      await this.call<void>('remove', path, (sftp, done) => sftp.unlink(path, (error) => done(error)));
      return true;
    } catch (error) {
      if (statusOf(error) === sftpStatus.noSuchFile) return false;
      throw error;
    }
  }

  async download(path: string, destination: Writable): Promise<void> {
    const sftp = this.requireSftp('download', path);
    try {
      await pipeline(sftp.createReadStream(path), destination);
    } catch (error) {
      throw this.lostConnection ?? classifySftpError(error, this.context('download', path));
    }
  }

  async readText(path: string, maxBytes = defaultReadTextMaxBytes): Promise<string> {
    const entry = await this.stat(path);
    if (!entry) throw new ConnectorError('remote-refused', { ...this.context('download', path), detail: 'file not found' });
    if (entry.size > maxBytes) {
      throw new ConnectorError('remote-refused', { ...this.context('download', path), detail: `file larger than ${maxBytes} bytes` });
    }
    const chunks: Buffer[] = [];
    await this.download(
      path,
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk);
          callback();
        },
      }),
    );
    return Buffer.concat(chunks).toString('utf8');
  }

  /** The largest write the server takes in one request (ssh2 reads OpenSSH's limits extension at login). */
  private writeChunkBytes(): number {
    const announced = (this.sftp as unknown as { _maxWriteLen?: unknown } | null)?._maxWriteLen;
    if (typeof announced !== 'number' || !(announced > 0)) return defaultWriteBytes;
    return Math.min(announced, largestWriteBytes);
  }

  private context(operation: RemoteOperation, path?: string) {
    return { host: this.config.host, port: this.config.port, operation, path };
  }

  private requireSftp(operation: RemoteOperation, path: string): SFTPWrapper {
    if (this.sftp) return this.sftp;
    throw this.lostConnection ?? new ConnectorError('network', { ...this.context(operation, path), detail: 'not connected' });
  }

  /**
   * Runs one ssh2 callback call as a promise, classified, and bounded in time:
   * a server that stops answering is treated as a cut connection.
   */
  private call<T>(operation: RemoteOperation, path: string, run: (sftp: SFTPWrapper, done: (error: Error | null | undefined, value?: T) => void) => void): Promise<T> {
    const sftp = this.requireSftp(operation, path);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const error = new ConnectorError('network', { ...this.context(operation, path), detail: 'no answer from the server' });
        this.lostConnection ??= error;
        this.client?.destroy();
        reject(error);
      }, this.operationTimeoutMs);
      try {
        run(sftp, (error, value) => {
          clearTimeout(timer);
          if (error) {
            const classified = classifySftpError(error, this.context(operation, path));
            // A status-less failure after the connection dropped is the drop itself.
            reject(classified.kind === 'network' && this.lostConnection ? this.lostConnection : classified);
          } else resolve(value as T);
        });
      } catch (error) {
        clearTimeout(timer);
        reject(classifySftpError(error, this.context(operation, path)));
      }
    });
  }
}

function toRemoteEntry(name: string, stats: { mode: number; size: number; mtime: number }): RemoteEntry {
  const isDirectory = (stats.mode & 0o170000) === 0o040000;
  return { name, size: isDirectory ? 0 : stats.size, isDirectory, modifiedAt: new Date(stats.mtime * 1000) };
}

function lastSegment(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

function statusOf(error: unknown): number | undefined {
  const cause = error instanceof ConnectorError ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Yields the source in pieces of at most `size` bytes, from a Buffer or a stream. */
async function* chunksOf(source: UploadSource, size: number): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(source)) {
    for (let offset = 0; offset < source.length; offset += size) yield source.subarray(offset, offset + size);
    return;
  }
  for await (const piece of source as Readable) {
    const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as string);
    for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
  }
}
