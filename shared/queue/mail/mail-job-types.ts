/**
 * An iSendPro mail-to-SMS job's own progress (Job.mail): the campaign cut in
 * batches of 500 recipients, one e-mail each, every batch with its own state
 * (shared/providers/isendpro/isendpro-job.ts), the notifications received and
 * where the answer mailbox was last read. Plain JSON, persisted with the job
 * before every step.
 */
import type { AckAnswer, NotificationAnswer } from '../../providers/isendpro/isendpro-answers';
import type { IsendproBatch, ReceivedNotification } from '../../providers/isendpro/isendpro-job';
import type { JobReason } from '../job-types';

export interface MailProgress {
  /** The drop's IDDELIVERY, written in every batch's <tracker>. */
  tracker: string;
  sender: string;
  batches: IsendproBatch[];
  /** Sendable rows left out (not French). */
  leftOutForeign: number;
  recipients: number;
  notifications: ReceivedNotification[];
  /** The answer mailbox as this job last read it (UIDVALIDITY + last UID looked at). */
  mailbox: { uidValidity: string; lastUid: number } | null;
}

export interface NotificationTimingIso {
  nextWindowSlot: string | null;
  retryAt: string;
}

/** The mail driver's events (the runner's user events are shared with the other drivers). */
export type MailJobEvent =
  /** Persisted just before the SMTP attempt of one batch (its attempt count first). */
  | { type: 'mail-sending'; emailId: number }
  /** The SMTP server took the DATA (250). */
  | { type: 'mail-sent'; emailId: number }
  /** Transient SMTP failure: the batch may have arrived; the same bytes go again at retryAt. */
  | { type: 'mail-send-failed'; emailId: number; error: string; retryAt: string }
  /** A marketing batch outside the window waits for the next slot (nothing sent). */
  | { type: 'mail-postponed'; emailId: number; until: string }
  /** Needs a person (authentication, refused mail, empty window): the campaign stops. */
  | { type: 'mail-failed'; error: JobReason }
  /** A batch never sent rebuilt before its first send (opt-outs left out): new bytes, same emailId. */
  | { type: 'mail-batch-rebuilt'; batch: IsendproBatch }
  /** Every recipient of a never-sent batch opted out since the drop: nothing to send for it. */
  | { type: 'mail-batch-emptied'; emailId: number; removed: number }
  | { type: 'mail-ack'; ack: AckAnswer & { emailId: number } }
  /** A notification, with the follow-up batches (already saved as mails) it asked for. */
  | { type: 'mail-notification'; notification: NotificationAnswer & { emailId: number }; timing: NotificationTimingIso; added: IsendproBatch[] }
  /** The mailbox was read up to here. */
  | { type: 'mail-mailbox-read'; uidValidity: string; lastUid: number; nextReadAt: string | null };

export type MailJobEventType = MailJobEvent['type'];

/** What a drop hands the queue to create a mail job (the batches' mails are built and saved by the driver, before the record). */
export interface MailJobSetup {
  sender: string;
  drafts: { recipients: import('../../providers/isendpro/isendpro-envoi').EnvoiRecipient[]; sharedMessage: string | null; smslong: number }[];
  leftOutForeign: number;
  recipients: number;
}
