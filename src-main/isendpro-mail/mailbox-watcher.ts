/**
 * Watches the answer mailbox while batches await iSendPro's answers: one IMAP
 * connection left in IDLE (the server tells when a mail arrives), a
 * catch-up scan at every (re)connection and every few minutes, and nothing
 * at all once no batch waits (`shouldWatch` false). Scans never overlap; a
 * lost connection is re-opened with a growing delay.
 */
import type { ImapFlow } from 'imapflow';
import { backoffDelayMs, type BackoffPolicy } from '@shared/queue/backoff';
import type { IsendproMailSettings } from './isendpro-mail-settings';
import { createImapClient, scanMailbox, type MailboxAnswer } from './mailbox-scan';
import { frenchCount } from '@shared/i18n/french-count';

export interface MailboxWatcherOptions {
  dataDir: string;
  connectionId: string;
  settings: () => Promise<IsendproMailSettings>;
  onAnswer: (found: MailboxAnswer) => Promise<void>;
  /** False when no batch of this connection awaits an answer: the watcher disconnects and stops. */
  shouldWatch: () => Promise<boolean>;
  /** Catch-up scan interval while connected (default 3 min). */
  periodicMs?: number;
  reconnectBackoff?: BackoffPolicy;
  log?: (line: string) => void;
}

export const defaultReconnectBackoff: BackoffPolicy = { baseMs: 2_000, factor: 2, maxMs: 5 * 60_000 };

export function createMailboxWatcher(options: MailboxWatcherOptions) {
  const periodicMs = options.periodicMs ?? 3 * 60_000;
  const backoff = options.reconnectBackoff ?? defaultReconnectBackoff;
  const log = options.log ?? (() => undefined);
  let running = false;
  let client: ImapFlow | null = null;
  let scanning: Promise<unknown> = Promise.resolve();
  let scans = 0;
  let connections = 0;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;

  function scan(reason: string): Promise<unknown> {
    const current = client;
    if (!current) return scanning;
    scanning = scanning
      .catch(() => undefined)
      .then(async () => {
        if (!current.usable) return;
        const result = await scanMailbox(current, options.dataDir, options.connectionId, options.onAnswer);
        scans++;
        if (result.answers > 0) log(`isendpro: ${frenchCount(result.answers, 'réponse lue', 'réponses lues')} (${reason})`);
      })
      .catch((error: unknown) => log(`isendpro: lecture de la boîte interrompue (${error instanceof Error ? error.message : String(error)})`));
    return scanning;
  }

  async function connectOnce(): Promise<void> {
    const settings = await options.settings();
    // Enter IDLE one second after the last command, so a new answer is seen at once.
    const next = createImapClient(settings, { autoIdleDelayMs: 1_000 });
    next.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => next.once('close', () => resolve()));
    await next.connect();
    client = next;
    connections++;
    next.on('exists', () => void scan('nouveau message'));
    // Catch-up: whatever arrived while disconnected.
    await scan('reconnexion');
    const timer = setInterval(() => {
      void options.shouldWatch().then((watch) => {
        if (!watch) void next.logout().catch(() => next.close());
        else void scan('contrôle périodique');
      });
    }, periodicMs);
    try {
      // The selected mailbox stays open between scans so the client sits in IDLE.
      await next.mailboxOpen('INBOX', { readOnly: true });
      // Anything that arrived between the catch-up scan and this open.
      await scan('ouverture');
      await Promise.race([closed, new Promise<void>((resolve) => (wake = resolve))]);
    } finally {
      clearInterval(timer);
      wake = null;
      client = null;
      if (next.usable) await next.logout().catch(() => next.close());
    }
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (running && (await options.shouldWatch())) {
      try {
        await connectOnce();
        failures = 0;
      } catch (error) {
        failures++;
        log(`isendpro: boîte de réception injoignable (${error instanceof Error ? error.message : String(error)})`);
      }
      if (!running) break;
      const delay = failures === 0 ? backoff.baseMs : backoffDelayMs(failures, backoff);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    running = false;
  }

  return {
    start(): void {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop(): Promise<void> {
      running = false;
      wake?.();
      await loop;
    },
    /** For tests and status: scans done and connections opened. */
    stats: () => ({ scans, connections, connected: client?.usable ?? false }),
    /** Scans now (e.g. after a send), when connected. */
    poke: () => scan('demande'),
  };
}

export type MailboxWatcher = ReturnType<typeof createMailboxWatcher>;
