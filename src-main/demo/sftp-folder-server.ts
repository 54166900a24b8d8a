/**
 * A small SFTP server (ssh2) that serves one real folder as '/', for the demo
 * MediasFlow box. Password login for one user, host key given by the caller,
 * listens on 127.0.0.1 only. Paths are confined to the folder; renames never
 * overwrite (like OpenSSH), so the exactly-once drop behaves as on a real server.
 */
import { promises as fsp, type Stats } from 'node:fs';
import { join, posix } from 'node:path';
import type { AddressInfo } from 'node:net';
import ssh2, { type Connection, type SFTPWrapper } from 'ssh2';
import { demoHost } from './demo-paths';
import { sftpStatusFor, toSftpAttrs } from './sftp-server-replies';

const { Server, utils } = ssh2;
const { STATUS_CODE, flagsToString } = utils.sftp;

export interface SftpFolderServerOptions {
  root: string;
  username: string;
  password: string;
  hostKey: string;
  /** 0 (default): a free port chosen by the system. */
  port?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface SftpFolderServer {
  host: string;
  port: number;
  stop(): Promise<void>;
}

type FileHandle = Awaited<ReturnType<typeof fsp.open>>;
type OpenEntry = { kind: 'file'; handle: FileHandle } | { kind: 'dir'; realPath: string; pending: string[] | null };

/** Entries per READDIR answer: keeps every packet well under the SFTP size limits. */
const namesPerPacket = 100;

export async function startSftpFolderServer(options: SftpFolderServerOptions): Promise<SftpFolderServer> {
  const connections = new Set<Connection>();
  const server = new Server({ hostKeys: [options.hostKey] }, (client) => {
    connections.add(client);
    client.on('close', () => connections.delete(client));
    client.on('error', (error) => options.log?.('[démo MediasFlow] connexion SFTP interrompue', error));
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password' && ctx.username === options.username && ctx.password === options.password) return ctx.accept();
      ctx.reject(['password']);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('sftp', (acceptSftp) => serveFolder(acceptSftp(), options.root, client));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, demoHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    host: demoHost,
    port,
    async stop() {
      for (const connection of connections) connection.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Real path of a client path, never outside the root ('/../x' is '/x'). */
function realPathIn(root: string, clientPath: string): string {
  return join(root, posix.normalize(`/${clientPath}`));
}

function serveFolder(sftp: SFTPWrapper, root: string, client: Connection): void {
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
      sftp.handle(reqid, newHandle({ kind: 'file', handle }));
    }),
  );

  sftp.on('WRITE', (reqid, handleBuffer, offset, data) =>
    run(reqid, async () => {
      const entry = open.get(idOf(handleBuffer));
      if (entry?.kind !== 'file') return void sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
      await entry.handle.write(data, 0, data.length, offset);
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
      // SFTP v3 rename never replaces an existing file (OpenSSH answers FAILURE).
      const exists = await fsp.lstat(real(to)).then(
        () => true,
        () => false,
      );
      if (exists) return void sftp.status(reqid, STATUS_CODE.FAILURE, 'Failure');
      await fsp.rename(real(from), real(to));
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
}


/** 'ls -l'-like line, shown by command-line clients such as OpenSSH's sftp. */
function longName(name: string, stats: Stats): string {
  const type = stats.isDirectory() ? 'd' : '-';
  const permissions = stats.isDirectory() ? 'rwxr-xr-x' : 'rw-r--r--';
  const date = stats.mtime.toISOString().slice(0, 16).replace('T', ' ');
  return `${type}${permissions} 1 demo demo ${String(stats.size).padStart(10)} ${date} ${name}`;
}

