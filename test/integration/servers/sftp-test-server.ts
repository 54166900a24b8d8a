/**
 * An in-process SFTP server (ssh2's Server) on 127.0.0.1, port from the OS,
 * serving a real temp folder, with fault hooks the fault tests flip at will:
 * cut the connection after N bytes, stall writes, refuse renames, report a
 * full disk, and simulate a provider that processes a dropped file at once.
 */
import { EventEmitter } from 'node:events';
import { promises as fsp, constants as fsConstants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { AddressInfo } from 'node:net';
import ssh2, { type Connection, type SFTPWrapper, type ParsedKey } from 'ssh2';
import { sha256Fingerprint } from '../../../src-main/connectors/host-key';
import { sftpStatusFor, toSftpAttrs } from '../../../src-main/demo/sftp-server-replies';

const { Server, utils } = ssh2;
const { STATUS_CODE, flagsToString } = utils.sftp;

export interface SftpFaults {
  /** Destroy the TCP connection once a file being written would pass this many bytes. */
  cutConnectionAfterBytes?: number;
  /** Write the data but never answer once a file passes this many bytes (the client hangs; used to kill it mid-upload). */
  stallWritesAfterBytes?: number;
  /** Answer FAILURE "No space left on device" once a file would pass this many bytes (like OpenSSH on ENOSPC). */
  diskFullAfterBytes?: number;
  /** Answer PERMISSION_DENIED to every RENAME. */
  refuseRename?: boolean;
  /** Runs after a successful rename, e.g. to move the file like a provider that processes it at once. */
  afterRename?: (virtualTarget: string, server: SftpTestServer) => Promise<void> | void;
}

export interface SftpTestServerOptions {
  username?: string;
  password?: string;
  /** OpenSSH public key accepted for the user, besides the password. */
  authorizedPublicKey?: string;
}

export interface AuthAttempt {
  method: string;
  username: string;
}

interface OpenFile {
  kind: 'file';
  handle: FileHandleLike;
  virtualPath: string;
  highestByte: number;
}
interface OpenDir {
  kind: 'dir';
  virtualPath: string;
  entries: string[] | null;
}
type FileHandleLike = Awaited<ReturnType<typeof fsp.open>>;

export class SftpTestServer extends EventEmitter {
  readonly faults: SftpFaults = {};
  readonly authAttempts: AuthAttempt[] = [];
  readonly hostKeyFingerprint: string;
  port = 0;
  readonly host = '127.0.0.1';
  readonly username: string;
  readonly password: string;

  private readonly server: InstanceType<typeof Server>;
  private readonly connections = new Set<Connection>();

  private constructor(
    readonly root: string,
    options: SftpTestServerOptions,
  ) {
    super();
    this.username = options.username ?? 'dropdesk';
    this.password = options.password ?? 'secret-password';
    const hostKey = utils.generateKeyPairSync('ed25519');
    const parsed = utils.parseKey(hostKey.public) as ParsedKey;
    this.hostKeyFingerprint = sha256Fingerprint(parsed.getPublicSSH());
    const allowedKey = options.authorizedPublicKey ? (utils.parseKey(options.authorizedPublicKey) as ParsedKey) : null;

    this.server = new Server({ hostKeys: [hostKey.private] }, (client) => {
      this.connections.add(client);
      client.on('close', () => this.connections.delete(client));
      client.on('error', () => undefined);
      client.on('authentication', (ctx) => {
        this.authAttempts.push({ method: ctx.method, username: ctx.username });
        if (ctx.username === this.username && ctx.method === 'password' && ctx.password === this.password) return ctx.accept();
        if (ctx.username === this.username && ctx.method === 'publickey' && allowedKey) {
          const sameKey = ctx.key.algo === allowedKey.type && ctx.key.data.equals(allowedKey.getPublicSSH());
          if (sameKey && (!ctx.signature || allowedKey.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) === true)) return ctx.accept();
        }
        ctx.reject(['password', 'publickey']);
      });
      client.on('ready', () => {
        client.on('session', (acceptSession) => {
          const session = acceptSession();
          session.on('sftp', (acceptSftp) => this.serveSftp(client, acceptSftp()));
        });
      });
    });
  }

  static async start(options: SftpTestServerOptions = {}): Promise<SftpTestServer> {
    const root = await mkdtemp(join(tmpdir(), 'dropdesk-sftp-'));
    const server = new SftpTestServer(root, options);
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    server.port = (server.server.address() as AddressInfo).port;
    return server;
  }

  async stop(): Promise<void> {
    for (const connection of this.connections) connection.end();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await rm(this.root, { recursive: true, force: true });
  }

  /** Real path of a virtual server path, confined to the root. */
  realPath(virtualPath: string): string {
    return join(this.root, posix.normalize(`/${virtualPath}`));
  }

  async mkdirs(...virtualFolders: string[]): Promise<void> {
    for (const folder of virtualFolders) await fsp.mkdir(this.realPath(folder), { recursive: true });
  }

  /** Names in a virtual folder ([] when it does not exist). */
  async names(virtualFolder: string): Promise<string[]> {
    try {
      return (await fsp.readdir(this.realPath(virtualFolder))).sort();
    } catch {
      return [];
    }
  }

  private serveSftp(client: Connection, sftp: SFTPWrapper): void {
    const open = new Map<number, OpenFile | OpenDir>();
    let nextHandle = 1;
    const toHandle = (id: number) => {
      const buffer = Buffer.alloc(4);
      buffer.writeUInt32BE(id);
      return buffer;
    };
    const fromHandle = (buffer: Buffer) => (buffer.length === 4 ? buffer.readUInt32BE(0) : -1);
    const fail = (reqid: number, error: unknown) => sftp.status(reqid, sftpStatusFor(error), messageFor(error));
    const cut = () => (client as unknown as { _sock: { destroy(): void } })._sock.destroy();

    client.on('close', () => {
      for (const entry of open.values()) if (entry.kind === 'file') void entry.handle.close().catch(() => undefined);
      open.clear();
    });

    sftp.on('REALPATH', (reqid, path) => {
      const normalised = posix.normalize(`/${path}`);
      sftp.name(reqid, [{ filename: normalised, longname: normalised, attrs: {} as never }]);
    });

    sftp.on('OPEN', async (reqid, filename, flags) => {
      try {
        const mode = flagsToString(flags) ?? 'r';
        const handle = await fsp.open(this.realPath(filename), mode);
        const id = nextHandle++;
        open.set(id, { kind: 'file', handle, virtualPath: posix.normalize(`/${filename}`), highestByte: 0 });
        sftp.handle(reqid, toHandle(id));
      } catch (error) {
        fail(reqid, error);
      }
    });

    sftp.on('WRITE', async (reqid, handleBuffer, offset, data) => {
      const entry = open.get(fromHandle(handleBuffer));
      if (!entry || entry.kind !== 'file') return sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
      const end = offset + data.length;
      const { cutConnectionAfterBytes, stallWritesAfterBytes, diskFullAfterBytes } = this.faults;
      if (cutConnectionAfterBytes !== undefined && end > cutConnectionAfterBytes) {
        this.emit('connection-cut', { path: entry.virtualPath, bytes: entry.highestByte });
        return cut();
      }
      if (diskFullAfterBytes !== undefined && end > diskFullAfterBytes) {
        return sftp.status(reqid, STATUS_CODE.FAILURE, 'No space left on device');
      }
      try {
        await entry.handle.write(data, 0, data.length, offset);
        entry.highestByte = Math.max(entry.highestByte, end);
        if (stallWritesAfterBytes !== undefined && end > stallWritesAfterBytes) {
          this.emit('write-stalled', { path: entry.virtualPath, bytes: entry.highestByte });
          return; // never answer
        }
        sftp.status(reqid, STATUS_CODE.OK);
      } catch (error) {
        fail(reqid, error);
      }
    });

    sftp.on('READ', async (reqid, handleBuffer, offset, length) => {
      const entry = open.get(fromHandle(handleBuffer));
      if (!entry || entry.kind !== 'file') return sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
      try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await entry.handle.read(buffer, 0, length, offset);
        if (bytesRead === 0) return sftp.status(reqid, STATUS_CODE.EOF);
        sftp.data(reqid, buffer.subarray(0, bytesRead));
      } catch (error) {
        fail(reqid, error);
      }
    });

    sftp.on('CLOSE', async (reqid, handleBuffer) => {
      const id = fromHandle(handleBuffer);
      const entry = open.get(id);
      if (!entry) return sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
      open.delete(id);
      try {
        if (entry.kind === 'file') await entry.handle.close();
        sftp.status(reqid, STATUS_CODE.OK);
      } catch (error) {
        fail(reqid, error);
      }
    });

    sftp.on('FSTAT', async (reqid, handleBuffer) => {
      const entry = open.get(fromHandle(handleBuffer));
      if (!entry || entry.kind !== 'file') return sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
      try {
        sftp.attrs(reqid, toSftpAttrs(await entry.handle.stat()));
      } catch (error) {
        fail(reqid, error);
      }
    });

    const statHandler = (follow: boolean) => async (reqid: number, path: string) => {
      try {
        const stats = follow ? await fsp.stat(this.realPath(path)) : await fsp.lstat(this.realPath(path));
        sftp.attrs(reqid, toSftpAttrs(stats));
      } catch (error) {
        fail(reqid, error);
      }
    };
    sftp.on('STAT', statHandler(true));
    sftp.on('LSTAT', statHandler(false));
    sftp.on('SETSTAT', (reqid) => sftp.status(reqid, STATUS_CODE.OK));
    sftp.on('FSETSTAT', (reqid) => sftp.status(reqid, STATUS_CODE.OK));

    sftp.on('OPENDIR', async (reqid, path) => {
      try {
        const stats = await fsp.stat(this.realPath(path));
        if (!stats.isDirectory()) return sftp.status(reqid, STATUS_CODE.FAILURE, 'not a directory');
        const id = nextHandle++;
        open.set(id, { kind: 'dir', virtualPath: posix.normalize(`/${path}`), entries: null });
        sftp.handle(reqid, toHandle(id));
      } catch (error) {
        fail(reqid, error);
      }
    });

    sftp.on('READDIR', async (reqid, handleBuffer) => {
      const entry = open.get(fromHandle(handleBuffer));
      if (!entry || entry.kind !== 'dir') return sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
      if (entry.entries !== null) return sftp.status(reqid, STATUS_CODE.EOF);
      try {
        const realFolder = this.realPath(entry.virtualPath);
        entry.entries = await fsp.readdir(realFolder);
        const names = [];
        for (const name of entry.entries) {
          const stats = await fsp.lstat(join(realFolder, name)).catch(() => null);
          if (stats) names.push({ filename: name, longname: name, attrs: toSftpAttrs(stats) });
        }
        if (names.length === 0) return sftp.status(reqid, STATUS_CODE.EOF);
        sftp.name(reqid, names);
      } catch (error) {
        fail(reqid, error);
      }
    });

    sftp.on('MKDIR', async (reqid, path) => {
      try {
        await fsp.mkdir(this.realPath(path));
        sftp.status(reqid, STATUS_CODE.OK);
      } catch (error) {
        fail(reqid, error);
      }
    });

    sftp.on('RMDIR', async (reqid, path) => {
      try {
        await fsp.rmdir(this.realPath(path));
        sftp.status(reqid, STATUS_CODE.OK);
      } catch (error) {
        fail(reqid, error);
      }
    });

    sftp.on('REMOVE', async (reqid, path) => {
      try {
        await fsp.unlink(this.realPath(path));
        sftp.status(reqid, STATUS_CODE.OK);
      } catch (error) {
        fail(reqid, error);
      }
    });

    sftp.on('RENAME', async (reqid, from, to) => {
      if (this.faults.refuseRename) return sftp.status(reqid, STATUS_CODE.PERMISSION_DENIED, 'Permission denied');
      try {
        // Like OpenSSH's plain rename: never overwrite an existing file.
        const exists = await fsp.access(this.realPath(to), fsConstants.F_OK).then(
          () => true,
          () => false,
        );
        if (exists) return sftp.status(reqid, STATUS_CODE.FAILURE, 'Failure');
        await fsp.rename(this.realPath(from), this.realPath(to));
        await this.faults.afterRename?.(posix.normalize(`/${to}`), this);
        sftp.status(reqid, STATUS_CODE.OK);
      } catch (error) {
        fail(reqid, error);
      }
    });
  }
}



function messageFor(error: unknown): string {
  return (error as Error).message ?? 'Failure';
}
