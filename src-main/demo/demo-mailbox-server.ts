/**
 * The demo iSendPro box's answer mailbox: an in-process IMAP server
 * (hoodiecrow-imap, an in-memory IMAP4rev1 server by nodemailer's author:
 * LOGIN, EXAMINE/SELECT, UID SEARCH BODY, UID FETCH, IDLE, APPEND, STATUS)
 * on 127.0.0.1, so Mode démo needs no Dovecot on the user's computer.
 *
 * One user, one INBOX. The messages are kept in `statePath` (atomic writes)
 * so an answer delivered just before the boxes stop is still read after the
 * next start; the UIDVALIDITY is drawn when that file is created, so a lost
 * or damaged file gives a new mailbox that the app rescans from the start
 * instead of skipping UIDs it believes it has read.
 */
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import hoodiecrow from 'hoodiecrow-imap';
import { readJsonFile, writeJsonAtomic } from '../workspace/atomic-write';

export interface DemoMailboxOptions {
  user: string;
  password: string;
  /** Where the messages are kept between starts (absent: memory only). */
  statePath?: string;
  /** Only the newest messages are kept on disk (default 1 000). */
  keepMessages?: number;
  port?: number;
}

interface SavedMessage {
  uid: number;
  internalDate: string;
  /** The message's bytes, base64. */
  raw: string;
}

interface SavedMailbox {
  formatVersion: 1;
  uidValidity: number;
  uidNext: number;
  messages: SavedMessage[];
}

export interface DemoMailbox {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly uidValidity: number;
  /** Puts a mail in INBOX (as a delivery would), bytes untouched; kept on disk before it resolves. */
  deliver(mail: Buffer): Promise<void>;
  /** Messages in INBOX now. */
  count(): number;
  stop(): Promise<void>;
}

/** Capabilities imapflow uses; AUTH=PLAIN and SASL-IR are left out so it logs in with LOGIN, which the server handles fully. */
const plugins = ['ID', 'IDLE', 'ENABLE', 'UNSELECT', 'UIDPLUS', 'LITERALPLUS', 'NAMESPACE', 'SPECIAL-USE'];

async function loadSaved(path: string | undefined): Promise<SavedMailbox> {
  const saved = path ? await readJsonFile<SavedMailbox>(path).catch(() => undefined) : undefined;
  if (saved?.formatVersion === 1 && Number.isInteger(saved.uidValidity) && saved.uidValidity > 0 && Array.isArray(saved.messages)) return saved;
  // A new mailbox: a UIDVALIDITY that no earlier one had (seconds since 1970 fit IMAP's 32 bits until 2106).
  return { formatVersion: 1, uidValidity: Math.max(1, Math.floor(Date.now() / 1000)), uidNext: 1, messages: [] };
}

export async function startDemoMailbox(options: DemoMailboxOptions): Promise<DemoMailbox> {
  const saved = await loadSaved(options.statePath);
  const keep = options.keepMessages ?? 1_000;
  const inbox = {
    uidvalidity: saved.uidValidity,
    uidnext: saved.uidNext,
    messages: saved.messages.map((message) => ({ uid: message.uid, flags: [], internaldate: new Date(message.internalDate), raw: Buffer.from(message.raw, 'base64').toString('binary') })),
  };
  const server = hoodiecrow({ plugins, users: { [options.user]: { password: options.password } }, storage: { INBOX: inbox, '': { separator: '/', folders: {} } } });
  const sockets = new Set<Socket>();
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  let writing: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> => {
    const path = options.statePath;
    if (!path) return Promise.resolve();
    const run = writing.catch(() => undefined).then(async () => {
      const mailbox = server.getMailbox('INBOX');
      const messages = mailbox.messages.slice(-keep).map((message) => ({
        uid: message.uid ?? 0,
        internalDate: parseInternalDate(message.internaldate),
        raw: Buffer.from(message.raw, 'binary').toString('base64'),
      }));
      const state: SavedMailbox = { formatVersion: 1, uidValidity: saved.uidValidity, uidNext: mailbox.uidnext ?? 1, messages };
      await writeJsonAtomic(path, state);
    });
    writing = run;
    return run;
  };

  let stopping: Promise<void> | null = null;
  return {
    host: '127.0.0.1',
    port,
    uidValidity: saved.uidValidity,
    async deliver(mail) {
      // A binary string keeps every byte (the answers are ISO-8859-1); the EXISTS goes to the IDLE clients.
      server.appendMessage('INBOX', [], new Date(), mail.toString('binary'));
      await persist();
    },
    count: () => server.getMailbox('INBOX').messages.length,
    stop() {
      stopping ??= (async () => {
        await writing.catch(() => undefined);
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return stopping;
    },
  };
}

/** hoodiecrow turns the Date into IMAP's "01-Dec-2026 14:47:16 +0000"; back to ISO for the file. */
function parseInternalDate(value: Date | string | undefined): string {
  if (value instanceof Date) return value.toISOString();
  const parsed = value ? new Date(value.replace(/^(\d{1,2})-(\w{3})-(\d{4}) /, '$2 $1 $3 ')) : new Date();
  return Number.isNaN(parsed.getTime()) ? new Date().toISOString() : parsed.toISOString();
}
