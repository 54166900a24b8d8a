/**
 * A drop job: one file going to one provider, from the moment it is queued
 * to the provider's answer. Plain JSON (times are ISO 8601 UTC strings) so it
 * is persisted as is, before anything is done for it.
 */
import type { Channel, ProviderId } from '../providers/provider-ids';
import type { SendType } from '../scheduling/send-window';
import type { RestJobEvent, RestProgress } from './rest/rest-job-types';
import type { MailJobEvent, MailProgress } from './mail/mail-job-types';

/** In the order the user sees them. */
export const jobStates = ['queued', 'waiting', 'uploading', 'awaiting-ack', 'accepted', 'rejected', 'failed', 'held', 'cancelled'] as const;
export type JobState = (typeof jobStates)[number];

/** No event moves a job out of these (a new drop is a new job). */
export const finalStates: ReadonlySet<JobState> = new Set(['accepted', 'rejected', 'cancelled']);

export interface JobReason {
  /** Stable code: a connector error kind, 'stamp-expired', a MediasFlow '01'…'09', an AllMySMS reason… */
  code: string;
  /** Plain French: what happened. */
  message: string;
  /** Plain French: what to do. */
  action?: string;
  /** Raw technical detail or provider text. */
  detail?: string;
}

export interface JobPart {
  /** 1-based. */
  index: number;
  count: number;
  /** Shared by the parts of one split campaign. */
  groupId: string;
}

export interface HistoryEntry {
  at: string;
  event: JobEventType | RestJobEvent['type'] | MailJobEvent['type'] | 'created';
  from: JobState | null;
  to: JobState;
  /** Catalogue key under queue.notes, when something worth telling happened. */
  note?: string;
}

/** The providers the queue works: the file-drop ones (ProviderId), the MediasFlow SMS REST API and iSendPro mail-to-SMS. */
export type QueueProviderId = ProviderId | 'mediasflow-rest' | 'isendpro-mail';

export interface Job {
  id: string;
  connectionId: string;
  providerId: QueueProviderId;
  channel: Channel;
  sendType: SendType;
  /** The campaign's name as the user typed it. */
  campaignName: string;
  /** Provider-safe name written in the file name (IDCAMPAGNE…); campaignName for older jobs. */
  fileCampaignName?: string;
  /** The draft and saved list the drop came from, when it came from the app. */
  draftId?: string;
  listId?: string;
  /** "M'envoyer un test": a one-recipient drop to the user's own number, never counted in the campaign's figures. */
  test?: true;
  /** MediasFlow IDMEDIAFLOW (template campaign number); null for AllMySMS. */
  templateId: string | null;
  /** Written in every remote name of this drop, so a copy on the server is recognised. */
  idDelivery: string;
  part: JobPart | null;
  /** Programmed send time (ISO instant), null for an immediate send. */
  programmedAt: string | null;

  state: JobState;
  /** Why a waiting job waits ('opt-outs': the opt-out list cannot be read, nothing is sent until it is repaired). */
  waitingFor: 'network' | 'time' | 'opt-outs' | null;

  /** Name of the file in the drop folder ('.csv'); set when the upload starts, or from the copy found. */
  remoteName: string | null;
  /** Name during the upload ('.tmp'). */
  temporaryName: string | null;
  /** MediasFlow: the instant written in the name's stamp. */
  stampAt: string | null;

  /** Uploads started. */
  attempts: number;
  /** Network failures since the last success or user action; drives the backoff. */
  consecutiveFailures: number;
  nextAttemptAt: string | null;
  uploadedBytes: number;
  totalBytes: number | null;
  /**
   * True from the moment the rename was attempted until a scan proves the
   * file is not on the server: a cut connection during the rename leaves the
   * outcome unknown, and such a job can neither be cancelled nor re-uploaded
   * before the server has been checked.
   */
  mayBeOnServer: boolean;
  /** The user asked to cancel while that could not be done at once (uploading, or maybe on the server). */
  cancelRequested: boolean;

  /** When the file became visible to the provider (renamed, or found there). */
  onServerAt: string | null;
  ackPolls: number;
  nextPollAt: string | null;
  lastPolledAt: string | null;

  /** Provider's campaign number when accepted (MediasFlow); null otherwise. */
  campaignId: string | null;
  /** Why the job is in its state: waiting (network), held, failed, rejected, cancelled. */
  reason: JobReason | null;
  /** Last transient problem (network while uploading or polling), for the details view. */
  lastError: JobReason | null;

  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
  /** MediasFlow REST jobs only: the steps of the API drop (shared/queue/rest/). */
  rest?: RestProgress;
  /** iSendPro mail-to-SMS jobs only: the batches and the answers (shared/queue/mail/). */
  mail?: MailProgress;
}

export type LandedStage = 'dropped' | 'processing' | 'answered';

export type JobEvent =
  /** Wait for a time before uploading (e.g. a chosen slot). */
  | { type: 'wait-until'; until: string }
  /** The runtime scanned the server, found nothing, and starts uploading under these names. */
  | { type: 'start-upload'; remoteName: string; temporaryName: string; totalBytes: number; stampAt?: string | null }
  | { type: 'progress'; uploadedBytes: number }
  /** The temporary file is complete and its size checked: the rename is about to be sent. */
  | { type: 'renaming' }
  /** Renamed: the provider can see the file. */
  | { type: 'uploaded' }
  /** A copy of this drop is already on the server: never upload it again. */
  | { type: 'found-on-server'; remoteName: string; stage?: LandedStage }
  /** A scan found no copy of the drop on the server. */
  | { type: 'not-on-server' }
  /** Transient failure (network, server full): retry with backoff. */
  | { type: 'network-error'; error: JobReason; slow?: boolean }
  /**
   * The opt-out list cannot be read before the first upload: nothing is sent;
   * the job waits (calm backoff) and goes as soon as the list is readable again.
   */
  | { type: 'opt-outs-unreadable'; detail?: string }
  /** Failure that needs a person (authentication, host key, name refused…). */
  | { type: 'permanent-error'; error: JobReason }
  /** The process stopped mid-upload (found 'uploading' at start-up). */
  | { type: 'interrupted' }
  /** The runtime aborted the upload before the rename (the temporary file is deleted). */
  | { type: 'upload-cancelled' }
  | { type: 'ack-accepted'; campaignId: string | null }
  | { type: 'ack-rejected'; code: string; message: string; action?: string; detail?: string }
  | { type: 'ack-not-yet'; error?: JobReason }
  | { type: 'stamp-expired' }
  | { type: 'programmed-time-passed'; tooSoon?: boolean }
  | { type: 'user-retry' }
  | { type: 'user-check-ack' }
  | { type: 'user-cancel' }
  /** New programmed time (ISO), or null to send now. */
  | { type: 'user-reschedule'; programmedAt: string | null }
  /** Go ahead as is (a held MediasFlow stamp: a new stamp is taken). */
  | { type: 'user-confirm' };

export type JobEventType = JobEvent['type'];

export type TransitionErrorCode =
  | 'illegal-transition'
  | 'already-on-server'
  | 'finished'
  | 'programmed-time-in-past'
  | 'cancel-requested'
  | 'may-be-on-server'
  | 'result-unknown'
  | 'invalid-event';

export interface TransitionError {
  code: TransitionErrorCode;
  /** Plain French (queue.transitionErrors). */
  message: string;
  state: JobState;
  event: JobEventType | RestJobEvent['type'] | MailJobEvent['type'];
}

export type TransitionResult = { ok: true; job: Job } | { ok: false; error: TransitionError };
