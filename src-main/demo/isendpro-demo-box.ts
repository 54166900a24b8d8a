/**
 * Mode démo's iSendPro-like box: the local iSendPro stand-in (isendpro-box.ts,
 * the in-process SMTP server the tests use, checking every mail against the
 * spec) answering into an in-process mailbox (demo-mailbox-server.ts) that
 * the app reads over IMAP, both on 127.0.0.1 with the demo login. The answers
 * are ISO-8859-1 like the real ones; the notification comes `answerDelayMs`
 * after the acknowledgement, with a demo mix of the annex's codes
 * (isendpro-demo-codes.ts) so the report shows failures and a blacklist.
 */
import { IsendproBox } from './isendpro-box';
import { startDemoMailbox, type DemoMailbox } from './demo-mailbox-server';
import { demoIsendproCode } from './isendpro-demo-codes';
import type { DemoCredentials } from './demo-credentials';
import type { DemoLog } from './demo-options';
import { demoIsendproAnswerAddress, demoIsendproFrom } from './isendpro-demo-account';
import type { DemoMailEndpoint } from '../connections/connection-types';

/** SMTP and IMAP on 127.0.0.1 with the demo login; the From address the demo account authorised; its key (the demo password, random per install); where its answers go (the demo mailbox). */
export type IsendproDemoEndpoint = DemoMailEndpoint;

export interface IsendproDemo {
  endpoint: IsendproDemoEndpoint;
  box: IsendproBox;
  mailbox: DemoMailbox;
  stop(): Promise<void>;
}

export interface StartIsendproDemoOptions {
  credentials: DemoCredentials;
  /** Where the mailbox keeps its messages between starts. */
  mailboxPath: string;
  /** Time between the acknowledgement and the notification. */
  notificationDelayMs: number;
  log: DemoLog;
  /** Code per number (default: the demo mix). */
  codeFor?: (number: string) => number;
}

export async function startIsendproDemo(options: StartIsendproDemoOptions): Promise<IsendproDemo> {
  const { username, password } = options.credentials;
  const mailbox = await startDemoMailbox({ user: username, password, statePath: options.mailboxPath });
  const codeFor = options.codeFor ?? demoIsendproCode;
  const box = new IsendproBox({
    user: username,
    password,
    keyid: password,
    allowedFrom: [demoIsendproFrom],
    deliver: (mail) => mailbox.deliver(mail),
    codeFor: (number) => codeFor(number),
    notificationDelayMs: options.notificationDelayMs,
  });
  try {
    await box.start();
  } catch (error) {
    await mailbox.stop();
    throw error;
  }
  options.log(`[démo iSendPro] SMTP 127.0.0.1:${box.port}, boîte de réception IMAP 127.0.0.1:${mailbox.port}`);
  let stopping: Promise<void> | null = null;
  return {
    endpoint: {
      smtp: { host: box.host, port: box.port, username, password },
      imap: { host: mailbox.host, port: mailbox.port, username, password },
      from: demoIsendproFrom,
      keyid: password,
      answerAddress: demoIsendproAnswerAddress,
    },
    box,
    mailbox,
    stop() {
      // The box first: its pending notifications still reach the mailbox.
      stopping ??= box.stop().finally(() => mailbox.stop());
      return stopping;
    },
  };
}
