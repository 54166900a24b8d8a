/**
 * The across-campaigns view of Rapports: every accepted campaign with a
 * report (MediasFlow's latest version, an iSendPro job's notifications),
 * counted by day, by campaign and by connection; with a period chosen, the
 * MediasFlow REST accounts' campaigns Dropdesk did not drop too (their
 * by-period reports, rest-account-overview.ts).
 */
import type { OverviewGroup, ReportOverviewView } from '@shared/ipc/channels/reports';
import type { Channel } from '@shared/providers/provider-ids';
import type { ReportSummary } from '@shared/reports/summarize-report';
import { toParisParts } from '@shared/scheduling/paris-time';
import { restClientOptionsFor } from '../connections/rest-connection';
import type { RestClientOptions, RestEndpoint } from '../connectors/mediasflow-rest/rest-client';
import type { JobRecord } from '../queue/job-record';
import { isMediasflowJob, sendAtOf } from './report-job-kinds';
import { restAccountCampaigns } from './rest-account-overview';
import type { ReportConnections } from './report-service';

export interface ReportOverviewDeps {
  /** The accepted campaigns. */
  records(): Promise<JobRecord[]>;
  /** A campaign's latest figures; null when it has none (not published, none yet). */
  latestSummary(record: JobRecord): Promise<ReportSummary | null>;
  connections: ReportConnections;
  restClientOptions?: (endpoint: RestEndpoint) => RestClientOptions;
  now: () => Date;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

export async function reportOverview(deps: ReportOverviewDeps, input: { from?: string; to?: string; channel?: Channel }): Promise<ReportOverviewView> {
  const { connections, now } = deps;
  const from = input.from?.slice(0, 10);
  const to = input.to?.slice(0, 10);
  const days = new Map<string, { recipients: number; delivered: number; campaigns: number }>();
  const byDelivery = new Map<string, OverviewGroup>();
  const byConnection = new Map<string, OverviewGroup>();
  const totals = { campaigns: 0, recipients: 0, delivered: 0, stop: 0, clicks: 0 };
  const addTo = (groups: Map<string, OverviewGroup>, key: string, label: string, recipients: number, delivered: number, stop: number, accountCampaignId?: string) => {
    const group = groups.get(key) ?? { key, label, recipients: 0, delivered: 0, deliveredRate: 0, stop: 0, campaigns: 0, ...(accountCampaignId ? { accountCampaignId } : {}) };
    group.recipients += recipients;
    group.delivered += delivered;
    group.stop += stop;
    group.campaigns++;
    group.deliveredRate = ratio(group.delivered, group.recipients);
    groups.set(key, group);
  };
  const count = (day: string, summary: ReportSummary) => {
    const { recipients, stop, clicks } = summary;
    const delivered = summary.categories.delivered;
    totals.campaigns++;
    totals.recipients += recipients;
    totals.delivered += delivered;
    totals.stop += stop;
    totals.clicks += clicks;
    const point = days.get(day) ?? { recipients: 0, delivered: 0, campaigns: 0 };
    point.recipients += recipients;
    point.delivered += delivered;
    point.campaigns++;
    days.set(day, point);
  };
  const records = await deps.records();
  for (const record of records) {
    if (input.channel && record.job.channel !== input.channel) continue;
    const latest = await deps.latestSummary(record);
    const sendAt = sendAtOf(record);
    if (!latest || !sendAt) continue;
    const day = toParisParts(Date.parse(sendAt)).dateKey;
    if ((from && day < from) || (to && day > to)) continue;
    const { recipients, stop } = latest;
    const delivered = latest.categories.delivered;
    count(day, latest);
    // Named the user's way: the campaign's name (one group per drop).
    addTo(byDelivery, record.job.idDelivery, record.job.campaignName, recipients, delivered, stop);
    addTo(byConnection, record.job.connectionId, record.connectionName, recipients, delivered, stop);
  }
  // A period chosen: the REST accounts' campaigns Dropdesk did not drop, from the by-period reports (one rule: by campaign id).
  let restAccounts: ReportOverviewView['restAccounts'];
  const { list: listConnections, resolveRestEndpoint } = connections;
  if (from && input.channel !== 'vms' && listConnections && resolveRestEndpoint) {
    const today = toParisParts(now()).dateKey;
    const ownCampaignIds = new Set(records.filter(isMediasflowJob).map((record) => record.job.campaignId).filter((id): id is string => Boolean(id)));
    const clientOptions = deps.restClientOptions ?? ((at: RestEndpoint) => restClientOptionsFor(at, process.env));
    const account = await restAccountCampaigns({
      connections: { list: () => listConnections.call(connections), getStored: (id) => connections.getStored(id), resolveRestEndpoint: (at) => resolveRestEndpoint.call(connections, at) },
      period: { from, to: to ?? today },
      ownCampaignIds,
      today,
      clientOptions,
    });
    if (account.accounts.length > 0) restAccounts = account.accounts;
    for (const campaign of account.campaigns) {
      const delivered = campaign.summary.categories.delivered;
      count(campaign.day, campaign.summary);
      addTo(byDelivery, `mediasflow-campaign:${campaign.connectionId}:${campaign.campaignId}`, campaign.campaignId, campaign.summary.recipients, delivered, campaign.summary.stop, campaign.campaignId);
      addTo(byConnection, campaign.connectionId, campaign.connectionName, campaign.summary.recipients, delivered, campaign.summary.stop);
    }
  }
  const sortGroups = (groups: Map<string, OverviewGroup>) => [...groups.values()].sort((a, b) => b.recipients - a.recipients || a.label.localeCompare(b.label));
  return {
    ...totals,
    deliveredRate: ratio(totals.delivered, totals.recipients),
    overTime: [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, point]) => ({ day, ...point, deliveredRate: ratio(point.delivered, point.recipients) })),
    byDelivery: sortGroups(byDelivery),
    byConnection: sortGroups(byConnection),
    ...(restAccounts ? { restAccounts } : {}),
  };
}
