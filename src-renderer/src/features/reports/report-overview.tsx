/** Across campaigns: delivery rate and volume over time, per IDDELIVERY and per connection, filtered by date and channel. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, BarChart } from 'recharts';
import type { OverviewGroup } from '@shared/ipc/channels/reports';
import { CATEGORY_COLOURS } from '@shared/reports/status-codes';
import { useDropdesk } from '../../store/store-context';
import { formatCount } from '../../i18n/format';
import { formatChartLabel } from './report-format';
import { ChartCard } from './chart-card';
import { formatPercent } from './report-format';

export function ReportOverview() {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const overview = useDropdesk((state) => state.overview);
  const filter = useDropdesk((state) => state.overviewFilter);
  const loadOverview = useDropdesk((state) => state.loadOverview);
  useEffect(() => {
    if (!overview) void loadOverview();
  }, [overview, loadOverview]);
  const count = (value: number) => formatCount(value, language);
  return (
    <div className="report-detail" data-testid="report-overview">
      <div className="toolbar-row overview-filters">
        <label className="inline-field">
          {t('screen.from')}
          <input className="input" type="date" value={filter.from ?? ''} onChange={(event) => void loadOverview({ ...filter, from: event.target.value || undefined })} data-testid="overview-from" />
        </label>
        <label className="inline-field">
          {t('screen.to')}
          <input className="input" type="date" value={filter.to ?? ''} onChange={(event) => void loadOverview({ ...filter, to: event.target.value || undefined })} data-testid="overview-to" />
        </label>
        <label className="inline-field">
          {t('screen.channel')}
          <select
            className="input"
            value={filter.channel ?? ''}
            onChange={(event) => void loadOverview({ ...filter, channel: (event.target.value || undefined) as 'sms' | 'vms' | undefined })}
            data-testid="overview-channel"
          >
            <option value="">{t('screen.allChannels')}</option>
            <option value="sms">SMS</option>
            <option value="vms">VMS</option>
          </select>
        </label>
      </div>
      {overview && (
        <>
          {overview.restAccounts && overview.restAccounts.length > 0 && (
            <ul className="muted small overview-rest-accounts" data-testid="overview-rest-accounts">
              {overview.restAccounts.map((account) => (
                <li key={account.connectionId} data-testid="overview-rest-account" data-campaigns={account.campaigns} data-error={account.error?.code ?? ''}>
                  {account.error
                    ? t('screen.restAccountFailed', { name: account.connectionName, message: account.error.message })
                    : t('screen.restAccountAdded', { name: account.connectionName, count: account.campaigns })}
                  {account.unattributedRows > 0 && ` ${t('screen.restAccountUnattributed', { count: account.unattributedRows })}`}
                </li>
              ))}
            </ul>
          )}
          <dl className="headline-figures">
            <div className="figure headline-figure" data-testid="overview-campaigns" data-value={overview.campaigns}>
              <dt className="muted small">{t('screen.campaigns')}</dt>
              <dd className="figure-value">{count(overview.campaigns)}</dd>
            </div>
            <div className="figure headline-figure" data-testid="overview-recipients" data-value={overview.recipients}>
              <dt className="muted small">{t('figures.recipients')}</dt>
              <dd className="figure-value">{count(overview.recipients)}</dd>
            </div>
            <div className="figure headline-figure" data-testid="overview-delivered-rate" data-value={overview.deliveredRate}>
              <dt className="muted small">{t('figures.deliveredRate')}</dt>
              <dd className="figure-value">{formatPercent(overview.deliveredRate, language)}</dd>
            </div>
            <div className="figure headline-figure" data-testid="overview-stop" data-value={overview.stop}>
              <dt className="muted small">{t('figures.stop')}</dt>
              <dd className="figure-value">{count(overview.stop)}</dd>
            </div>
          </dl>
          {overview.campaigns === 0 ? (
            <p className="card empty-state muted">{t('screen.overviewEmpty')}</p>
          ) : (
            <>
              <ChartCard title={t('screen.overTimeAcross')} fileStem="vue-ensemble" testId="chart-overview-time">
                <ResponsiveContainer width="100%" height={240}>
                  <ComposedChart data={overview.overTime} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="day" tick={{ fontSize: 11 }} tickFormatter={(value) => (/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? formatChartLabel(`${value}T12:00:00Z`, 'day', language) : String(value))} />
                    <YAxis yAxisId="volume" allowDecimals={false} tick={{ fontSize: 11 }} width={52} tickFormatter={(value) => count(Number(value))} />
                    <YAxis yAxisId="rate" orientation="right" domain={[0, 1]} tickFormatter={(value) => formatPercent(Number(value), language)} tick={{ fontSize: 11 }} width={48} />
                    <Tooltip formatter={(value, name) => (name === t('figures.deliveredRate') ? formatPercent(Number(value), language) : count(Number(value)))} />
                    <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
                    <Bar yAxisId="volume" dataKey="recipients" name={t('figures.recipients')} fill="#b0c4ef" isAnimationActive={false} maxBarSize={64} />
                    <Bar yAxisId="volume" dataKey="delivered" name={t('figures.delivered')} fill={CATEGORY_COLOURS.delivered.hex} isAnimationActive={false} maxBarSize={64} />
                    <Line yAxisId="rate" dataKey="deliveredRate" name={t('figures.deliveredRate')} stroke="#1f2430" strokeWidth={2} isAnimationActive={false} />
                  </ComposedChart>
                </ResponsiveContainer>
              </ChartCard>
              <div className="report-grid">
                <GroupChart title={t('screen.byDelivery')} groups={overview.byDelivery} testId="chart-overview-delivery" />
                <GroupChart title={t('screen.byConnection')} groups={overview.byConnection} testId="chart-overview-connection" />
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}

function GroupChart({ title, groups: given, testId }: { title: string; groups: OverviewGroup[]; testId: string }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  // A campaign of a MediasFlow account that Dropdesk did not drop is named by its number.
  const groups = given.map((group) => (group.accountCampaignId ? { ...group, label: t('screen.accountCampaign', { id: group.accountCampaignId }) } : group));
  return (
    <ChartCard title={title} fileStem="vue-ensemble" testId={testId}>
      <ResponsiveContainer width="100%" height={Math.max(120, groups.length * 34 + 40)}>
        <BarChart data={groups} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 4 }}>
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} tickFormatter={(value) => formatCount(Number(value), language)} />
          <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(value) => formatCount(Number(value), language)} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Bar dataKey="recipients" name={t('figures.recipients')} fill="#b0c4ef" isAnimationActive={false} maxBarSize={64} />
          <Bar dataKey="delivered" name={t('figures.delivered')} fill={CATEGORY_COLOURS.delivered.hex} isAnimationActive={false} maxBarSize={64} />
        </BarChart>
      </ResponsiveContainer>
      <table className="table" data-testid={`${testId}-table`}>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key}>
              <td>{group.label}</td>
              <td className="numeric">{t('screen.campaignCount', { count: group.campaigns })}</td>
              <td className="numeric">{formatPercent(group.deliveredRate, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartCard>
  );
}
