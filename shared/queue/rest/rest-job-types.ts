/**
 * A MediasFlow REST job's own progress (Job.rest): which step comes next,
 * what MediasFlow answered, and — the exactly-once fact — whether the inject
 * request may have left. Plain JSON, persisted with the job before each step.
 */
import type { JobReason } from '../job-types';

/** The steps, in order: the list upload is skipped when the recipients travel in the prepare request. */
export const restSteps = ['upload-list', 'prepare', 'inject', 'done'] as const;
export type RestStep = (typeof restSteps)[number];

/** Campaign status values the guide lists (§2.1.3.1); anything else is read as "unknown", never as sent or not sent. */
export const restCampaignStatuses = ['DRAFT', 'INPROGRESS', 'INJECTING', 'INJECTED', 'SCHEDULED'] as const;
export type RestCampaignStatus = (typeof restCampaignStatuses)[number];

/** The figures Dropdesk checks, side by side: its own (expected) and MediasFlow's answer to the prepare. */
export interface RestFigures {
  recipients: number;
  invalid: number;
  duplicates: number;
  blacklisted: number;
  renderingErrors: number;
  credits: number;
  /** null: MediasFlow's default numeric sender (none asked). */
  sender: string | null;
  message: string;
}

export type RestFigureName = keyof RestFigures;

export interface RestFigureMismatch {
  figure: RestFigureName;
  expected: number | string | null;
  answered: number | string | null;
}

export interface RestProgress {
  step: RestStep;
  payload: RestPayload;
  /** Recipients go as an uploaded list ('upload') or inside the prepare request ('recipients'). */
  listMode: 'upload' | 'recipients';
  /** MediasFlow's list number (from /lists/upload). */
  listId: number | null;
  /** The DRAFT campaign the prepare created; the inject names it. */
  campaignId: number | null;
  expected: RestFigures;
  answered: RestFigures | null;
  mismatches: RestFigureMismatch[];
  /** Prepare requests sent (a lost answer leaves an unsent DRAFT on the account, never a send). */
  prepares: number;
  /** Persisted BEFORE the inject request leaves: from then on the job is never injected again by Dropdesk itself. */
  injectSentAt: string | null;
  /** The campaign's status as MediasFlow last gave it. */
  status: RestCampaignStatus | null;
  /** scheduleOn sent with the prepare (UTC, …Z), or null for an immediate send. */
  scheduleOn: string | null;
  /** Reconciliation reads made while the inject's outcome is unknown. */
  reconcileReads: number;
  lastReconcileAt: string | null;
}

/** What the prepare request carries besides the list (every option explicit: MediasFlow bills what the composer showed). */
export interface RestPayload {
  campaignName: string;
  msg: string;
  sender: string | null;
  typeSelect: 'MKG' | 'NOTIFICATION';
  allowUCS2: boolean;
  autoREPLACEEMOJI: boolean;
  autoREPLACETOGSM7: boolean;
  checkDuplicate: boolean;
  brand: string | null;
}

/** What a REST drop is created with. */
export interface RestJobSetup {
  listMode: 'upload' | 'recipients';
  expected: RestFigures;
  payload: RestPayload;
}

export type RestJobEvent =
  | { type: 'rest-list-uploaded'; listId: number }
  /** MediasFlow answered the prepare (startNow false) with a DRAFT campaign and its figures. */
  | { type: 'rest-prepared'; campaignId: number; answered: RestFigures; status: RestCampaignStatus }
  /** About to send the inject: persisted before the request leaves. */
  | { type: 'rest-inject-sending' }
  /** The inject's answer arrived. */
  | { type: 'rest-injected'; status: RestCampaignStatus }
  /** The inject was answered with a clear refusal (nothing was sent). */
  | { type: 'rest-inject-refused'; error: JobReason }
  /** The inject's answer was lost (timeout, reset, 5xx, garbled body, crash): outcome unknown. */
  | { type: 'rest-inject-unknown'; error: JobReason }
  /** A read after an unknown outcome showed the campaign was sent (report rows, status). */
  | { type: 'rest-reconciled'; status: RestCampaignStatus }
  /** A read after an unknown outcome could not tell: read again later. */
  | { type: 'rest-reconcile-not-yet'; error?: JobReason }
  /** /campaigns/{id}/cancel answered: the scheduled campaign is back to DRAFT. */
  | { type: 'rest-campaign-cancelled' }
  /** The cancel was refused or came too late: the campaign goes as scheduled. */
  | { type: 'rest-cancel-refused'; error: JobReason };
