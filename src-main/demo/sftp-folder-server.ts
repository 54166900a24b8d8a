/**
 * The one in-process SFTP server (ssh2's Server) of Dropdesk: it serves one
 * real folder as '/', for the demo MediasFlow box and for the tests
 * (test/integration/servers/sftp-test-server.ts only adds a temp folder and a
 * fresh host key). Password login for one user (and optionally one public
 * key), host key given by the caller, listens on 127.0.0.1 only. Paths are
 * confined to the folder; renames never overwrite (like OpenSSH), so the
 * exactly-once drop behaves as on a real server.
 *
 * Fault hooks (`faults`) let the tests cut the connection, stall writes,
 * refuse renames or report a full disk. They are all off by default and the
 * demo never sets them.
 */
import { EventEmitter } from 'node:events';
import { promises as fsp, type Stats } from 'node:fs';
import { join, posix } from 'node:path';
import type { AddressInfo } from 'node:net';
import ssh2, { type Connection, type ParsedKey, type SFTPWrapper } from 'ssh2';
import { demoHost } from './demo-paths';

const { Server, utils } = ssh2;
const { STATUS_CODE, flagsToString } = utils.sftp;

export interface SftpFaults {
  /** Destroy the TCP connection once a file being written would pass this many bytes. */
  cutConnectionAfterBytes?: number;
  /** Neither write nor answer a write that would pass this many bytes (the client hangs; used to kill it mid-upload). */
  stallWritesAfterBytes?: number;
  /** Answer FAILURE "No space left on device" once a file would pass this many bytes (like OpenSSH on ENOSPC). */
  diskFullAfterBytes?: number;
  /** Answer PERMISSION_DENIED to every RENAME. */
  refuseRename?: boolean;
  /** Runs after a successful rename, e.g. to move the file like a provider that processes it at once. */
  afterRename?: (virtualTarget: string) => Promise<void> | void;
}

export interface SftpFolderServerOptions {
  root: string;
  username: string;
  password: string;
  /** Private host key (OpenSSH or PEM text). */
  hostKey: string;
  /** OpenSSH public key also accepted for the user (tests of key login). */
  authorizedPublicKey?: string;
  /** 0 (default): a free port chosen by the system. */
  port?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface AuthAttempt {
  method: string;
  username: string;
}

/** Events: 'connection-cut' and 'write-stalled' ({ path, bytes }) when a fault hook fires. */
export interface SftpFolderServer extends EventEmitter {
  readonly host: string;
  readonly port: number;
  /** Off (empty) by default; tests set and delete fields at will. */
  readonly faults: SftpFaults;
  /** Every authentication attempt, in order (a test proves a wrong host key never reaches the password). */
  readonly authAttempts: AuthAttempt[];
  /** Destroys every client's TCP connection at once, without a goodbye (a fault hook for tests). */
  cutConnections(): void;
  stop(): Promise<void>;
}

type FileHandle = Awaited<ReturnType<typeof fsp.open>>;
type OpenEntry = { kind: 'file'; handle: FileHandle; virtualPath: string; highestByte: number } | { kind: 'dir'; realPath: string; pending: string[] | null };

/** Entries per READDIR answer: keeps every packet well under the SFTP size limits. */
const namesPerPacket = 100;

class FolderServer extends EventEmitter implements SftpFolderServer {
  readonly host = demoHost;
  port = 0;
  readonly faults: SftpFaults = {};
  readonly authAttempts: AuthAttempt[] = [];
  readonly server: InstanceType<typeof Server>;
  private readonly connections = new Set<Connection>();

  constructor(private readonly options: SftpFolderServerOptions) {
    super();
    const allowedKey = options.authorizedPublicKey ? (utils.parseKey(options.authorizedPublicKey) as ParsedKey) : null;
    this.server = new Server({ hostKeys: [options.hostKey] }, (client) => {
      this.connections.add(client);
      client.on('close', () => this.connections.delete(client));
      client.on('error', (error) => options.log?.('[démo MediasFlow] connexion SFTP interrompue', error));
      client.on('authentication', (ctx) => {
        this.authAttempts.push({ method: ctx.method, username: ctx.username });
        if (ctx.username !== options.username) return ctx.reject(allowedKey ? ['password', 'publickey'] : ['password']);
        if (ctx.method === 'password' && ctx.password === options.password) return ctx.accept();
        if (ctx.method === 'publickey' && allowedKey) {
          const sameKey = ctx.key.algo === allowedKey.type && ctx.key.data.equals(allowedKey.getPublicSSH());
          if (sameKey && (!ctx.signature || allowedKey.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) === true)) return ctx.accept();
        }
        ctx.reject(allowedKey ? ['password', 'publickey'] : ['password']);
      });
      client.on('ready', () => {
        client.on('session', (acceptSession) => {
          const session = acceptSession();
          session.on('sftp', (acceptSftp) => this.serveFolder(acceptSftp(), client));
        });
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, demoHost, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  cutConnections(): void {
    for (const connection of this.connections) destroySocket(connection);
  }

  async stop(): Promise<void> {
    for (const connection of this.connections) connection.end();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serveFolder(sftp: SFTPWrapper, client: Connection): void {
    const root = this.options.root;
    const open = new Map<number, OpenEntry>();
    let nextId = 1;
    const real = (path: string) => realPathIn(root, path);
    const newHandle = (entry: OpenEntry): Buffer => {
      const id = nextId++;
      open.set(id, entry);
      const buffer = Buffer.alloc(4);
      buffer.writeUInt32BE(id);
      return buffer;
    };
    const idOf = (handle: Buffer) => (handle.length === 4 ? handle.readUInt32BE(0) : -1);
    const fail = (reqid: number, error: unknown) => sftp.status(reqid, sftpStatusFor(error), (error as Error).message ?? 'Failure');
    const run = (reqid: number, action: () => Promise<void>) => {
      action().catch((error) => fail(reqid, error));
    };
    const cut = () => destroySocket(client);

    client.on('close', () => {
      for (const entry of open.values()) if (entry.kind === 'file') void entry.handle.close().catch(() => undefined);
      open.clear();
    });

    sftp.on('REALPATH', (reqid, path) => {
      const normalised = posix.normalize(`/${path}`);
      sftp.name(reqid, [{ filename: normalised, longname: normalised, attrs: {} as never }]);
    });

    sftp.on('OPEN', (reqid, filename, flags) =>
      run(reqid, async () => {
        const handle = await fsp.open(real(filename), flagsToString(flags) ?? 'r');
        sftp.handle(reqid, newHandle({ kind: 'file', handle, virtualPath: posix.normalize(`/${filename}`), highestByte: 0 }));
      }),
    );

    sftp.on('WRITE', (reqid, handleBuffer, offset, data) =>
      run(reqid, async () => {
        const entry = open.get(idOf(handleBuffer));
        if (entry?.kind !== 'file') return void sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
        const end = offset + data.length;
        const { cutConnectionAfterBytes, stallWritesAfterBytes, diskFullAfterBytes } = this.faults;
        if (cutConnectionAfterBytes !== undefined && end > cutConnectionAfterBytes) {
          this.emit('connection-cut', { path: entry.virtualPath, bytes: entry.highestByte });
          return cut();
        }
        if (diskFullAfterBytes !== undefined && end > diskFullAfterBytes) {
          return void sftp.status(reqid, STATUS_CODE.FAILURE, 'No space left on device');
        }
        if (stallWritesAfterBytes !== undefined && end > stallWritesAfterBytes) {
          // Like a link that stops carrying anything: the bytes never land and no answer comes.
          this.emit('write-stalled', { path: entry.virtualPath, bytes: entry.highestByte });
          return;
        }
        await entry.handle.write(data, 0, data.length, offset);
        entry.highestByte = Math.max(entry.highestByte, end);
        sftp.status(reqid, STATUS_CODE.OK);
      }),
    );

    sftp.on('READ', (reqid, handleBuffer, offset, length) =>
      run(reqid, async () => {
        const entry = open.get(idOf(handleBuffer));
        if (entry?.kind !== 'file') return void sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await entry.handle.read(buffer, 0, length, offset);
        if (bytesRead === 0) return void sftp.status(reqid, STATUS_CODE.EOF);
        sftp.data(reqid, buffer.subarray(0, bytesRead));
      }),
    );

    sftp.on('CLOSE', (reqid, handleBuffer) =>
      run(reqid, async () => {
        const id = idOf(handleBuffer);
        const entry = open.get(id);
        if (!entry) return void sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
        open.delete(id);
        if (entry.kind === 'file') await entry.handle.close();
        sftp.status(reqid, STATUS_CODE.OK);
      }),
    );

    sftp.on('FSTAT', (reqid, handleBuffer) =>
      run(reqid, async () => {
        const entry = open.get(idOf(handleBuffer));
        if (entry?.kind !== 'file') return void sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
        sftp.attrs(reqid, toSftpAttrs(await entry.handle.stat()));
      }),
    );

    sftp.on('STAT', (reqid, path) => run(reqid, async () => sftp.attrs(reqid, toSftpAttrs(await fsp.stat(real(path))))));
    sftp.on('LSTAT', (reqid, path) => run(reqid, async () => sftp.attrs(reqid, toSftpAttrs(await fsp.lstat(real(path))))));
    // Times and modes sent by clients are ignored: the demo's clock decides what a file's age is.
    sftp.on('SETSTAT', (reqid) => sftp.status(reqid, STATUS_CODE.OK));
    sftp.on('FSETSTAT', (reqid) => sftp.status(reqid, STATUS_CODE.OK));

    sftp.on('OPENDIR', (reqid, path) =>
      run(reqid, async () => {
        const realPath = real(path);
        if (!(await fsp.stat(realPath)).isDirectory()) return void sftp.status(reqid, STATUS_CODE.FAILURE, 'not a directory');
        sftp.handle(reqid, newHandle({ kind: 'dir', realPath, pending: null }));
      }),
    );

    sftp.on('READDIR', (reqid, handleBuffer) =>
      run(reqid, async () => {
        const entry = open.get(idOf(handleBuffer));
        if (entry?.kind !== 'dir') return void sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
        entry.pending ??= await fsp.readdir(entry.realPath);
        const names = [];
        while (entry.pending.length > 0 && names.length < namesPerPacket) {
          const name = entry.pending.shift()!;
          const stats = await fsp.lstat(join(entry.realPath, name)).catch(() => null);
          if (stats) names.push({ filename: name, longname: longName(name, stats), attrs: toSftpAttrs(stats) });
        }
        if (names.length === 0) return void sftp.status(reqid, STATUS_CODE.EOF);
        sftp.name(reqid, names);
      }),
    );

    const answerOk = (reqid: number, action: () => Promise<unknown>) =>
      run(reqid, async () => {
        await action();
        sftp.status(reqid, STATUS_CODE.OK);
      });
    sftp.on('MKDIR', (reqid, path) => answerOk(reqid, () => fsp.mkdir(real(path))));
    sftp.on('RMDIR', (reqid, path) => answerOk(reqid, () => fsp.rmdir(real(path))));
    sftp.on('REMOVE', (reqid, path) => answerOk(reqid, () => fsp.unlink(real(path))));

    sftp.on('RENAME', (reqid, from, to) =>
      run(reqid, async () => {
        if (this.faults.refuseRename) return void sftp.status(reqid, STATUS_CODE.PERMISSION_DENIED, 'Permission denied');
        // SFTP v3 rename never replaces an existing file (OpenSSH answers FAILURE).
        const exists = await fsp.lstat(real(to)).then(
          () => true,
          () => false,
        );
        if (exists) return void sftp.status(reqid, STATUS_CODE.FAILURE, 'Failure');
        await fsp.rename(real(from), real(to));
        await this.faults.afterRename?.(posix.normalize(`/${to}`));
        sftp.status(reqid, STATUS_CODE.OK);
      }),
    );
  }
}

export async function startSftpFolderServer(options: SftpFolderServerOptions): Promise<SftpFolderServer> {
  const server = new FolderServer(options);
  await server.listen();
  return server;
}

/** ssh2 keeps the socket private; destroying it is what a cable cut looks like to the client. */
function destroySocket(connection: Connection): void {
  (connection as unknown as { _sock: { destroy(): void } })._sock.destroy();
}

/** Real path of a client path, never outside the root ('/../x' is '/x'). */
function realPathIn(root: string, clientPath: string): string {
  return join(root, posix.normalize(`/${clientPath}`));
}

function toSftpAttrs(stats: Stats) {
  return {
    mode: stats.mode,
    uid: stats.uid,
    gid: stats.gid,
    size: stats.size,
    atime: Math.floor(stats.atimeMs / 1000),
    mtime: Math.floor(stats.mtimeMs / 1000),
  };
}

/** SFTP status for a failed fs call: missing → NO_SUCH_FILE, refused → PERMISSION_DENIED, else FAILURE. */
function sftpStatusFor(error: unknown): number {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return STATUS_CODE.NO_SUCH_FILE;
    case 'EACCES':
    case 'EPERM':
      return STATUS_CODE.PERMISSION_DENIED;
    default:
      return STATUS_CODE.FAILURE;
  }
}

/** 'ls -l'-like line, shown by command-line clients such as OpenSSH's sftp. */
function longName(name: string, stats: Stats): string {
  const type = stats.isDirectory() ? 'd' : '-';
  const permissions = stats.isDirectory() ? 'rwxr-xr-x' : 'rw-r--r--';
  const date = stats.mtime.toISOString().slice(0, 16).replace('T', ' ');
  return `${type}${permissions} 1 demo demo ${String(stats.size).padStart(10)} ${date} ${name}`;
}
