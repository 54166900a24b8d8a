/**
 * RemoteFileSystem over FTP or explicit FTPS (AUTH TLS), on basic-ftp.
 */
import { Readable, Writable } from 'node:stream';
import { Client, type FileInfo } from 'basic-ftp';
import { ConnectorError } from './connector-error';
import { classifyFtpError } from './classify-ftp-error';
import type { RemoteOperation } from './classify-sftp-error';
import { defaultTimeoutMs, passwordTravelsInClear, type FtpConnectionConfig } from './connection-config';
import type { RemoteEntry, RemoteFileSystem, UploadOptions, UploadSource } from './remote-file-system';

const defaultReadTextMaxBytes = 64 * 1024;

export class FtpFileSystem implements RemoteFileSystem {
  readonly protocol: 'ftp' | 'ftps';
  readonly passwordTravelsInClear: boolean;

  private client: Client | null = null;
  private homeFolder = '/';
  get host(): string {
    return this.config.host;
  }
  get port(): number {
    return this.config.port;
  }

  constructor(private readonly config: FtpConnectionConfig) {
    this.protocol = config.secure ? 'ftps' : 'ftp';
    this.passwordTravelsInClear = passwordTravelsInClear(config);
  }

  async connect(): Promise<void> {
    if (this.client && !this.client.closed) return;
    const client = new Client(this.config.timeoutMs ?? defaultTimeoutMs);
    try {
      await client.access({
        host: this.config.host,
        port: this.config.port,
        user: this.config.username,
        password: this.config.password,
        secure: this.config.secure ? true : false,
        secureOptions: this.config.trustedCertificatePem ? { ca: [this.config.trustedCertificatePem] } : undefined,
      });
      this.homeFolder = await client.pwd();
    } catch (error) {
      client.close();
      throw this.classify(error, 'connect');
    }
    this.client = client;
  }

  async close(): Promise<void> {
    this.client?.close();
    this.client = null;
  }

  async list(folder: string): Promise<RemoteEntry[]> {
    const entries = await this.run('list', folder, (client) => client.list(folder));
    return entries.filter((entry) => entry.name !== '.' && entry.name !== '..').map(toRemoteEntry);
  }

  async stat(path: string): Promise<RemoteEntry | null> {
    // FTP has no portable STAT for one file: look the name up in its folder.
    const { folder, name } = splitPath(path);
    if (name === '') return { name: path, size: 0, isDirectory: true };
    let entries: RemoteEntry[];
    try {
      entries = await this.list(folder);
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'folder-missing') return null;
      throw error;
    }
    return entries.find((entry) => entry.name === name) ?? null;
  }

  async mkdirp(folder: string): Promise<void> {
    await this.run('mkdir', folder, async (client) => {
      await client.ensureDir(folder);
      // ensureDir leaves the working folder inside the new one; relative paths stay relative to the login folder.
      await client.cd(this.homeFolder);
    });
  }

  async upload(path: string, source: UploadSource, options: UploadOptions = {}): Promise<void> {
    const stream = Buffer.isBuffer(source) ? Readable.from([source]) : source;
    await this.run('upload', path, async (client) => {
      if (options.onProgress) client.trackProgress((info) => options.onProgress?.(info.bytes));
      try {
        await client.uploadFrom(stream, path);
      } finally {
        client.trackProgress();
      }
    });
  }

  async rename(from: string, to: string): Promise<void> {
    await this.run('rename', to, (client) => client.rename(from, to));
  }

  async remove(path: string): Promise<boolean> {
    try {
      await this.run('remove', path, (client) => client.remove(path));
      return true;
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'remote-refused' && (await this.stat(path)) === null) return false;
      throw error;
    }
  }

  async download(path: string, destination: Writable): Promise<void> {
    await this.run('download', path, (client) => client.downloadTo(destination, path));
  }

  async readText(path: string, maxBytes = defaultReadTextMaxBytes): Promise<string> {
    const entry = await this.stat(path);
    if (!entry) throw new ConnectorError('remote-refused', { host: this.config.host, port: this.config.port, path, detail: 'file not found' });
    if (entry.size > maxBytes) {
      throw new ConnectorError('remote-refused', { host: this.config.host, port: this.config.port, path, detail: `file larger than ${maxBytes} bytes` });
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

  private classify(error: unknown, operation: RemoteOperation, path?: string): ConnectorError {
    return classifyFtpError(error, { host: this.config.host, port: this.config.port, operation, path }, this.config.secure === true);
  }

  private async run<T>(operation: RemoteOperation, path: string, action: (client: Client) => Promise<T>): Promise<T> {
    const client = this.client;
    if (!client || client.closed) {
      throw new ConnectorError('network', { host: this.config.host, port: this.config.port, path, detail: 'not connected' });
    }
    try {
      return await action(client);
    } catch (error) {
      throw this.classify(error, operation, path);
    }
  }
}

function toRemoteEntry(info: FileInfo): RemoteEntry {
  return { name: info.name, size: info.isDirectory ? 0 : info.size, isDirectory: info.isDirectory, modifiedAt: info.modifiedAt };
}

function splitPath(path: string): { folder: string; name: string } {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return { folder: '.', name: trimmed };
  return { folder: slash === 0 ? '/' : trimmed.slice(0, slash), name: trimmed.slice(slash + 1) };
}
