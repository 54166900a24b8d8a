/**
 * The MediasFlow REST account's campaigns in a period, from the by-period
 * reports' rows (GET /campaigns/reportjson?from&to, planned by
 * rest-period-windows.ts), for the across-campaigns view (pure).
 *
 * One rule so that no campaign is counted twice: **by campaign id**. A
 * campaign Dropdesk itself dropped and saw accepted is counted from its own
 * report only (ownCampaignIds); the by-period rows add the campaigns the
 * account sent otherwise (extranet, another computer). A row without a
 * campaign number cannot be told apart from Dropdesk's own: it is left out
 * and counted as unattributed. A row seen twice (the same campaign, line and
 * number in two answers) is counted once.
 *
 * Each campaign is placed on the Paris day of its first delivery date; the
 * day fetched on each side of the period only serves to not miss a send near
 * midnight, and campaigns whose day is outside the period are left out. A
 * campaign with no delivery date yet is being sent now: it is placed today.
 * Figures go through the one report parser (same categories as every report).
 */
import { toParisParts } from '../scheduling/paris-time';
import { readParisDeliveryDate } from './delivery-date';
import { parseAndSummarizeReport } from './parse-and-summarize-report';
import { restReportRowsToCsv } from './rest-report-csv';
import type { RestPeriod } from './rest-period-windows';
import type { ReportSummary } from './summarize-report';

export interface AccountCampaignFigures {
  /** MediasFlow's campaign number. */
  campaignId: string;
  /** Paris day 'YYYY-MM-DD' it is counted on. */
  day: string;
  summary: ReportSummary;
}

export interface AccountPeriodFigures {
  campaigns: AccountCampaignFigures[];
  /** Rows without a campaign number (left out). */
  unattributedRows: number;
  /** Campaigns of the answers that Dropdesk counts from their own report. */
  ownCampaignsSkipped: number;
}

type Row = Record<string, unknown>;

/** The row's campaign number: a positive whole number, or digits; else null. */
export function campaignIdOfRow(row: Row): string | null {
  const value = row.ID_CAMPAIGN;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^[1-9]\d{0,17}$/.test(value.trim())) return value.trim();
  return null;
}

/** Paris day of the row's DELIVERYDATE (an ISO instant or MediasFlow's 'dd/MM/yyyy HH:mm:ss'), else null. */
export function deliveryDayOfRow(row: Row): string | null {
  const text = typeof row.DELIVERYDATE === 'string' ? row.DELIVERYDATE.trim() : '';
  if (!text) return null;
  const at = /^\d{2}\/\d{2}\/\d{4}/.test(text) ? readParisDeliveryDate(text, 0, text.length) : Date.parse(text);
  return Number.isNaN(at) ? null : toParisParts(at).dateKey;
}

export function accountPeriodFigures(input: {
  rows: readonly unknown[];
  ownCampaignIds: ReadonlySet<string>;
  period: RestPeriod;
  /** Paris day of now. */
  today: string;
}): AccountPeriodFigures {
  const byCampaign = new Map<string, { rows: Row[]; seen: Set<string>; day: string | null }>();
  const own = new Set<string>();
  let unattributedRows = 0;
  for (const item of input.rows) {
    const row = (item && typeof item === 'object' ? item : {}) as Row;
    const campaignId = campaignIdOfRow(row);
    if (campaignId === null) {
      unattributedRows++;
      continue;
    }
    if (input.ownCampaignIds.has(campaignId)) {
      own.add(campaignId);
      continue;
    }
    const campaign = byCampaign.get(campaignId) ?? { rows: [], seen: new Set<string>(), day: null };
    byCampaign.set(campaignId, campaign);
    const key = row.ID_LINE !== undefined || row.INT_MOBILE !== undefined ? `${String(row.ID_LINE ?? '')}|${String(row.INT_MOBILE ?? '')}` : null;
    if (key !== null) {
      if (campaign.seen.has(key)) continue;
      campaign.seen.add(key);
    }
    campaign.rows.push(row);
    const day = deliveryDayOfRow(row);
    if (day !== null && (campaign.day === null || day < campaign.day)) campaign.day = day;
  }
  const campaigns: AccountCampaignFigures[] = [];
  for (const [campaignId, campaign] of byCampaign) {
    const day = campaign.day ?? input.today;
    if (day < input.period.from || day > input.period.to) continue;
    const csv = restReportRowsToCsv(campaign.rows);
    const { summary } = parseAndSummarizeReport(new TextEncoder().encode(csv), `API-MEDIASFLOW_${campaignId}.csv`, { channel: 'sms' });
    campaigns.push({ campaignId, day, summary });
  }
  campaigns.sort((a, b) => a.day.localeCompare(b.day) || Number(a.campaignId) - Number(b.campaignId));
  return { campaigns, unattributedRows, ownCampaignsSkipped: own.size };
}
