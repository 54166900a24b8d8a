/**
 * Watches the answer mailbox of ONE mail connection while batches await
 * iSendPro's answers: one IMAP connection left in IDLE on INBOX (the server
 * tells when a mail arrives), a catch-up read at every (re)connection and
 * every few minutes, and nothing at all once no batch waits (`shouldWatch`
 * false after a read or at the periodic check: the watcher logs out and its
 * loop ends). Reads never overlap, and announcements that come while a read
 * is under way are folded into one more read. A lost connection is re-opened
 * with a growing delay; an edited connection (other IMAP server, user or
 * password, seen at the periodic check) is logged in again. What a read
 * does (which jobs, from which UIDVALIDITY + UID) is the caller's (`read`):
 * the watcher only owns the connection.
 */
import type { ImapFlow } from 'imapflow';
import { backoffDelayMs, type BackoffPolicy } from '@shared/queue/backoff';
import type { IsendproMailSettings } from './isendpro-mail-settings';
import { connectImapClient } from './mailbox-scan';

/** Why a read happens (for the log lines). */
export type MailboxReadReason = 'reconnexion' | 'nouveau message' | 'contrôle périodique' | 'demande';

export interface MailboxWatcherOptions {
  settings: () => Promise<IsendproMailSettings>;
  /** Reads the mailbox over the watcher's connection (INBOX is selected read-only); throws → logged, the next announcement reads again. */
  read: (client: ImapFlow, reason: MailboxReadReason) => Promise<void>;
  /** False when no batch of this connection awaits an answer: the watcher logs out and stops. */
  shouldWatch: () => Promise<boolean>;
  /** Catch-up read interval while connected (default 3 min). */
  periodicMs?: number;
  reconnectBackoff?: BackoffPolicy;
  /** How soon an idle connection enters IDLE again after a command (default 1 s). */
  idleDelayMs?: number;
  clock?: () => Date;
  log?: (line: string) => void;
  /** Called when the stats shown to the user change (connected, disconnected, a read done, stopped). */
  onChange?: () => void;
}

export interface MailboxWatcherStats {
  /** Reads done (each may cover several jobs). */
  scans: number;
  /** Connections opened (the first one and every reconnection). */
  connections: number;
  connected: boolean;
  /** End of the last read that went through, or null. */
  lastScanAt: Date | null;
}

export const defaultReconnectBackoff: BackoffPolicy = { baseMs: 2_000, factor: 2, maxMs: 5 * 60_000 };

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** What identifies the mailbox and the login: a change (the connection was edited) means a new connection. */
function imapKey(settings: IsendproMailSettings): string {
  const { host, port, security, user, password } = settings.imap;
  return JSON.stringify([host, port, security, user, password]);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createMailboxWatcher(options: MailboxWatcherOptions) {
  const periodicMs = options.periodicMs ?? 3 * 60_000;
  const backoff = options.reconnectBackoff ?? defaultReconnectBackoff;
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? (() => new Date());
  let running = false;
  let stopped = deferred();
  let client: ImapFlow | null = null;
  let reading: Promise<void> = Promise.resolve();
  /** A read is queued behind the one under way: later announcements need no other one. */
  let readQueued = false;
  let scans = 0;
  let connections = 0;
  let lastScanAt: Date | null = null;
  let loop: Promise<void> = Promise.resolve();

  const keepWatching = () => options.shouldWatch().catch(() => true);
  const changed = () => {
    try {
      options.onChange?.();
    } catch {
      // A listener's failure is not the watcher's.
    }
  };

  async function close(connection: ImapFlow): Promise<void> {
    if (connection.usable) await connection.logout().catch(() => connection.close());
    else connection.close();
  }

  function read(reason: MailboxReadReason): Promise<void> {
    const current = client;
    if (!current || readQueued) return reading;
    readQueued = true;
    reading = reading.then(async () => {
      readQueued = false;
      if (client !== current || !current.usable) return;
      try {
        await options.read(current, reason);
        scans++;
        lastScanAt = clock();
        changed();
      } catch (error) {
        log(`isendpro: lecture de la boîte interrompue (${messageOf(error)})`);
        return;
      }
      // The last awaited answer was just read: nothing to watch any more.
      if (!(await keepWatching())) await close(current);
    });
    return reading;
  }

  async function connectOnce(): Promise<void> {
    const settings = await options.settings();
    // Microsoft 365: a token the server refuses is renewed and tried once, as for the queue's reads.
    const next = await connectImapClient(settings, { autoIdleDelayMs: options.idleDelayMs ?? 1_000 });
    next.on('error', (error: unknown) => log(`isendpro: connexion à la boîte de réception en erreur (${messageOf(error)})`));
    const closed = new Promise<void>((resolve) => (next.usable ? next.once('close', () => resolve()) : resolve()));
    try {
      connections++;
      // INBOX stays selected between reads, so the client sits in IDLE and the server announces each new mail.
      await next.mailboxOpen('INBOX', { readOnly: true });
      client = next;
      changed();
      next.on('exists', () => void read('nouveau message'));
      const timer = setInterval(() => {
        void (async () => {
          if (!(await keepWatching())) return close(next);
          // The connection was edited (other server, user or password): log in again with the new settings.
          const now = await options.settings().catch(() => settings);
          if (imapKey(now) !== imapKey(settings)) return close(next);
          return read('contrôle périodique');
        })();
      }, periodicMs);
      try {
        // Catch-up: whatever arrived while no connection was open.
        await read('reconnexion');
        await Promise.race([closed, stopped.promise]);
      } finally {
        clearInterval(timer);
      }
    } finally {
      const wasConnected = client === next;
      client = null;
      if (wasConnected) changed();
      await reading;
      await close(next);
    }
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (running && (await keepWatching())) {
      try {
        await connectOnce();
        failures = 0;
      } catch (error) {
        failures++;
        log(`isendpro: boîte de réception injoignable (${messageOf(error)})`);
      }
      if (!running) break;
      const delay = failures === 0 ? backoff.baseMs : backoffDelayMs(failures, backoff);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, delay))), stopped.promise]);
      clearTimeout(timer);
    }
    running = false;
    changed();
  }

  return {
    /** Starts watching (no-op when running); resolves when the watcher has stopped (stop(), or nothing to watch any more). */
    start(): Promise<void> {
      if (running) return loop;
      running = true;
      stopped = deferred();
      loop = run();
      return loop;
    },
    async stop(): Promise<void> {
      running = false;
      stopped.resolve();
      await loop;
    },
    isRunning: () => running,
    stats: (): MailboxWatcherStats => ({ scans, connections, connected: client?.usable ?? false, lastScanAt }),
    /** The open connection (INBOX selected read-only), or null while disconnected: other reads may share it. */
    client: (): ImapFlow | null => (client?.usable ? client : null),
    /** Reads now (e.g. the user asked), when connected. */
    poke: () => read('demande'),
  };
}

export type MailboxWatcher = ReturnType<typeof createMailboxWatcher>;
