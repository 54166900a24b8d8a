/** queue:* (the persistent drop queue) and drops:* (summary before sending, then queueing). */
import type { Job } from '../../queue/job-types';
import type { Channel, ProviderId } from '../../providers/provider-ids';
import type { SendType } from '../../scheduling/send-window';
import type { ConnectionProvider } from './connections';
import type { MessageSource } from '../../providers/message-source';

/** A job as the renderer sees it. */
export interface JobView extends Job {
  connectionName: string;
  remoteFolder: string;
  fileBytes: number;
  recipients: number;
  /** Awaiting the provider's answer for more than 6 h (isAckOverdue when the view was made): the Envois screen warns. */
  ackOverdue: boolean;
}

export type HeldDecision =
  /** Redo the drop (a held MediasFlow stamp: a new stamp, after the server was checked and shows no copy). */
  | { type: 'confirm' }
  | { type: 'reschedule'; programmedAt: string }
  | { type: 'send-now' }
  | { type: 'cancel' };

export interface DropProblem {
  code: string;
  /** Plain French, for the CLI and logs; the app words the code and params from its catalogues. */
  message: string;
  params?: Record<string, string | number>;
}

/** "Résumé de la campagne": what the user confirms before "Envoyer" / "Programmer". */
export interface DropSummary {
  /** The campaign's name as the user typed it. */
  campaignName: string;
  /** The provider-safe name written in the file name (IDCAMPAGNE, AllMySMS name), derived from campaignName unless overridden. */
  fileCampaignName: string;
  /** Which text reaches the recipients: MediasFlow's template campaign, or the typed text (then the preview is what is sent). */
  messageSource: MessageSource;
  /** IDMEDIAFLOW when the source is the template. */
  templateId: string | null;
  /** The sender typed (typed source only; '' = the account's default). */
  sender: string;
  /** The message as the first sendable recipient receives it (an estimate for a template source); null without a text or recipient. */
  preview: { text: string; segments: number; encoding: 'GSM-7' | 'UCS-2'; line: number } | null;
  /** The connection's price per SMS in euros, when set; then cost = credits × price. */
  pricePerSms: number | null;
  cost: number | null;
  /** "M'envoyer un test": the user's number (international digits) and the list's line whose fields the message used. */
  test?: { to: string; line: number } | null;
  /** The same list already went out in the last days (the app asks "envoyer quand même ?"). */
  previousSend?: { campaignName: string; at: string; recipients: number } | null;
  connection: { id: string; name: string; provider: ConnectionProvider };
  /** 'mediasflow-rest': MediasFlow's SMS API (no file; remoteFolder/remoteNames say the API calls). */
  provider: ProviderId | 'mediasflow-rest' | 'isendpro-mail';
  /** iSendPro mail-to-SMS: how many e-mails (500 recipients at most each), and the non-French numbers left out. */
  mail?: { mails: number; perMail: number; leftOutForeign: number; leftOutForeignLines: number[] };
  channel: Channel;
  type: SendType;
  list: { name: string; rows: number };
  recipients: number;
  excluded: {
    invalid: number;
    duplicates: number;
    /** Sendable numbers left out because they are in the opt-out list (STOP, blacklists). */
    optedOut?: number;
    /** Rows whose AllMySMS line alone exceeds the provider's file limit. */
    oversized: number;
    /** Invalid rows by reason ('empty', 'malformed', 'landline', 'not-mobile'). */
    invalidByReason: Record<string, number>;
    /** First list lines (1-based, after the header) of each kind. */
    invalidLines: number[];
    duplicateLines: number[];
  };
  /** SMS billed over all recipients; null when the message is not known here (MediasFlow template, VMS). */
  segments: { total: number; min: number; max: number } | null;
  /** SMS segments, or one per recipient for VMS; null when unknown. */
  credits: number | null;
  /** ISO instant, null for an immediate send. */
  sendAt: string | null;
  /** Paris time 'YYYY-MM-DD HH:MM', or 'Immédiat'. */
  sendAtText: string;
  remoteFolder: string;
  /** The name(s) on the server; MediasFlow's stamp is taken again when the upload starts. */
  remoteNames: string[];
  files: { bytes: number; recipients: number }[];
  window:
    | { ok: true; exempt: boolean }
    | { ok: false; breaches: string[]; holiday: string | null; nextAllowedSlot: string | null; nextAllowedSlotText: string | null };
  warnings: DropProblem[];
  /** Anything here prevents the drop. */
  blocking: DropProblem[];
}

export interface DropRequestInput {
  /** A saved list, or the draft's list. */
  listId?: string;
  draftId?: string;
  message?: { text: string; sender?: string; defaultForHeader?: Record<string, string>; allowUcs2?: boolean; maxSegments?: number };
  connectionId: string;
  channel?: Channel;
  campaignName?: string;
  /** The provider-safe file name the user chose under "Détails"; derived from the name when absent or ''. */
  fileName?: string;
  /** IDMEDIAFLOW. */
  templateId?: string | null;
  /** ISO instant; null/absent = immediate. */
  programmedAt?: string | null;
  type?: SendType;
  /** Opted-out numbers (STOP, blacklists) are left out unless the user explicitly includes them. */
  includeOptedOut?: boolean;
}

export interface QueueRequestChannels {
  'queue:list': (input: void) => JobView[];
  'queue:get': (input: { id: string }) => JobView;
  /** Immediate before the upload; a request (cancelPending) while another process uploads it; refused once on the server. */
  'queue:cancel': (input: { id: string }) => JobView & { cancelPending?: boolean };
  'queue:retry': (input: { id: string }) => JobView;
  /** The user's decision on a held job. */
  'queue:decide': (input: { id: string; decision: HeldDecision }) => JobView & { foundOnServer?: boolean };
  /** Checks the provider's answers now (one job, or every job awaiting one). */
  'queue:refresh': (input: { id?: string }) => JobView[];
  'drops:prepare': (input: DropRequestInput) => DropSummary;
  /** Prepares again and queues; refused outside the marketing window unless allowOutsideWindow. */
  'drops:submit': (input: DropRequestInput & { allowOutsideWindow?: boolean }) => { jobs: JobView[]; summary: DropSummary };
  /** "M'envoyer un test": the same message to the user's own number, one row, through the same connection, as its own drop. */
  'drops:send-test': (input: DropRequestInput & { test: DropTestInput }) => { jobs: JobView[]; summary: DropSummary };
  /** The iSendPro answer mailboxes the app watches now (IMAP IDLE, one per mail connection with batches awaiting an answer). */
  'queue:mailbox-watch': (input: void) => MailboxWatchView[];
}

/** One mail connection whose answer mailbox is watched (Envois: « Boîte de réception surveillée »). */
export interface MailboxWatchView {
  connectionId: string;
  /** False while the connection is being opened again. */
  connected: boolean;
  /** ISO instant of the last read, null before the first one. */
  lastScanAt: string | null;
}

export interface DropTestInput {
  /** The user's own mobile, as typed (checked by the lists' rule). */
  to: string;
  /** The list's line (1-based) whose fields the message is rendered with; the first sendable row when absent. */
  line?: number | null;
}

export interface QueueEventChannels {
  'queue:job-updated': JobView;
  /** Every watched mailbox, each time one connects, is read or stops being watched. */
  'queue:mailbox-watch-changed': MailboxWatchView[];
}

export const queueRequestNames: Record<keyof QueueRequestChannels, true> = {
  'queue:list': true,
  'queue:get': true,
  'queue:cancel': true,
  'queue:retry': true,
  'queue:decide': true,
  'queue:refresh': true,
  'drops:prepare': true,
  'drops:submit': true,
  'drops:send-test': true,
  'queue:mailbox-watch': true,
};
export const queueEventNames: Record<keyof QueueEventChannels, true> = {
  'queue:job-updated': true,
  'queue:mailbox-watch-changed': true,
};
