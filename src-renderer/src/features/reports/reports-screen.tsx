/** "Rapports": accepted campaigns and their delivery reports, the overview across campaigns, the opt-out list. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCampaignView } from '@shared/ipc/channels/reports';
import { useDropdesk } from '../../store/store-context';
import { formatDateTime } from '../../i18n/format';
import { OptOutsPanel } from '../opt-outs/opt-outs-panel';
import { CampaignReport } from './campaign-report';
import { ReportOverview } from './report-overview';
import { formatPercent } from './report-format';
import type { ReportsTab } from './reports-slice';
import './reports.css';
import { ScreenHeader } from '../../ui/screen-header';
import { EmptyState } from '../../ui/empty-state';

const tabs: ReportsTab[] = ['campaigns', 'overview', 'opt-outs'];

export function ReportsScreen() {
  const { t } = useTranslation('reports');
  const tab = useDropdesk((state) => state.reportsTab);
  const showTab = useDropdesk((state) => state.showReportsTab);
  const refreshing = useDropdesk((state) => state.reportRefreshing);
  const refresh = useDropdesk((state) => state.refreshReports);
  const selected = useDropdesk((state) => state.selectedReportJobId);
  const loadReportCampaigns = useDropdesk((state) => state.loadReportCampaigns);
  useEffect(() => {
    void loadReportCampaigns();
  }, [loadReportCampaigns]);
  return (
    <div className="screen reports-screen">
      <ScreenHeader title={t('screen.title')} subtitle={t('screen.subtitle')}>
        <button
          type="button"
          className="button primary"
          onClick={() => void refresh(tab === 'campaigns' ? (selected ?? undefined) : undefined)}
          disabled={refreshing}
          data-testid="reports-refresh"
        >
          {refreshing ? t('screen.refreshing') : t('screen.refresh')}
        </button>
      </ScreenHeader>
      <div className="segmented report-tabs" role="tablist">
        {tabs.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'segment active' : 'segment'} onClick={() => showTab(name)} data-testid={`reports-tab-${name}`}>
            {t(`screen.tabs.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'campaigns' && <CampaignsTab />}
      {tab === 'overview' && <ReportOverview />}
      {tab === 'opt-outs' && <OptOutsPanel />}
    </div>
  );
}

function CampaignsTab() {
  const { t } = useTranslation('reports');
  const campaigns = useDropdesk((state) => state.reportCampaigns);
  const loaded = useDropdesk((state) => state.reportCampaignsLoaded);
  const detail = useDropdesk((state) => state.reportDetail);
  const selected = useDropdesk((state) => state.selectedReportJobId);
  const unread = useDropdesk((state) => (selected ? (state.unreadReports.byJob[selected] ?? 0) : 0));
  const markRead = useDropdesk((state) => state.markReportRead);
  const shown = detail && detail.campaign.jobId === selected ? detail.campaign.jobId : null;
  // The report on screen is read: its badge goes (a version arriving while it is open is read at once).
  useEffect(() => {
    if (shown && unread > 0) void markRead(shown);
  }, [shown, unread, markRead]);
  if (loaded && campaigns.length === 0) {
    return (
      <EmptyState testId="reports-empty" title={t('screen.emptyTitle')} hint={t('screen.emptyText')} />
    );
  }
  return (
    <div className="reports-layout">
      <CampaignPicker campaigns={campaigns} />
      {detail && detail.campaign.jobId === selected && <CampaignReport detail={detail} />}
    </div>
  );
}

function CampaignPicker({ campaigns }: { campaigns: ReportCampaignView[] }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const unread = useDropdesk((state) => state.unreadReports.byJob);
  const selected = useDropdesk((state) => state.selectedReportJobId);
  const openReport = useDropdesk((state) => state.openReport);
  return (
    <nav className="card report-campaigns" aria-label={t('screen.campaigns')}>
      <ul>
        {campaigns.map((campaign) => (
          <li key={campaign.jobId}>
            <button
              type="button"
              className={campaign.jobId === selected ? 'report-campaign active' : 'report-campaign'}
              onClick={() => void openReport(campaign.jobId)}
              data-testid={`report-campaign-${campaign.jobId}`}
            >
              <span className="report-campaign-name">
                {campaign.campaignName}
                {(unread[campaign.jobId] ?? 0) > 0 && (
                  <span className="unread-badge" data-testid={`report-unread-${campaign.jobId}`}>
                    {t('unread.campaignBadge', { count: unread[campaign.jobId] })}
                  </span>
                )}
              </span>
              <span className="muted small">
                {campaign.channel.toUpperCase()} · {campaign.sendAt ? formatDateTime(campaign.sendAt, language) : '—'} · {campaign.connectionName}
              </span>
              <span className="small">
                {campaign.availability === 'available' && campaign.headline
                  ? campaign.headline.deliveryUnconfirmed
                    ? t('screen.pickerUnconfirmed', { count: campaign.versions })
                    : t('screen.pickerAvailable', { rate: formatPercent(campaign.headline.deliveredRate, language), count: campaign.versions })
                  : t(`screen.availability.${campaign.availability}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
