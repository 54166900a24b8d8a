/**
 * Delivery reports (issue 5) and the local opt-out list. Main fetches,
 * parses and keeps the reports; the renderer asks for figures and pages.
 */
import type { ReportHeadline } from '../../reports/report-headline';
import type { Channel } from '../../providers/provider-ids';
import type { ReportSummary } from '../../reports/summarize-report';
import type { EvolutionPoint, ReportSummaryDiff } from '../../reports/diff-report-summaries';
import type { ReportCategory } from '../../reports/status-codes';
import type { OptOutList } from '../../reports/opt-outs';
import type { QueueProviderId } from '../../queue/job-types';

/** Why a campaign has no report to show. */
export type ReportAvailability =
  /** MediasFlow, at least one version downloaded. */
  | 'available'
  /** MediasFlow, accepted, nothing published yet. */
  | 'waiting'
  /** AllMySMS publishes no report file: only what the queue knows is shown. */
  | 'not-published';

export interface ReportCampaignView {
  jobId: string;
  campaignName: string;
  campaignId: string | null;
  providerId: QueueProviderId;
  channel: Channel;
  connectionId: string;
  connectionName: string;
  idDelivery: string;
  /** Name of the dropped file. */
  remoteName: string | null;
  /** When the campaign left (programmed time, else acceptance). */
  sendAt: string | null;
  acceptedAt: string | null;
  /** Recipients in the dropped file (known without a report). */
  droppedRecipients: number;
  availability: ReportAvailability;
  versions: number;
  latestFileName: string | null;
  latestGeneratedAt: string | null;
  /** Headline of the latest version. */
  headline: ReportHeadline | null;
  lastCheckedAt: string | null;
  /** Next automatic look, null when the schedule is over (or for AllMySMS). */
  nextCheckAt: string | null;
  lastError: { code: string; message: string } | null;
}

export interface ReportVersionView {
  fileName: string;
  generatedAt: string;
  archived: boolean;
  bytes: number;
  downloadedAt: string;
  recipients: number;
  delivered: number;
}

export interface ReportDetailView {
  campaign: ReportCampaignView;
  versions: ReportVersionView[];
  latest: { fileName: string; generatedAt: string; encoding: string; summary: ReportSummary } | null;
  /** Latest vs the version before it (null with fewer than two versions). */
  diff: ReportSummaryDiff | null;
  evolution: EvolutionPoint[];
}

export interface ReportRowsFilter {
  category?: ReportCategory;
  code?: string;
  search?: string;
}

export interface ReportRowsPage {
  /** Every column of the report: report columns then the original list's. */
  columns: string[];
  /** Rows matching the filter. */
  total: number;
  offset: number;
  rows: string[][];
  /** Each row's country (ISO code, '' when unknown) as the breakdown counts it: an overseas territory from the number rule. */
  countries?: string[];
}

export interface ReportRefreshResult {
  jobs: { jobId: string; newVersions: number; versions: number; error: { code: string; message: string } | null }[];
}

export interface OverviewPoint {
  /** Paris day 'yyyy-MM-dd' of the send. */
  day: string;
  recipients: number;
  delivered: number;
  deliveredRate: number;
  campaigns: number;
}

export interface OverviewGroup {
  key: string;
  label: string;
  /** A campaign of a MediasFlow REST account that Dropdesk did not drop (from the by-period reports): its number, for the label. */
  accountCampaignId?: string;
  recipients: number;
  delivered: number;
  deliveredRate: number;
  stop: number;
  campaigns: number;
}

export interface ReportOverviewView {
  campaigns: number;
  recipients: number;
  delivered: number;
  deliveredRate: number;
  stop: number;
  clicks: number;
  overTime: OverviewPoint[];
  byDelivery: OverviewGroup[];
  byConnection: OverviewGroup[];
  /** With a period chosen: what each MediasFlow REST account's by-period reports added (absent without a period or REST connection). */
  restAccounts?: RestAccountOverview[];
}

/** One MediasFlow REST account in the across-campaigns view. */
export interface RestAccountOverview {
  connectionId: string;
  connectionName: string;
  /** Campaigns added from its by-period reports (sent without this Dropdesk). */
  campaigns: number;
  /** By-period requests made (7 days at most each). */
  requests: number;
  /** Rows without a campaign number, left out. */
  unattributedRows: number;
  error: { code: string; message: string } | null;
}

export interface OptOutImportView {
  added: number;
  updated: number;
  rejected: { line: number; value: string }[];
  total: number;
}

export interface ReportRequestChannels {
  /** Accepted campaigns with their report status (MediasFlow and AllMySMS). */
  'reports:list': (input: void) => ReportCampaignView[];
  'reports:get': (input: { jobId: string }) => ReportDetailView;
  /** Looks for new versions now ("Actualiser"): one campaign, or all. */
  'reports:refresh': (input: { jobId?: string }) => ReportRefreshResult;
  'reports:rows': (input: { jobId: string; category?: ReportCategory; code?: string; search?: string; offset: number; limit: number }) => ReportRowsPage;
  /** Save dialog in main; null when cancelled. */
  'reports:export-rows': (input: { jobId: string; filter: ReportRowsFilter }) => { path: string; rows: number } | null;
  /** A chart as PNG (bytes from the renderer), saved through the save dialog; null when cancelled. */
  'reports:save-png': (input: { defaultName: string; bytes: Uint8Array }) => { path: string } | null;
  'reports:overview': (input: { from?: string; to?: string; channel?: Channel }) => ReportOverviewView;
  'opt-outs:list': (input: void) => OptOutList;
  'opt-outs:import': (input: void) => OptOutImportView | null;
  'opt-outs:export': (input: void) => { path: string; count: number } | null;
  'opt-outs:add': (input: { number: string }) => OptOutList;
  'opt-outs:remove': (input: { numbers: string[] }) => OptOutList;
  /** How many sendable rows of a saved list are in the opt-out list (left out of every drop). */
  'opt-outs:in-list': (input: { listId: string }) => { optedOut: number; lines: number[] };
  /** Whether opt-outs.json can be read (when not, every drop is blocked) and whether its last good copy can be restored. */
  'opt-outs:status': (input: void) => OptOutStatusView;
  /** Repair an unreadable list with its last good copy (the damaged file is kept aside). */
  'opt-outs:restore-backup': (input: void) => OptOutList;
  /** Repair an unreadable list with a CSV chosen in the open dialog; null when cancelled. */
  'opt-outs:repair-import': (input: void) => OptOutImportView | null;
  /** How many rows "Retirer ces numéros de la liste" (the view's numbers) or "Relancer les non-délivrés" would take. */
  'reports:list-action-preview': (input: { jobId: string; action: 'remove' | 'retarget'; filter?: ReportRowsFilter }) => ListActionPreview;
  /** Deletes the campaign's list rows of the view's numbers (one edit: lists:undo puts them back). */
  'reports:remove-from-list': (input: { jobId: string; filter: ReportRowsFilter }) => RemovedFromList;
  /** A new draft "<campaign> — relance" on a new list of the not-delivered rows; sends nothing. */
  'reports:retarget': (input: { jobId: string }) => RetargetDraft;
  /** New report versions not opened yet (the badge on "Rapports"). */
  'reports:unread': (input: void) => UnreadReportsView;
  /** The campaign's report was opened: its versions are read (persisted in the workspace). */
  'reports:mark-read': (input: { jobId: string }) => UnreadReportsView;
  /** "Synchroniser la liste noire" (MediasFlow REST connection): adds the account's blacklist to the local list; `push` also sends local opt-outs to the account. */
  'opt-outs:sync-blacklist': (input: { connectionId: string; push?: boolean }) => { pulled: number; pushed: number; accountEntries: number };
}

/** What "Retirer ces numéros de la liste" or "Relancer les non-délivrés" would do, for the confirmation. */
export interface ListActionPreview {
  listId: string;
  listName: string;
  /** Rows of the list the action takes (removed, or copied into the new list). */
  rows: number;
  /** Distinct numbers of the report behind them. */
  numbers: number;
  /** Not-delivered numbers left out because they are in the opt-out list (retarget only). */
  optedOut: number;
}

export interface RemovedFromList {
  listId: string;
  listName: string;
  removed: number;
  /** The removal is the list's latest edit: "Défaire" (lists:undo) puts the rows back. */
  canUndo: boolean;
}

export interface RetargetDraft {
  draftId: string;
  draftName: string;
  /** The new list saved beside the original. */
  listId: string;
  listName: string;
  rows: number;
  optedOut: number;
  /** The connection of the first send, to pick again in the composer. */
  connectionId: string;
  /** False when the campaign was dropped without a draft (CLI): the message is to be written again. */
  messageCopied: boolean;
}

export interface UnreadReportsView {
  /** New report versions not yet opened, all campaigns. */
  total: number;
  byJob: Record<string, number>;
}

export interface OptOutStatusView {
  readable: boolean;
  problem: string | null;
  entries: number | null;
  backup: { entries: number } | null;
}

export interface ReportEventChannels {
  'reports:updated': { jobId: string; versions: number; newVersions: number };
  'opt-outs:changed': { count: number };
  /** The unread report versions changed (a new version arrived, or a report was opened). */
  'reports:unread-changed': UnreadReportsView;
}

export const reportRequestNames: Record<keyof ReportRequestChannels, true> = {
  'reports:list': true,
  'reports:get': true,
  'reports:refresh': true,
  'reports:rows': true,
  'reports:export-rows': true,
  'reports:save-png': true,
  'reports:overview': true,
  'opt-outs:list': true,
  'opt-outs:import': true,
  'opt-outs:export': true,
  'opt-outs:add': true,
  'opt-outs:remove': true,
  'opt-outs:in-list': true,
  'opt-outs:status': true,
  'opt-outs:restore-backup': true,
  'opt-outs:repair-import': true,
  'reports:list-action-preview': true,
  'reports:remove-from-list': true,
  'reports:retarget': true,
  'reports:unread': true,
  'reports:mark-read': true,
  'opt-outs:sync-blacklist': true,
};
export const reportEventNames: Record<keyof ReportEventChannels, true> = {
  'reports:updated': true,
  'opt-outs:changed': true,
  'reports:unread-changed': true,
};
