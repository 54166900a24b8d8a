/**
 * Starts Debian's Dovecot (IMAP only) on 127.0.0.1 with a throw-away config:
 * one passwd-file user, a maildir in a temporary folder, plain login without
 * TLS (127.0.0.1 only), run in the foreground (-F) and stopped by the test.
 * Nothing of the machine's own Dovecot setup is read or changed.
 */
import { spawn, execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, stopDaemon, waitUntilListening } from './daemon-process';

const dovecotCandidates = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'];

export function findDovecot(): string | null {
  for (const candidate of dovecotCandidates) if (existsSync(candidate)) return candidate;
  return null;
}

/** Why this machine cannot run the Dovecot tests, or null when it can. */
export function dovecotUnavailableReason(): string | null {
  if (!findDovecot()) return 'Dovecot is not installed (apt-get install dovecot-imapd)';
  if (!existsSync('/usr/lib/dovecot/imap')) return 'Dovecot IMAP is not installed (apt-get install dovecot-imapd)';
  return null;
}

export class DovecotTestServer {
  readonly host = '127.0.0.1';
  port = 0;
  readonly user = 'answers@dropdesk.test';
  readonly password = 'mailbox-secret';
  private process: ChildProcess | null = null;
  private output = '';

  private constructor(readonly scratch: string) {}

  /** `oauth2IntrospectionUrl`: XOAUTH2/OAUTHBEARER logins too, their bearer checked at that RFC 7662 endpoint (a fake on 127.0.0.1). */
  static async start(options: { oauth2IntrospectionUrl?: string } = {}): Promise<DovecotTestServer> {
    const reason = dovecotUnavailableReason();
    if (reason) throw new Error(reason);
    const dovecot = findDovecot()!;
    const scratch = await mkdtemp(join(tmpdir(), 'dropdesk-dovecot-'));
    await chmod(scratch, 0o755);
    const server = new DovecotTestServer(scratch);
    for (const folder of ['run', 'state', 'home']) await mkdir(join(scratch, folder), { recursive: true });
    const { username } = userInfo();
    // Dovecot never runs mail as root: as root, the mailbox belongs to nobody.
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const uid = isRoot ? 65534 : userInfo().uid;
    const gid = isRoot ? 65534 : userInfo().gid;
    if (isRoot) await chown(join(scratch, 'home'), uid, gid);
    const oauth2 = options.oauth2IntrospectionUrl
      ? [
          `passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = ${join(scratch, 'oauth2.conf.ext')}\n}`,
        ]
      : [];
    if (options.oauth2IntrospectionUrl) {
      await writeFile(
        join(scratch, 'oauth2.conf.ext'),
        ['introspection_mode = post', `introspection_url = ${options.oauth2IntrospectionUrl}`, 'username_attribute = username', 'active_attribute = active', 'active_value = true', ''].join('\n'),
        { mode: 0o644 },
      );
    }
    await writeFile(join(scratch, 'passwd'), `${server.user}:{PLAIN}${server.password}:${uid}:${gid}::${join(scratch, 'home', 'answers')}\n`, { mode: 0o644 });

    let lastError = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      server.port = await freePort();
      const configPath = join(scratch, 'dovecot.conf');
      await writeFile(
        configPath,
        [
          `base_dir = ${join(scratch, 'run')}`,
          `state_dir = ${join(scratch, 'state')}`,
          'log_path = /dev/stderr',
          'info_log_path = /dev/null',
          ...(process.env.DROPDESK_DOVECOT_DEBUG ? ['auth_verbose = yes', 'auth_debug = yes', 'mail_debug = yes', 'info_log_path = /dev/stderr'] : []),
          'protocols = imap',
          'listen = 127.0.0.1',
          'ssl = no',
          'disable_plaintext_auth = no',
          `auth_mechanisms = plain login${oauth2.length > 0 ? ' xoauth2 oauthbearer' : ''}`,
          `default_internal_user = ${username === 'root' ? 'dovecot' : username}`,
          `default_login_user = ${username === 'root' ? 'dovenull' : username}`,
          `first_valid_uid = ${uid}`,
          `first_valid_gid = ${gid}`,
          'mail_location = maildir:~/Maildir',
          'mailbox_list_index = no',
          'imap_idle_notify_interval = 1 secs',
          // Without inotify (limit reached on a busy machine) Dovecot polls the maildir: keep it short.
          'mailbox_idle_check_interval = 1 secs',
          ...oauth2,
          `passdb {\n  driver = passwd-file\n${oauth2.length > 0 ? '  mechanisms = plain login\n' : ''}  args = scheme=PLAIN username_format=%u ${join(scratch, 'passwd')}\n}`,
          `userdb {\n  driver = passwd-file\n  args = username_format=%u ${join(scratch, 'passwd')}\n}`,
          `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${server.port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
          'service anvil {\n  chroot =\n}',
          'service imap-login {\n  chroot =\n}',
          '',
        ].join('\n'),
      );
      try {
        execFileSync(dovecot, ['-c', configPath, '-n'], { stdio: 'pipe' });
      } catch (error) {
        throw new Error(`Dovecot refused the test config: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
      }
      const child = spawn(dovecot, ['-F', '-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
      server.output = '';
      child.stdout!.on('data', (chunk) => (server.output += chunk));
      child.stderr!.on('data', (chunk) => (server.output += chunk));
      server.process = child;
      if (await server.waitUntilListening(child)) return server;
      lastError = server.output;
      await server.stopProcess();
    }
    await rm(scratch, { recursive: true, force: true });
    throw new Error(`Dovecot did not start: ${lastError}`);
  }

  private waitUntilListening(child: ChildProcess): Promise<boolean> {
    return waitUntilListening(child, this.port, 10_000);
  }

  private async stopProcess(): Promise<void> {
    const child = this.process;
    this.process = null;
    await stopDaemon(child, 3_000);
  }

  async stop(): Promise<void> {
    await this.stopProcess();
    await rm(this.scratch, { recursive: true, force: true });
  }

  log(): string {
    return this.output;
  }

  /** Runs Debian's doveadm against this server's config (e.g. `kick`, `mailbox update`). */
  doveadm(...args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile('doveadm', ['-c', join(this.scratch, 'dovecot.conf'), ...args], (error, stdout, stderr) => (error ? reject(new Error(`doveadm ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout)));
    });
  }

  /** Closes every IMAP session of the user, server side (a connection lost during IDLE). */
  async kick(): Promise<void> {
    await this.doveadm('kick', this.user);
  }

  /** Gives INBOX a new UIDVALIDITY (as a rebuilt mailbox has); sessions open already keep seeing the old one until they reconnect. */
  async setUidValidity(value: number): Promise<void> {
    await this.doveadm('mailbox', 'update', '-u', this.user, '--uid-validity', String(value), 'INBOX');
  }
}
