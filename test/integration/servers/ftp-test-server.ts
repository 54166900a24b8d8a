/**
 * An ftp-srv server on 127.0.0.1 (control port from the OS, passive ports in
 * a high range) backed by a temp folder, optionally with explicit FTPS, and
 * with fault hooks: cut the connection mid-upload, refuse renames, full disk.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type FtpSrv from 'ftp-srv';
import { FileSystem, type FtpConnection } from 'ftp-srv';
import { createFtpSrvWithoutSignalHandlers } from '../../../src-main/demo/ftp-srv-without-signal-handlers';

export interface FtpFaults {
  /** Destroy the control and data connections once an upload passes this many bytes. */
  cutConnectionAfterBytes?: number;
  /** Answer "550 No space left on device" at the end of an upload that passed this many bytes (the file keeps the first bytes). */
  diskFullAfterBytes?: number;
  /** Refuse every rename (550 Permission denied). */
  refuseRename?: boolean;
  /** Runs after a successful rename (virtual target path), e.g. to simulate the provider's processing. */
  afterRename?: (virtualTarget: string, server: FtpTestServer) => Promise<void> | void;
}

export interface FtpTestServerOptions {
  username?: string;
  password?: string;
  /** Offer explicit FTPS (AUTH TLS) with a self-signed certificate for 127.0.0.1 (needs the openssl command). */
  tls?: boolean;
}

const silentLog = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  fatal: () => undefined,
  child() {
    return silentLog;
  },
};

export function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function makeSelfSignedCertificate(folder: string): { key: string; cert: string } {
  const keyPath = join(folder, 'key.pem');
  const certPath = join(folder, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
    { stdio: 'ignore' },
  );
  return { key: keyPath, cert: certPath };
}

export class FtpTestServer {
  readonly faults: FtpFaults = {};
  readonly host = '127.0.0.1';
  port = 0;
  readonly username: string;
  readonly password: string;
  /** PEM of the self-signed certificate, when started with tls. */
  certificatePem: string | null = null;
  loginAttempts = 0;
  private ftp!: FtpSrv;

  private constructor(
    readonly root: string,
    private readonly scratch: string,
    options: FtpTestServerOptions,
  ) {
    this.username = options.username ?? 'dropdesk';
    this.password = options.password ?? 'secret-password';
  }

  static async start(options: FtpTestServerOptions = {}): Promise<FtpTestServer> {
    const scratch = await mkdtemp(join(tmpdir(), 'dropdesk-ftp-'));
    const root = join(scratch, 'root');
    await mkdir(root);
    const server = new FtpTestServer(root, scratch, options);
    let tls: { key: Buffer; cert: Buffer } | false = false;
    if (options.tls) {
      const paths = makeSelfSignedCertificate(scratch);
      tls = { key: await readFile(paths.key), cert: await readFile(paths.cert) };
      server.certificatePem = tls.cert.toString('utf8');
    }
    // Passive ports: a random slice of a high range so parallel test files rarely collide (ftp-srv skips busy ports).
    const pasvMin = 40_000 + Math.floor(Math.random() * 20_000);
    server.ftp = createFtpSrvWithoutSignalHandlers({
      url: 'ftp://127.0.0.1:0',
      pasv_url: '127.0.0.1',
      pasv_min: pasvMin,
      pasv_max: pasvMin + 500,
      anonymous: false,
      greeting: 'Dropdesk test FTP',
      tls,
      log: silentLog,
    });
    server.ftp.on('login', ({ connection, username, password }, resolve, reject) => {
      server.loginAttempts += 1;
      if (username === server.username && password === server.password) {
        resolve({ fs: new FaultyFileSystem(connection, { root, cwd: '/' }, server) });
      } else reject(new Error('Login incorrect'));
    });
    await server.ftp.listen();
    server.port = ((server.ftp as unknown as { server: { address(): AddressInfo } }).server.address()).port;
    return server;
  }

  async stop(): Promise<void> {
    await this.ftp.close().catch(() => undefined);
    await rm(this.scratch, { recursive: true, force: true });
  }

  realPath(virtualPath: string): string {
    return join(this.root, posix.normalize(`/${virtualPath}`));
  }

  async mkdirs(...virtualFolders: string[]): Promise<void> {
    for (const folder of virtualFolders) await mkdir(this.realPath(folder), { recursive: true });
  }

  async names(virtualFolder: string): Promise<string[]> {
    try {
      return (await readdir(this.realPath(virtualFolder))).sort();
    } catch {
      return [];
    }
  }

  /** Drops every client connection, as a network cut would. */
  cutAllConnections(): void {
    const connections = (this.ftp as unknown as { connections: Record<string, { commandSocket?: { destroy(): void }; connector?: { socket?: { destroy(): void } } }> }).connections;
    for (const connection of Object.values(connections)) {
      connection.connector?.socket?.destroy();
      connection.commandSocket?.destroy();
    }
  }
}

class FaultyFileSystem extends FileSystem {
  constructor(
    connection: FtpConnection,
    options: { root: string; cwd: string },
    private readonly server: FtpTestServer,
  ) {
    super(connection, options);
  }

  override write(fileName: string, options?: { append?: boolean; start?: unknown }): { stream: Writable; clientPath: string } {
    const { stream: inner, clientPath } = super.write(fileName, options) as { stream: Writable; clientPath: string };
    const server = this.server;
    let written = 0;
    let noSpace = false;
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        const { cutConnectionAfterBytes, diskFullAfterBytes } = server.faults;
        if (diskFullAfterBytes !== undefined && written > diskFullAfterBytes) {
          // Like a server that checks its quota when the file is closed: the reply comes after the transfer.
          noSpace = true;
          callback();
          return;
        }
        if (cutConnectionAfterBytes !== undefined && written > cutConnectionAfterBytes) {
          server.cutAllConnections();
          callback();
          return;
        }
        inner.write(chunk, callback);
      },
      final(callback) {
        if (noSpace) {
          inner.end(() => callback(new Error('No space left on device')));
          return;
        }
        inner.end(callback);
      },
      destroy(error, callback) {
        inner.destroy();
        callback(error);
      },
    });
    return { stream, clientPath };
  }

  override async rename(from: string, to: string): Promise<unknown> {
    if (this.server.faults.refuseRename) throw new Error('Permission denied');
    const result = await super.rename(from, to);
    const target = posix.isAbsolute(to) ? posix.normalize(to) : posix.join(this.currentDirectory(), to);
    await this.server.faults.afterRename?.(target, this.server);
    return result;
  }
}
