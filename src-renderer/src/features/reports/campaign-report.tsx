/**
 * One campaign's report: headline figures, the donut by category (spec
 * colours, click a slice to list its recipients), deliveries over time,
 * status detail by code (click a row), countries, the evolution across
 * versions and what changed since the previous one, then the recipients.
 */
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportCampaignView, ReportDetailView } from '@shared/ipc/channels/reports';
import { CATEGORY_COLOURS, REPORT_CATEGORIES, type ReportCategory } from '@shared/reports/status-codes';
import { recipientStatus, reportCodeSystemOf, type ReportCodeSystem } from '@shared/reports/recipient-status';
import type { CodeCount, ReportSummary } from '@shared/reports/summarize-report';
import { useDropdesk } from '../../store/store-context';
import { countryName, formatCount, formatDateTime } from '../../i18n/format';
import { ChartCard } from './chart-card';
import { deliveryUnconfirmed } from '@shared/reports/report-headline';
import { donutSlices, formatChartLabel, formatDelta, formatPercent, sentCount } from './report-format';
import { RecipientsTable } from './recipients-table';

export function CampaignReport({ detail }: { detail: ReportDetailView }) {
  const { campaign, latest } = detail;
  if (campaign.availability === 'not-published') return <NotPublished campaign={campaign} />;
  if (!latest) return <Waiting campaign={campaign} />;
  return (
    <div className="report-detail" data-testid="campaign-report">
      <Headline campaign={campaign} summary={latest.summary} />
      <VersionFacts detail={detail} />
      <div className="report-grid">
        <CategoryDonut campaign={campaign} summary={latest.summary} />
        <DeliveriesOverTime campaign={campaign} summary={latest.summary} />
      </div>
      <div className="report-grid">
        <CodeTable campaign={campaign} summary={latest.summary} />
        <Countries summary={latest.summary} />
      </div>
      <Evolution detail={detail} />
      <RecipientsTable campaign={campaign} />
    </div>
  );
}

function NotPublished({ campaign }: { campaign: ReportCampaignView }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  return (
    <section className="card report-notice" data-testid="report-not-published">
      <h2>{campaign.campaignName}</h2>
      <p>{t('screen.notPublished')}</p>
      <dl className="file-facts">
        <dt>{t('screen.acceptedAt')}</dt>
        <dd>{campaign.acceptedAt ? formatDateTime(campaign.acceptedAt, language) : '—'}</dd>
        <dt>{t('screen.droppedRecipients')}</dt>
        <dd>{formatCount(campaign.droppedRecipients, language)}</dd>
        <dt>{t('screen.droppedFile')}</dt>
        <dd>{campaign.remoteName ?? '—'}</dd>
      </dl>
    </section>
  );
}

function Waiting({ campaign }: { campaign: ReportCampaignView }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  return (
    <section className="card report-notice" data-testid="report-waiting">
      <h2>{campaign.campaignName}</h2>
      <p>{t('screen.waiting')}</p>
      {campaign.nextCheckAt && <p className="muted">{t('screen.nextCheck', { date: formatDateTime(campaign.nextCheckAt, language) })}</p>}
      {campaign.lastError && <p className="danger-text">{campaign.lastError.message}</p>}
    </section>
  );
}

function Figure({ name, value, label, hint, testId, wordy = false }: { name: string; value: number; label: string; hint?: string; testId: string; wordy?: boolean }) {
  return (
    <div className="figure headline-figure" data-testid={testId} data-value={value} title={hint}>
      <dt className="muted small">{name}</dt>
      <dd className={wordy ? 'figure-value figure-words' : 'figure-value'}>{label}</dd>
    </div>
  );
}

function Headline({ campaign, summary }: { campaign: ReportCampaignView; summary: ReportSummary }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const count = (value: number) => formatCount(value, language);
  const sent = sentCount(summary);
  const unconfirmed = deliveryUnconfirmed(summary);
  return (
    <section className="report-headline">
      <div className="report-title-row">
        <h2>{campaign.campaignName}</h2>
        <span className="tag">{campaign.channel.toUpperCase()}</span>
        {campaign.campaignId && <span className="muted small" data-testid="report-campaign-number">{t(campaign.providerId === 'isendpro-mail' ? 'screen.mailTrackerNumber' : 'screen.campaignNumber', { id: campaign.campaignId })}</span>}
      </div>
      <dl className="headline-figures">
        <Figure testId="headline-recipients" name={t('figures.recipients')} value={summary.recipients} label={count(summary.recipients)} />
        <Figure testId="headline-sent" name={t('figures.sent')} value={sent} label={count(sent)} hint={t('screen.sentHint')} />
        <Figure
          testId="headline-delivered-rate"
          name={t('figures.deliveredRate')}
          value={summary.deliveredRate}
          label={unconfirmed ? t('figures.deliveredRateUnconfirmed') : formatPercent(summary.deliveredRate, language)}
          wordy={unconfirmed}
          hint={unconfirmed ? t('figures.deliveredRateUnconfirmedHint', { count: summary.categories.sentUnconfirmed }) : t('figures.deliveredRateHint')}
        />
        <Figure testId="headline-delivered" name={t('figures.delivered')} value={summary.categories.delivered} label={count(summary.categories.delivered)} />
        <Figure testId="headline-stop" name={t('figures.stop')} value={summary.stop} label={count(summary.stop)} />
        <Figure testId="headline-clicks" name={t('figures.clicks')} value={summary.clicks} label={count(summary.clicks)} hint={t('screen.clickersHint', { count: summary.uniqueClickers })} />
      </dl>
    </section>
  );
}

function VersionFacts({ detail }: { detail: ReportDetailView }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const { latest, diff, versions } = detail;
  if (!latest) return null;
  const count = (value: number) => formatCount(value, language);
  const changedCategories = diff ? REPORT_CATEGORIES.filter((category) => diff.categories[category].delta !== 0) : [];
  return (
    <section className="card report-versions" data-testid="report-versions">
      <p>
        <strong>{t('versions.latest', { date: formatDateTime(latest.generatedAt, language) })}</strong>
        {' · '}
        <span data-testid="version-count" data-value={versions.length}>{t('versions.count', { count: versions.length })}</span>
        {versions.at(-1)?.archived && <span className="tag">{t('versions.archived')}</span>}
      </p>
      {!diff && <p className="muted">{t('versions.firstVersion')}</p>}
      {diff && !diff.changed && <p className="muted">{t('versions.noChange')}</p>}
      {diff && diff.changed && (
        <div>
          <span className="muted">{t('versions.sincePrevious')} :</span>{' '}
          <ul className="delta-list" data-testid="version-diff">
            {changedCategories.map((category) => (
              <li key={category} data-testid={`diff-${category}`} data-value={diff.categories[category].delta}>
                <span className="swatch" style={{ background: CATEGORY_COLOURS[category].hex }} aria-hidden="true" />
                {t(`categories.${category}`)} {formatDelta(diff.categories[category].delta, count)}
              </li>
            ))}
            {diff.stop.delta !== 0 && <li>STOP {formatDelta(diff.stop.delta, count)}</li>}
            {diff.clicks.delta !== 0 && <li>{t('figures.clicks')} {formatDelta(diff.clicks.delta, count)}</li>}
          </ul>
        </div>
      )}
    </section>
  );
}

function CategoryDonut({ campaign, summary }: { campaign: ReportCampaignView; summary: ReportSummary }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const setDrillDown = useDropdesk((state) => state.setDrillDown);
  const current = useDropdesk((state) => state.drillDown);
  const slices = donutSlices(summary.categories).map((slice) => ({ ...slice, name: t(`categories.${slice.category}`) }));
  const pick = (category: ReportCategory) => setDrillDown({ category });
  const legend = (
    <ul className="donut-legend" data-testid="donut-legend">
      {REPORT_CATEGORIES.map((category) => (
        <li key={category}>
          <button
            type="button"
            className={current.category === category ? 'legend-item active' : 'legend-item'}
            onClick={() => pick(category)}
            disabled={summary.categories[category] === 0}
            data-testid={`legend-${category}`}
            data-value={summary.categories[category]}
            title={t(`categoryHints.${category}`)}
          >
            <span className="swatch" style={{ background: CATEGORY_COLOURS[category].hex }} aria-hidden="true" />
            <span className="legend-name">{t(`categories.${category}`)}</span>
            <span className="legend-count numeric">{formatCount(summary.categories[category], language)}</span>
            <span className="legend-share muted numeric">{formatPercent(summary.recipients ? summary.categories[category] / summary.recipients : 0, language)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <ChartCard title={t('charts.byCategory')} fileStem={campaign.campaignName} testId="chart-categories" aside={legend}>
      <ResponsiveContainer width="100%" height={220}>
        <PieChart>
          <Pie
            data={slices}
            dataKey="count"
            nameKey="name"
            innerRadius={58}
            outerRadius={95}
            paddingAngle={slices.length > 1 ? 1 : 0}
            isAnimationActive={false}
            onClick={(_, index) => pick(slices[index].category)}
            cursor="pointer"
          >
            {slices.map((slice) => (
              <Cell key={slice.category} fill={slice.colour} stroke={slices.length > 1 ? '#fff' : 'none'} />
            ))}
          </Pie>
          <Tooltip formatter={(value) => formatCount(Number(value), language)} />
        </PieChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function DeliveriesOverTime({ campaign, summary }: { campaign: ReportCampaignView; summary: ReportSummary }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const { timeline } = summary;
  const data = timeline.points.map((point) => ({ label: formatChartLabel(point.start, timeline.bucket === 'hour' ? 'hour' : 'day', language), delivered: point.delivered, other: point.total - point.delivered }));
  const title = `${t('charts.overTime')} (${t(timeline.bucket === 'hour' ? 'charts.bucketHour' : 'charts.bucketDay')})`;
  return (
    <ChartCard title={title} fileStem={campaign.campaignName} testId="chart-over-time">
      {data.length === 0 ? (
        <p className="muted empty-chart">{t('screen.noDates')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={52} tickFormatter={(value) => formatCount(Number(value), language)} />
            <Tooltip formatter={(value) => formatCount(Number(value), language)} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            <Bar dataKey="delivered" name={t('charts.deliveredSeries')} stackId="a" fill={CATEGORY_COLOURS.delivered.hex} isAnimationActive={false} />
            <Bar dataKey="other" name={t('screen.otherDatedSeries')} stackId="a" fill="#b0b8c4" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}

function codeLabel(t: (key: string, options?: Record<string, unknown>) => string, system: ReportCodeSystem, channel: 'sms' | 'vms', entry: CodeCount): string {
  if (entry.known) return t(recipientStatus(system, channel, entry.code).labelKey, { defaultValue: entry.label });
  return entry.label ? t('codes.unknownWithText', { code: entry.code, text: entry.label }) : t('codes.unknown', { code: entry.code });
}

function CodeTable({ campaign, summary }: { campaign: ReportCampaignView; summary: ReportSummary }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const setDrillDown = useDropdesk((state) => state.setDrillDown);
  const current = useDropdesk((state) => state.drillDown);
  const system = reportCodeSystemOf(campaign.providerId);
  const data = summary.codes.map((entry) => ({ ...entry, name: codeLabel(t, system, summary.channel, entry) }));
  return (
    <ChartCard title={t('charts.byCode')} fileStem={campaign.campaignName} testId="chart-codes">
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 26 + 30)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 4 }}>
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} tickFormatter={(value) => formatCount(Number(value), language)} />
          <YAxis type="category" dataKey="code" width={44} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(value) => formatCount(Number(value), language)} labelFormatter={(code) => data.find((entry) => entry.code === code)?.name ?? String(code)} />
          <Bar dataKey="count" name={t('charts.count')} isAnimationActive={false} onClick={(entry) => setDrillDown({ code: String((entry as unknown as { code: string }).code) })} cursor="pointer">
            {data.map((entry) => (
              <Cell key={entry.code} fill={recipientStatus(system, summary.channel, entry.code).colour} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <table className="table code-table" data-testid="code-table">
        <thead>
          <tr>
            <th>{t('charts.code')}</th>
            <th>{t('charts.label')}</th>
            <th className="numeric">{t('charts.count')}</th>
            <th className="numeric">{t('charts.share')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((entry) => (
            <tr
              key={entry.code}
              className={current.code === entry.code ? 'clickable selected' : 'clickable'}
              onClick={() => setDrillDown({ code: entry.code })}
              data-testid={`code-row-${entry.code}`}
              data-value={entry.count}
            >
              <td>
                <span className="swatch" style={{ background: CATEGORY_COLOURS[entry.category].hex }} aria-hidden="true" /> {entry.code}
              </td>
              <td>
                {entry.name}
                {!entry.known && <span className="tag">{t('screen.unknownCode')}</span>}
              </td>
              <td className="numeric">{formatCount(entry.count, language)}</td>
              <td className="numeric muted">{formatPercent(summary.recipients ? entry.count / summary.recipients : 0, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartCard>
  );
}

function Countries({ summary }: { summary: ReportSummary }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const entries = Object.entries(summary.countries);
  return (
    <section className="card report-card" data-testid="report-countries">
      <header className="report-card-header">
        <h3>{t('charts.byCountry')}</h3>
      </header>
      <ul className="country-list report-countries">
        {entries.map(([code, count]) => (
          <li key={code || 'none'} data-testid={`country-${code || 'none'}`} data-value={count}>
            <span>{code ? countryName(code, language) : t('figures.unknownCountry')}</span>
            <span className="numeric">{formatCount(count, language)}</span>
          </li>
        ))}
      </ul>
      <dl className="file-facts report-extra">
        <dt>{t('figures.replies')}</dt>
        <dd>{formatCount(summary.replies, language)}</dd>
        <dt>{t('figures.uniquePreviewers')}</dt>
        <dd>{formatCount(summary.uniquePreviewers, language)}</dd>
        <dt>{t('figures.uniqueClickers')}</dt>
        <dd>{formatCount(summary.uniqueClickers, language)}</dd>
        <dt>{t('figures.deliveredRateOfSent')}</dt>
        <dd>{formatPercent(summary.deliveredRateOfSent, language)}</dd>
      </dl>
    </section>
  );
}

function Evolution({ detail }: { detail: ReportDetailView }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  if (detail.evolution.length < 2) return null;
  const data = detail.evolution.map((point) => ({ ...point, label: formatDateTime(point.generatedAt, language) }));
  return (
    <ChartCard title={t('charts.evolution')} fileStem={detail.campaign.campaignName} testId="chart-evolution">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={52} tickFormatter={(value) => formatCount(Number(value), language)} />
          <Tooltip formatter={(value) => formatCount(Number(value), language)} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {REPORT_CATEGORIES.filter((category) => data.some((point) => point[category] > 0)).map((category) => (
            <Bar key={category} dataKey={category} name={t(`categories.${category}`)} stackId="v" fill={CATEGORY_COLOURS[category].hex} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
