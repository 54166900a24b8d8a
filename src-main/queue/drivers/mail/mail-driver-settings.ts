/** What the mail-to-SMS driver needs besides the runner's context (tests plug faults and clocks in here). */
import type { ImapFlow } from 'imapflow';
import type { OptOutEntry } from '@shared/reports/opt-outs';
import type { SendWindow } from '@shared/scheduling/send-window';
import type { IsendproMailSettings } from '../../../isendpro-mail/isendpro-mail-settings';
import type { JobRecord } from '../../job-record';
import type { DriverContext } from '../../channel-driver';

/** Named points between two saved steps, for the crash tests. */
export type MailStep = 'sending-saved' | 'smtp-accepted' | 'sent-saved' | 'answer-applied' | 'progress-saved';

/** The app's mailbox watchers (mailbox-watch-service.ts), as the driver sees them. */
export interface MailAnswerWatch {
  /** True while a watcher holds this connection (connected or reconnecting): it says when to read. */
  watched(connectionId: string): boolean;
  /** The watcher's open connection (INBOX selected read-only), shared by the reads; null while disconnected. */
  client(connectionId: string): ImapFlow | null;
}

export interface MailDriverSettings {
  /** The emailId counter lives in <dataDir>/isendpro/email-ids.json (unique forever for the install). */
  dataDir: string;
  /** The job's connection → both servers, the From address and the keyid (secrets resolved, never logged). */
  resolveSettings(record: Pick<JobRecord, 'job'>, ctx: Pick<DriverContext, 'connections'>): Promise<IsendproMailSettings>;
  /** The marketing window (Paramètres → Envoi); a function is read at each send. */
  window: () => SendWindow;
  /** Minutes kept before the window's end (default 30). */
  windowMarginMinutes?: number;
  /** The opt-out numbers now (throws when the list cannot be read: nothing is sent then). */
  optOutNumbers: () => Promise<ReadonlySet<string>>;
  /** Numbers iSendPro reported as blacklisted (code 11) → the local opt-out list. */
  onOptOuts: (entries: OptOutEntry[]) => Promise<void>;
  onStep?: (step: MailStep, detail: { jobId: string; emailId?: number }) => void | Promise<void>;
  /** The app's mailbox watchers; absent (the CLI, most tests): every read opens its own connection, on the clock. */
  answerWatch?: MailAnswerWatch;
  /** Replaces the SMTP client (tests). */
  send: (settings: IsendproMailSettings, bytes: Buffer) => Promise<unknown>;
}
