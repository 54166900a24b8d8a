/**
 * The tests' SFTP server: Dropdesk's one in-process SFTP server
 * (src-main/demo/sftp-folder-server.ts, the demo box's) on 127.0.0.1, port
 * from the OS, serving a fresh temp folder with a fresh host key. Its fault
 * hooks (`faults`: cut the connection after N bytes, stall writes, refuse
 * renames, full disk, run something after a rename) are flipped by the tests.
 */
import { EventEmitter } from 'node:events';
import { promises as fsp } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import ssh2, { type ParsedKey } from 'ssh2';
import { sha256Fingerprint } from '../../../src-main/connectors/host-key';
import { startSftpFolderServer, type AuthAttempt, type SftpFaults, type SftpFolderServer } from '../../../src-main/demo/sftp-folder-server';
import { generateSshKeyPair } from '../../../src-main/demo/demo-host-key';

export type { AuthAttempt, SftpFaults };

export interface SftpTestServerOptions {
  username?: string;
  password?: string;
  /** OpenSSH public key accepted for the user, besides the password. */
  authorizedPublicKey?: string;
}

/** Emits the folder server's 'connection-cut' and 'write-stalled' events. */
export class SftpTestServer extends EventEmitter {
  readonly host = '127.0.0.1';

  private constructor(
    readonly root: string,
    readonly username: string,
    readonly password: string,
    readonly hostKeyFingerprint: string,
    private readonly server: SftpFolderServer,
  ) {
    super();
    for (const event of ['connection-cut', 'write-stalled']) server.on(event, (detail) => this.emit(event, detail));
  }

  get port(): number {
    return this.server.port;
  }

  get faults(): SftpFaults {
    return this.server.faults;
  }

  get authAttempts(): AuthAttempt[] {
    return this.server.authAttempts;
  }

  /** Cuts every client's TCP connection at once (a cable cut, as the client sees it). */
  cutConnections(): void {
    this.server.cutConnections();
  }

  static async start(options: SftpTestServerOptions = {}): Promise<SftpTestServer> {
    const root = await mkdtemp(join(tmpdir(), 'dropdesk-sftp-'));
    const username = options.username ?? 'dropdesk';
    const password = options.password ?? 'secret-password';
    const hostKey = generateSshKeyPair();
    const fingerprint = sha256Fingerprint((ssh2.utils.parseKey(hostKey.public) as ParsedKey).getPublicSSH());
    const server = await startSftpFolderServer({ root, username, password, hostKey: hostKey.private, authorizedPublicKey: options.authorizedPublicKey });
    return new SftpTestServer(root, username, password, fingerprint, server);
  }

  async stop(): Promise<void> {
    await this.server.stop();
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
}
