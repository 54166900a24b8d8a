/**
 * Starts Debian's OpenSSH sshd on 127.0.0.1 with a throw-away config: a
 * generated host key, key-only login for the current user (root on CI, where
 * PermitRootLogin prohibit-password allows exactly that), internal-sftp only.
 * Nothing of the machine's own sshd setup is read or changed, except creating
 * the privilege-separation folder /run/sshd that Debian's sshd needs as root.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import ssh2, { type ParsedKey } from 'ssh2';
import { sha256Fingerprint } from '../../../src-main/connectors/host-key';
import { generateSshKeyPair } from '../../../src-main/demo/demo-host-key';
import { freePort, stopDaemon, waitUntilListening } from './daemon-process';

const { utils } = ssh2;

const sshdCandidates = ['/usr/sbin/sshd', '/usr/local/sbin/sshd', '/sbin/sshd'];

export function findSshd(): string | null {
  for (const candidate of sshdCandidates) if (existsSync(candidate)) return candidate;
  try {
    const found = execFileSync('sh', ['-c', 'command -v sshd'], { encoding: 'utf8' }).trim();
    return found || null;
  } catch {
    return null;
  }
}

/** Why this machine cannot run the real-sshd tests, or null when it can. */
export function sshdUnavailableReason(): string | null {
  const sshd = findSshd();
  if (!sshd) return 'OpenSSH sshd is not installed (apt-get install openssh-server)';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && !existsSync('/run/sshd')) {
    try {
      mkdirSync('/run/sshd', { mode: 0o755 });
    } catch (error) {
      return `sshd needs /run/sshd and it cannot be created: ${(error as Error).message}`;
    }
  }
  return null;
}

export class OpenSshTestServer {
  readonly host = '127.0.0.1';
  port = 0;
  readonly username = userInfo().username;
  /** Fingerprint of the generated host key, computed from the public key. */
  hostKeyFingerprint = '';
  /** OpenSSH private key accepted for `username`. */
  clientPrivateKey = '';
  /** Folder the tests drop into (absolute path, same on the server since it is this machine). */
  readonly dropRoot: string;
  private process: ChildProcess | null = null;
  private stderr = '';

  private constructor(readonly scratch: string) {
    this.dropRoot = join(scratch, 'drop');
  }

  static async start(): Promise<OpenSshTestServer> {
    const reason = sshdUnavailableReason();
    if (reason) throw new Error(reason);
    const sshd = findSshd()!;
    const scratch = await mkdtemp(join(tmpdir(), 'dropdesk-sshd-'));
    const server = new OpenSshTestServer(scratch);
    await mkdir(server.dropRoot);

    const hostKey = generateSshKeyPair();
    const clientKey = generateSshKeyPair();
    server.hostKeyFingerprint = sha256Fingerprint((utils.parseKey(hostKey.public) as ParsedKey).getPublicSSH());
    server.clientPrivateKey = clientKey.private;
    await writeFile(join(scratch, 'host_key'), hostKey.private, { mode: 0o600 });
    await writeFile(join(scratch, 'host_key.pub'), `${hostKey.public}\n`);
    await writeFile(join(scratch, 'authorized_keys'), `${clientKey.public}\n`, { mode: 0o600 });
    await chmod(scratch, 0o700);

    let lastError = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      server.port = await freePort();
      const configPath = join(scratch, 'sshd_config');
      await writeFile(
        configPath,
        [
          `Port ${server.port}`,
          'ListenAddress 127.0.0.1',
          `HostKey ${join(scratch, 'host_key')}`,
          `PidFile ${join(scratch, 'sshd.pid')}`,
          `AuthorizedKeysFile ${join(scratch, 'authorized_keys')}`,
          'PubkeyAuthentication yes',
          'PasswordAuthentication no',
          'KbdInteractiveAuthentication no',
          'PermitRootLogin prohibit-password',
          'UsePAM no',
          'StrictModes no',
          `AllowUsers ${server.username}`,
          'Subsystem sftp internal-sftp',
          'ForceCommand internal-sftp',
          'AllowTcpForwarding no',
          'X11Forwarding no',
          'LogLevel ERROR',
          '',
        ].join('\n'),
      );
      try {
        execFileSync(sshd, ['-t', '-f', configPath], { stdio: 'pipe' });
      } catch (error) {
        throw new Error(`sshd refused the test config: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
      }
      const child = spawn(sshd, ['-D', '-e', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
      server.stderr = '';
      child.stderr!.on('data', (chunk) => (server.stderr += chunk));
      server.process = child;
      if (await server.waitUntilListening(child)) return server;
      lastError = server.stderr;
      await server.stopProcess();
    }
    await rm(scratch, { recursive: true, force: true });
    throw new Error(`sshd did not start: ${lastError}`);
  }

  private waitUntilListening(child: ChildProcess): Promise<boolean> {
    return waitUntilListening(child, this.port, 5_000);
  }

  private async stopProcess(): Promise<void> {
    const child = this.process;
    this.process = null;
    await stopDaemon(child, 2_000);
  }

  async stop(): Promise<void> {
    await this.stopProcess();
    await rm(this.scratch, { recursive: true, force: true });
  }

  /** What sshd printed on stderr (for failure messages). */
  log(): string {
    return this.stderr;
  }
}
