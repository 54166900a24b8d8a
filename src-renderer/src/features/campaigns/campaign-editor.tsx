/** One draft: its settings (list, channel, type, provider, sender, limits) and the composer. */
import { useTranslation } from 'react-i18next';
import { maxSegmentsLimit, providerTargets, type CampaignDraft } from '@shared/campaigns/campaign-draft';
import { useDropdesk } from '../../store/store-context';
import { MessageComposer } from '../composer/message-composer';
import { RecipientPreviewPanel } from '../composer/recipient-preview';
import { ListFiguresPanel } from '../composer/list-figures-panel';
import { senderErrors } from '../composer/composer-engine';
import { OpenSendButton, SendStep } from '../sending/send-step';
import { messageSourceOf } from '@shared/providers/provider-registry';
import { isValidTemplateId } from '@shared/providers/mediasflow/mediasflow-name';
import { isCampaignLocked } from '@shared/campaigns/campaign-status';
import { formatCount, formatSpokenDateTime } from '../../i18n/format';
import { CampaignStatusTag, ReportLink, useCampaignReportJob, useCampaignStatus } from './campaign-status-view';

export function CampaignEditor() {
  const { t } = useTranslation('composer');
  const draft = useDropdesk((state) => state.draft) as CampaignDraft;
  const draftList = useDropdesk((state) => state.draftList);
  const lists = useDropdesk((state) => state.lists);
  const saveState = useDropdesk((state) => state.draftSave);
  const editDraft = useDropdesk((state) => state.editDraft);
  const closeCampaign = useDropdesk((state) => state.closeCampaign);
  const senderIssues = senderErrors(draft).map((error) => t(`senderErrors.${error.code}`, { ...error.params }));
  const isMediasFlow = draft.provider === 'mediasflow-sftp';
  const fromTemplate = messageSourceOf(draft.provider) === 'template';
  const templateInvalid = draft.templateId !== '' && !isValidTemplateId(draft.templateId);
  const sendStep = useDropdesk((state) => state.sendStep);
  const duplicateCampaign = useDropdesk((state) => state.duplicateCampaign);
  const language = useDropdesk((state) => state.language);
  const status = useCampaignStatus(draft.id);
  const reportJob = useCampaignReportJob(draft.id);
  // A campaign that went out is not edited again (never a second send by mistake): it is duplicated.
  const locked = isCampaignLocked(status);
  if (sendStep) return <SendStep />;

  return (
    <section className="screen campaign-editor" aria-labelledby="campaign-title">
      <header className="screen-header">
        <div className="campaign-title-row">
          <button type="button" className="button small ghost" onClick={() => void closeCampaign()} data-testid="campaign-back">
            ← {t('screen.editor.back')}
          </button>
          <label className="campaign-name">
            <span className="visually-hidden">{t('screen.editor.name')}</span>
            <input
              id="campaign-title"
              className="input title-input"
              value={draft.name}
              readOnly={locked}
              onChange={(event) => editDraft({ name: event.target.value })}
              onBlur={(event) => event.target.value.trim() === '' && editDraft({ name: t('screen.editor.untitled') })}
              data-testid="campaign-name"
            />
          </label>
        </div>
        <span className={`save-state ${saveState}`} data-testid="save-state" data-state={saveState} aria-live="polite">
          {t(`screen.save.${saveState}`)}
        </span>
        <CampaignStatusTag status={status} />
        {locked ? (
          <button
            type="button"
            className="button primary"
            onClick={() => void duplicateCampaign(t('screen.status.copyName', { name: draft.name }))}
            data-testid="campaign-duplicate"
          >
            {t('screen.status.duplicate')}
          </button>
        ) : (
          <OpenSendButton />
        )}
      </header>
      {locked && (
        <div className="locked-banner" role="status" data-testid="campaign-locked">
          <p>
            {status.kind === 'draft'
              ? null
              : t(`screen.status.locked.${status.kind}`, {
                  count: status.recipients,
                  n: formatCount(status.recipients, language),
                  at: 'at' in status ? formatSpokenDateTime(status.at, language) : '',
                })}
          </p>
          {reportJob && <ReportLink jobId={reportJob} />}
        </div>
      )}

      <div className="campaign-layout">
        <fieldset className="campaign-main" disabled={locked} data-testid="campaign-main">
          <legend className="visually-hidden">{t('screen.editor.settings')}</legend>
          <section className="card campaign-settings" aria-label={t('screen.editor.settings')}>
            <div className="settings-grid">
              {fromTemplate && (
                <label className="form-field wide template-field">
                  <span>{t('screen.editor.templateId')}</span>
                  <input
                    className={templateInvalid ? 'input narrow invalid' : 'input narrow'}
                    inputMode="numeric"
                    value={draft.templateId}
                    placeholder="1001"
                    aria-invalid={templateInvalid}
                    aria-describedby="template-help"
                    onChange={(event) => editDraft({ templateId: event.target.value.trim() })}
                    data-testid="campaign-template"
                  />
                  <span id="template-help" className={templateInvalid ? 'field-help bad' : 'field-help'}>
                    {templateInvalid ? t('screen.editor.templateIdInvalid') : t('screen.editor.templateIdHelp')}
                  </span>
                </label>
              )}
              <label className="form-field">
                <span>{t('screen.editor.list')}</span>
                <select
                  className="input"
                  value={draft.listId ?? ''}
                  onChange={(event) => editDraft({ listId: event.target.value || null })}
                  data-testid="campaign-list"
                >
                  <option value="">{t('screen.editor.chooseList')}</option>
                  {lists.map((list) => (
                    <option key={list.id} value={list.id}>
                      {t('screen.editor.listOption', { name: list.name, sendable: list.sendable })}
                    </option>
                  ))}
                </select>
              </label>
              <label className="form-field">
                <span>{t('screen.editor.provider')}</span>
                <select
                  className="input"
                  value={draft.provider}
                  onChange={(event) => editDraft({ provider: event.target.value as CampaignDraft['provider'] })}
                  data-testid="campaign-provider"
                >
                  {providerTargets.map((provider) => (
                    <option key={provider} value={provider}>
                      {t(`screen.provider.${provider}`)}
                    </option>
                  ))}
                </select>
              </label>
              {/* Channel and type are asked once, at « Programmer » (issue 11 §12): here they are only said. */}
              <div className="form-field">
                <span>{t('screen.editor.channelAndType')}</span>
                <p className="field-help" data-testid="campaign-channel-type">
                  {t('screen.editor.channelAndTypeValue', { channel: t(`screen.channel.${draft.channel}`), type: t(`screen.type.${draft.type}`) })}
                </p>
              </div>
              {fromTemplate ? (
                <div className="form-field">
                  <span>{t('screen.editor.sender')}</span>
                  <p className="field-help" data-testid="sender-from-template">
                    {draft.templateId ? t('screen.editor.senderFromTemplate', { id: draft.templateId }) : t('screen.editor.senderFromTemplateNoId')}
                  </p>
                </div>
              ) : (
              <label className="form-field">
                <span>{t('screen.editor.sender')}</span>
                <input
                  className={senderIssues.length ? 'input invalid' : 'input'}
                  value={draft.sender}
                  maxLength={20}
                  placeholder={t('screen.editor.senderPlaceholder')}
                  aria-invalid={senderIssues.length > 0}
                  aria-describedby="sender-help"
                  onChange={(event) => editDraft({ sender: event.target.value })}
                  data-testid="campaign-sender"
                />
                <span id="sender-help" className={senderIssues.length ? 'field-help bad' : 'field-help'} data-testid="sender-help">
                  {senderIssues.length ? senderIssues.join(' ') : t(`screen.senderRules.${draft.provider}`)}
                </span>
              </label>
              )}
              <label className="form-field">
                <span>{t('screen.editor.maxSegments')}</span>
                <input
                  className="input narrow"
                  type="number"
                  min={1}
                  max={maxSegmentsLimit}
                  value={draft.maxSegments}
                  onChange={(event) => {
                    const value = Number.parseInt(event.target.value, 10);
                    if (Number.isFinite(value) && value >= 1 && value <= maxSegmentsLimit) editDraft({ maxSegments: value });
                  }}
                  data-testid="campaign-max-segments"
                />
                <span className="field-help">{t('screen.editor.maxSegmentsHelp')}</span>
              </label>
              {isMediasFlow && (
                <label className="form-field checkbox">
                  <input type="checkbox" checked={draft.allowUcs2} onChange={(event) => editDraft({ allowUcs2: event.target.checked })} />
                  <span>{t('screen.editor.allowUcs2')}</span>
                </label>
              )}
            </div>
          </section>

          <MessageComposer draft={draft} columns={draftList?.columns ?? []} onChange={editDraft} />
        </fieldset>
        <aside className="campaign-side">
          <RecipientPreviewPanel />
          <ListFiguresPanel />
        </aside>
      </div>
    </section>
  );
}
