/** A campaign's status from its drops (Brouillon, Programmée, Envoyée le… with figures) and the link to its report. */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignStatusOf, type CampaignStatus } from '@shared/campaigns/campaign-status';
import { useDropdesk } from '../../store/store-context';
import { formatCount, formatSpokenDateTime } from '../../i18n/format';
import './campaign-status.css';

/** The status of a draft, from the jobs the queue holds (loaded once if needed). */
export function useCampaignStatus(draftId: string): CampaignStatus {
  const jobs = useDropdesk((state) => state.jobs);
  const jobsLoaded = useDropdesk((state) => state.jobsLoaded);
  const loadJobs = useDropdesk((state) => state.loadJobs);
  useEffect(() => {
    if (!jobsLoaded) void loadJobs();
  }, [jobsLoaded, loadJobs]);
  return useMemo(() => campaignStatusOf(draftId, jobs, new Date()), [draftId, jobs]);
}

/** The newest accepted job of a draft, for "Voir le rapport". */
export function useCampaignReportJob(draftId: string): string | null {
  const jobs = useDropdesk((state) => state.jobs);
  return useMemo(() => {
    const accepted = jobs.filter((job) => job.draftId === draftId && job.state === 'accepted');
    return accepted.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]?.id ?? null;
  }, [draftId, jobs]);
}

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation('composer');
  const language = useDropdesk((state) => state.language);
  const text =
    status.kind === 'draft'
      ? t('screen.status.draft')
      : t(`screen.status.${status.kind}`, {
          count: status.recipients,
          n: formatCount(status.recipients, language),
          at: 'at' in status ? formatSpokenDateTime(status.at, language) : '',
        });
  return (
    <span className={`tag status-tag status-${status.kind}`} data-testid="campaign-status" data-status={status.kind}>
      {text}
    </span>
  );
}

export function ReportLink({ jobId }: { jobId: string }) {
  const { t } = useTranslation('composer');
  const showSection = useDropdesk((state) => state.showSection);
  const openReport = useDropdesk((state) => state.openReport);
  return (
    <button
      type="button"
      className="button small"
      onClick={() => {
        showSection('reports');
        void openReport(jobId);
      }}
      data-testid="campaign-report-link"
    >
      {t('screen.status.report')}
    </button>
  );
}
