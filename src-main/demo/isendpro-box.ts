/**
 * A local stand-in for iSendPro's mail-to-SMS, on 127.0.0.1 (tests and Mode
 * démo): an in-process SMTP server (smtp-server) that logs in the sender,
 * parses every mail, checks it against the spec (isendpro-checks.ts),
 * refuses a second mail with the same emailId (code 1, nothing sent),
 * counts what it would send to each number, and answers the acknowledgement
 * and the notification in ISO-8859-1 through `deliver` (an IMAP APPEND to the
 * answer mailbox).
 *
 * Faults for the tests: cut the SMTP connection right after a mail's DATA
 * was received (the mail counts, the client never hears 250), refuse the
 * login, answer a per-number code (11 liste noire, 24 hours, 29 overflow…).
 */
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { checkSendWindow } from '@shared/scheduling/send-window';
import { checkEnvoi, type ParsedEnvoi } from './isendpro-checks';
import { ackXml, buildAnswerMail, notificationXml } from './isendpro-answer-mail';

export interface IsendproBoxOptions {
  user: string;
  password: string;
  keyid: string;
  /** Addresses the account authorised as senders (any when empty). */
  allowedFrom?: string[];
  nostopApproved?: boolean;
  /** Puts an answer mail in the answer mailbox. */
  deliver: (mail: Buffer) => Promise<void>;
  /** Code for a number (default 0); `when` is the box's clock. */
  codeFor?: (number: string, envoi: ParsedEnvoi, when: Date) => number;
  /** Apply the commercial hours (code 24) to mails with a custom sender outside the window. */
  enforceCommercialHours?: boolean;
  now?: () => Date;
  /** Delay before the notification (ms). */
  notificationDelayMs?: number;
  /** Microsoft 365 tests: XOAUTH2 only, the bearer token checked by this function (no password login then). */
  acceptsBearer?: (user: string, accessToken: string) => boolean;
}

export interface ReceivedMail {
  emailId: string | null;
  bytes: Buffer;
  accepted: boolean;
  duplicate: boolean;
  problems: string[];
  recipients: number;
}

export class IsendproBox {
  port = 0;
  readonly host = '127.0.0.1';
  /** Every mail received, in order (refused ones included). */
  readonly mails: ReceivedMail[] = [];
  /** SMS the box "sent", per 10-digit number. */
  readonly sentPerNumber = new Map<string, number>();
  /** Numbers that got a state in a notification (any code), per 10-digit number: each recipient's outcome once. */
  readonly notifiedPerNumber = new Map<string, number>();
  /** Messages sent, per number (last one). */
  readonly messages = new Map<string, string>();
  private readonly processedEmailIds = new Set<string>();
  /** Cut the connection after the DATA of the next N mails (the mail is processed, no 250 is sent). */
  cutAfterDataCount = 0;
  /** Refuse SMTP logins. */
  refuseLogin = false;
  private readonly sockets = new Set<Socket>();
  private readonly pending = new Set<Promise<unknown>>();
  private server: SMTPServer;

  constructor(private readonly options: IsendproBoxOptions) {
    this.server = new SMTPServer({
      name: 'isendpro-box.local',
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      authMethods: options.acceptsBearer ? ['XOAUTH2'] : ['PLAIN', 'LOGIN'],
      size: 10 * 1024 * 1024,
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (options.acceptsBearer) {
          if (!this.refuseLogin && auth.method === 'XOAUTH2' && auth.username === options.user && options.acceptsBearer(auth.username, auth.accessToken ?? '')) callback(null, { user: auth.username });
          else callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://outlook.office.com/SMTP.Send' } });
          return;
        }
        if (!this.refuseLogin && auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onMailFrom: (address, _session, callback) => {
        const allowed = options.allowedFrom ?? [];
        if (allowed.length > 0 && !allowed.includes(address.address.toLowerCase())) callback(Object.assign(new Error('Sender not authorised'), { responseCode: 550 }));
        else callback();
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const work = this.receive(bytes).then(
            () => {
              if (this.cutAfterDataCount > 0) {
                this.cutAfterDataCount--;
                for (const socket of this.sockets) socket.destroy();
                return;
              }
              callback();
            },
            (error: Error) => callback(Object.assign(error, { responseCode: 554 })),
          );
          this.track(work);
        });
      },
    });
    this.server.on('error', () => undefined);
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  async start(): Promise<void> {
    const net = (this.server as unknown as { server: import('node:net').Server }).server;
    net.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (net.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await this.idle();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Waits for every answer being delivered. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async receive(bytes: Buffer): Promise<void> {
    const parsed = await simpleParser(bytes);
    const problems: string[] = [];
    if (parsed.html) problems.push('not plain text');
    const verdict = checkEnvoi(parsed.text ?? '', { keyid: this.options.keyid, nostopApproved: this.options.nostopApproved ?? false });
    const envoi = verdict.envoi;
    if (!verdict.ok) problems.push(...verdict.problems);
    const emailId = envoi?.emailId && /^\d+$/.test(envoi.emailId) ? envoi.emailId : null;
    const record: ReceivedMail = { emailId, bytes, accepted: false, duplicate: false, problems, recipients: envoi?.recipients.length ?? 0 };
    this.mails.push(record);
    const ackTo = envoi?.emailAck ?? '';
    if (emailId === null) {
      if (ackTo) await this.answer(ackTo, 'Ack', ackXml('?', 2));
      return;
    }
    if (this.processedEmailIds.has(emailId)) {
      record.duplicate = true;
      await this.answer(ackTo, 'Ack', ackXml(emailId, 1));
      return;
    }
    this.processedEmailIds.add(emailId);
    if (problems.length > 0 || !envoi) {
      // The spec has no ack code for a malformed mail: every number gets the closest annex code.
      await this.answer(ackTo, 'Ack', ackXml(emailId, 0));
      const code = problems.some((problem) => problem.includes('keyid')) ? 3 : problems.some((p) => p.includes('sender')) ? 33 : 999;
      await this.answer(envoi?.emailNot ?? ackTo, 'Not', notificationXml(emailId, (envoi?.recipients ?? []).map((recipient) => ({ code, tel: recipient.number }))));
      return;
    }
    record.accepted = true;
    await this.answer(envoi.emailAck!, 'Ack', ackXml(emailId, 0));
    const when = this.now();
    const outsideHours = this.options.enforceCommercialHours && envoi.sender !== '' && !checkSendWindow(when, 'marketing').ok;
    const states = envoi.recipients.map((recipient) => {
      const code = outsideHours ? 24 : (this.options.codeFor?.(recipient.number, envoi, when) ?? 0);
      this.notifiedPerNumber.set(recipient.number, (this.notifiedPerNumber.get(recipient.number) ?? 0) + 1);
      if (code === 0) {
        this.sentPerNumber.set(recipient.number, (this.sentPerNumber.get(recipient.number) ?? 0) + 1);
        this.messages.set(recipient.number, recipient.message);
      }
      return { code, tel: recipient.number };
    });
    const notify = async () => this.answer(envoi.emailNot!, 'Not', notificationXml(emailId, states));
    if (this.options.notificationDelayMs) {
      this.track(new Promise((resolve) => setTimeout(resolve, this.options.notificationDelayMs)).then(notify));
    } else {
      await notify();
    }
  }

  private async answer(to: string, kind: 'Ack' | 'Not', xml: string): Promise<void> {
    await this.options.deliver(buildAnswerMail({ from: 'iSendPro <noreply@isendpro-api.com>', to, subject: `iSendPro ${kind}`, xml, date: this.now() }));
  }

  /** SMS counted per number, over every mail. */
  countFor(number: string): number {
    return this.sentPerNumber.get(number) ?? 0;
  }
}
