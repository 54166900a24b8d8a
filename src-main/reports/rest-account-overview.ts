/**
 * The across-campaigns view's MediasFlow REST part: for a chosen period,
 * each REST account's by-period reports (GET /campaigns/reportjson?from&to&types=SMS,
 * a read safe to repeat), one request per window of
 * shared/reports/rest-period-windows.ts, in turn; the campaigns Dropdesk does
 * not count from their own report (shared/reports/rest-period-figures.ts,
 * one rule: by campaign id). Two connections to the same account (same
 * address and login) are asked once. A failure is told per account, never
 * thrown: the local campaigns are still shown.
 */
import type { RestAccountOverview } from '@shared/ipc/channels/reports';
import { accountPeriodFigures, type AccountCampaignFigures } from '@shared/reports/rest-period-figures';
import { planRestPeriodWindows, restPeriodMaxDays, type RestPeriod } from '@shared/reports/rest-period-windows';
import { isRestProvider } from '../connections/connection-types';
import type { StoredConnection } from '../connections/connection-types';
import { createRestClient, type RestClientOptions, type RestEndpoint } from '../connectors/mediasflow-rest/rest-client';
import { RestError } from '../connectors/mediasflow-rest/rest-error';

export interface RestAccountConnections {
  /** Every saved connection (the REST ones are asked). */
  list(): Promise<{ id: string }[]>;
  getStored(idOrName: string): Promise<StoredConnection>;
  resolveRestEndpoint(connection: StoredConnection): Promise<RestEndpoint>;
}

export interface AccountCampaign extends AccountCampaignFigures {
  connectionId: string;
  connectionName: string;
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof RestError) return { code: error.status ? `http-${error.status}` : `rest-${error.kind}`, message: error.message };
  const code = (error as { code?: unknown })?.code;
  return { code: typeof code === 'string' ? code : 'rest-period-failed', message: `Les rapports par période du compte MediasFlow n'ont pas pu être lus (${error instanceof Error ? error.message : String(error)}).` };
}

export async function restAccountCampaigns(input: {
  connections: RestAccountConnections;
  period: RestPeriod;
  /** Campaign ids Dropdesk counts from their own report. */
  ownCampaignIds: ReadonlySet<string>;
  today: string;
  clientOptions: (endpoint: RestEndpoint) => RestClientOptions;
}): Promise<{ campaigns: AccountCampaign[]; accounts: RestAccountOverview[] }> {
  const stored: StoredConnection[] = [];
  for (const { id } of await input.connections.list()) {
    const connection = await input.connections.getStored(id).catch(() => null);
    if (connection && isRestProvider(connection.provider)) stored.push(connection);
  }
  const campaigns: AccountCampaign[] = [];
  const accounts: RestAccountOverview[] = [];
  if (stored.length === 0) return { campaigns, accounts };
  const plan = planRestPeriodWindows(input.period);
  const asked = new Set<string>();
  for (const connection of stored) {
    const account: RestAccountOverview = { connectionId: connection.id, connectionName: connection.name, campaigns: 0, requests: 0, unattributedRows: 0, error: null };
    accounts.push(account);
    if (!plan.ok) {
      account.error = plan.reason === 'too-long'
        ? { code: 'rest-period-too-long', message: `La période choisie compte ${plan.days} jours : les campagnes du compte MediasFlow ne sont lues que sur ${restPeriodMaxDays} jours au plus. Choisissez une période plus courte.` }
        : { code: 'rest-period-invalid', message: 'La période choisie est illisible.' };
      continue;
    }
    let client: ReturnType<typeof createRestClient> | null = null;
    try {
      const endpoint = await input.connections.resolveRestEndpoint(connection);
      const accountKey = `${endpoint.baseUrl.replace(/\/+$/, '')}|${endpoint.login}`;
      if (asked.has(accountKey)) continue;
      asked.add(accountKey);
      client = createRestClient(endpoint, input.clientOptions(endpoint));
      const rows: unknown[] = [];
      for (const window of plan.windows) {
        const answer = await client.callJson<unknown>({ method: 'GET', path: '/campaigns/reportjson', query: { from: window.from, to: window.to, types: 'SMS' } });
        account.requests++;
        if (!Array.isArray(answer)) throw new RestError('no-answer', 'Le rapport par période de MediasFlow est illisible (un tableau de lignes était attendu).', 200);
        rows.push(...answer);
      }
      const figures = accountPeriodFigures({ rows, ownCampaignIds: input.ownCampaignIds, period: input.period, today: input.today });
      account.campaigns = figures.campaigns.length;
      account.unattributedRows = figures.unattributedRows;
      campaigns.push(...figures.campaigns.map((campaign) => ({ ...campaign, connectionId: connection.id, connectionName: connection.name })));
    } catch (error) {
      account.error = describe(error);
    } finally {
      await client?.close();
    }
  }
  return { campaigns, accounts };
}
