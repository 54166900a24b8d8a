import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDraftMeta } from '@shared/campaigns/campaign-draft';
import { useDropdesk } from '../../store/store-context';
import { formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { TextPromptDialog } from '../../ui/text-prompt-dialog';
import { ScreenHeader } from '../../ui/screen-header';
import { EmptyState } from '../../ui/empty-state';
import { CampaignStatusTag, ReportLink, useCampaignReportJob, useCampaignStatus } from './campaign-status-view';

function StatusCell({ draftId }: { draftId: string }) {
  const status = useCampaignStatus(draftId);
  const reportJob = useCampaignReportJob(draftId);
  return (
    <td className="status-cell">
      <CampaignStatusTag status={status} />
      {reportJob && <ReportLink jobId={reportJob} />}
    </td>
  );
}

export function CampaignLibrary() {
  const { t } = useTranslation('composer');
  const campaigns = useDropdesk((state) => state.campaigns);
  const lists = useDropdesk((state) => state.lists);
  const language = useDropdesk((state) => state.language);
  const createCampaign = useDropdesk((state) => state.createCampaign);
  const openCampaign = useDropdesk((state) => state.openCampaign);
  const deleteCampaign = useDropdesk((state) => state.deleteCampaign);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<CampaignDraftMeta | null>(null);
  const listName = (id: string | null) => lists.find((list) => list.id === id)?.name ?? t('screen.library.noList');

  return (
    <section className="screen" aria-labelledby="campaigns-title">
      <ScreenHeader titleId="campaigns-title" title={t('screen.library.title')} subtitle={t('screen.library.subtitle')}>
        <button type="button" className="button primary" onClick={() => setCreating(true)} data-testid="new-campaign">
          {t('screen.library.new')}
        </button>
      </ScreenHeader>

      {campaigns.length === 0 ? (
        <EmptyState testId="campaigns-empty" title={t('screen.library.emptyTitle')} hint={t('screen.library.emptyHint')} />
      ) : (
        <div className="card table-card">
          <table className="table" data-testid="campaigns">
            <thead>
              <tr>
                <th scope="col">{t('screen.library.name')}</th>
                <th scope="col">{t('screen.library.list')}</th>
                <th scope="col">{t('screen.library.kind')}</th>
                <th scope="col">{t('screen.library.status')}</th>
                <th scope="col">{t('screen.library.updated')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('screen.library.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => (
                <tr key={campaign.id} data-testid="campaign-row" data-campaign={campaign.name}>
                  <td>
                    <button type="button" className="link-button" onClick={() => void openCampaign(campaign.id)}>
                      {campaign.name}
                    </button>
                  </td>
                  <td>{listName(campaign.listId)}</td>
                  <td>
                    {t(`screen.channel.${campaign.channel}`)} · {t(`screen.type.${campaign.type}`)}
                  </td>
                  <StatusCell draftId={campaign.id} />
                  <td>{formatDateTime(campaign.updatedAt, language)}</td>
                  <td className="row-actions">
                    <button type="button" className="button small" onClick={() => void openCampaign(campaign.id)}>
                      {t('screen.library.open')}
                    </button>
                    <button type="button" className="button small ghost danger-text" onClick={() => setDeleting(campaign)}>
                      {t('screen.library.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {creating && (
        <TextPromptDialog
          title={t('screen.library.newTitle')}
          label={t('screen.library.name')}
          confirmLabel={t('screen.library.create')}
          onCancel={() => setCreating(false)}
          onConfirm={(name) => {
            setCreating(false);
            void createCampaign(name);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('screen.library.deleteTitle')}
          message={t('screen.library.deleteMessage', { name: deleting.name })}
          confirmLabel={t('screen.library.delete')}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            void deleteCampaign(id);
          }}
        />
      )}
    </section>
  );
}
