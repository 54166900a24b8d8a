/**
 * Reads iSendPro's answers from the mailbox over IMAP. Only messages the
 * server finds holding "etatAck" or "etatNot" (IMAP SEARCH BODY, done by the
 * server) are fetched, with BODY.PEEK so nothing is marked as read; every
 * other mail is left alone. Progress is kept by UIDVALIDITY and UID (not by
 * the \Seen flag), so an answer the user opened in their own mail client
 * first is still read, and a mailbox rebuilt by the server (new UIDVALIDITY)
 * is read again from the start (answers are applied idempotently).
 */
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { looksLikeIsendproAnswer, parseIsendproAnswer, type IsendproAnswer } from '@shared/providers/isendpro/isendpro-answers';
import { readJsonFile, writeJsonAtomic } from '../workspace/atomic-write';
import { isendproDir } from './email-id-allocator';
import { assertTransportSecurity, type IsendproMailSettings } from './isendpro-mail-settings';

export interface MailboxProgress {
  uidValidity: string;
  /** Every UID up to this one was looked at. */
  lastUid: number;
}

export function mailboxProgressPath(dataDir: string, connectionId: string): string {
  return join(isendproDir(dataDir), `mailbox-${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);
}

export async function readMailboxProgress(dataDir: string, connectionId: string): Promise<MailboxProgress | null> {
  return (await readJsonFile<MailboxProgress>(mailboxProgressPath(dataDir, connectionId))) ?? null;
}

export function imapClientOptions(settings: Pick<IsendproMailSettings, 'smtp' | 'imap' | 'timeoutMs'>) {
  assertTransportSecurity(settings);
  const { imap } = settings;
  return {
    host: imap.host,
    port: imap.port,
    secure: imap.security === 'tls',
    doSTARTTLS: imap.security === 'starttls' ? true : imap.security === 'plain' ? false : undefined,
    // Microsoft 365: XOAUTH2 with the bearer token.
    auth: imap.accessToken ? { user: imap.user, accessToken: imap.accessToken } : { user: imap.user, pass: imap.password },
    logger: false as const,
    disableAutoIdle: false,
    connectionTimeout: settings.timeoutMs ?? 30_000,
    greetingTimeout: settings.timeoutMs ?? 30_000,
    socketTimeout: Math.max(5 * 60_000, settings.timeoutMs ?? 0),
    tls: imap.trustedCertificatePem ? { ca: [imap.trustedCertificatePem] } : undefined,
  };
}

/** `autoIdleDelayMs`: how soon an idle connection enters IDLE (imapflow waits 15 s by default). */
export function createImapClient(settings: IsendproMailSettings, extra: { autoIdleDelayMs?: number } = {}): ImapFlow {
  return new ImapFlow({ ...imapClientOptions(settings), ...(extra.autoIdleDelayMs !== undefined ? { autoIdleDelay: extra.autoIdleDelayMs } : {}) });
}

/**
 * Creates and connects a client; a Microsoft 365 token the server refuses is
 * refreshed and tried once more (a password refused is not retried).
 */
export async function connectImapClient(settings: IsendproMailSettings, extra: { autoIdleDelayMs?: number } = {}): Promise<ImapFlow> {
  const first = createImapClient(settings, extra);
  first.on('error', () => undefined);
  try {
    await first.connect();
    return first;
  } catch (error) {
    if (!((error as { authenticationFailed?: boolean }).authenticationFailed && settings.imap.accessToken && settings.refreshAccessToken)) throw error;
    first.close();
    const accessToken = await settings.refreshAccessToken();
    const second = createImapClient({ ...settings, imap: { ...settings.imap, accessToken } }, extra);
    second.on('error', () => undefined);
    await second.connect();
    return second;
  }
}

/** One answer found in the mailbox. */
export interface MailboxAnswer {
  uid: number;
  answer: IsendproAnswer;
  receivedAt: Date;
}

export interface ScanResult {
  /** Messages with <etatAck>/<etatNot> read in this scan. */
  answers: number;
  progress: MailboxProgress;
}

/** Decodes one fetched message (any charset, any transfer encoding) to its text. */
export async function answerText(source: Buffer): Promise<string> {
  const parsed = await simpleParser(source, { skipHtmlToText: false });
  return [parsed.text ?? '', typeof parsed.html === 'string' ? parsed.html : ''].join('\n');
}

/**
 * Looks at every message after `saved` (UIDVALIDITY + last UID), hands each
 * answer to `onAnswer` (which saves what it changes), and returns where the
 * mailbox now stands: the caller saves that AFTER the answers, so a crash in
 * between only means the same answers are read again (they apply idempotently).
 */
export async function scanMailboxFrom(client: ImapFlow, saved: MailboxProgress | null, onAnswer: (found: MailboxAnswer) => Promise<void>): Promise<ScanResult> {
  const lock = await client.getMailboxLock('INBOX', { readOnly: true });
  try {
    // A mailbox kept selected (the watcher's) learns of new mail only from the server's EXISTS: ask for it.
    await client.noop();
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error('INBOX could not be opened');
    const uidValidity = String(mailbox.uidValidity);
    const from = saved && saved.uidValidity === uidValidity ? saved.lastUid + 1 : 1;
    let answers = 0;
    let lastUid = from - 1;
    if (mailbox.exists > 0) {
      // UIDs are read from the server each time: a mailbox kept selected (IDLE) has a stale uidNext.
      const present = ((await client.search({ uid: `${from}:*` }, { uid: true })) || []).filter((uid) => uid >= from);
      if (present.length > 0) {
        const highest = Math.max(...present);
        const found = await client.search({ uid: `${from}:${highest}`, or: [{ body: 'etatAck' }, { body: 'etatNot' }] }, { uid: true });
        const uids = (found || []).filter((uid) => uid >= from && uid <= highest).sort((a, b) => a - b);
        for (const uid of uids) {
          const message = await client.fetchOne(String(uid), { uid: true, source: true, internalDate: true }, { uid: true });
          if (!message || !message.source) continue;
          const text = await answerText(message.source);
          if (looksLikeIsendproAnswer(text)) {
            const answer = parseIsendproAnswer(text);
            if (answer) {
              const internal = message.internalDate instanceof Date ? message.internalDate : new Date();
              await onAnswer({ uid, answer, receivedAt: internal });
              answers++;
            }
          }
        }
        lastUid = highest;
      }
    }
    return { answers, progress: { uidValidity, lastUid } };
  } finally {
    lock.release();
  }
}

/** The same, with the progress kept in <dataDir>/isendpro/mailbox-<key>.json (the mailbox watcher). */
export async function scanMailbox(client: ImapFlow, dataDir: string, connectionId: string, onAnswer: (found: MailboxAnswer) => Promise<void>): Promise<ScanResult> {
  const saved = await readMailboxProgress(dataDir, connectionId);
  const result = await scanMailboxFrom(client, saved, onAnswer);
  if (!saved || saved.uidValidity !== result.progress.uidValidity || saved.lastUid !== result.progress.lastUid) {
    await writeJsonAtomic(mailboxProgressPath(dataDir, connectionId), result.progress);
  }
  return result;
}

/** "Tester la connexion": logs in, opens INBOX read-only, logs out. */
export async function verifyImap(settings: IsendproMailSettings): Promise<{ messages: number }> {
  const client = await connectImapClient(settings);
  try {
    const status = await client.status('INBOX', { messages: true });
    return { messages: status ? (status.messages ?? 0) : 0 };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
