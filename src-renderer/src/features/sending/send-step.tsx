/**
 * The campaign's last step: choose where and when ("Programmer"), read the
 * summary, then "Envoyer" or "Programmer". Shown by the campaign editor in
 * place of the composer.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDraft } from '@shared/campaigns/campaign-draft';
import { useDropdesk } from '../../store/store-context';
import { ScheduleForm } from './schedule-form';
import { SendSummaryView } from './send-summary';
import './sending.css';

export function SendStep() {
  const { t } = useTranslation('campaigns');
  const draft = useDropdesk((state) => state.draft) as CampaignDraft;
  const step = useDropdesk((state) => state.sendStep);
  const closeSend = useDropdesk((state) => state.closeSend);
  // Leaving the campaign (or the section) ends the send step.
  useEffect(() => () => closeSend(), [closeSend]);
  return (
    <section className="screen send-step" aria-labelledby="send-title" data-testid="send-step" data-step={step}>
      <header className="screen-header">
        <div className="campaign-title-row">
          <button type="button" className="button small ghost" onClick={closeSend} data-testid="send-back-to-message">
            ← {t('send.backToMessage')}
          </button>
          <div>
            <h1 id="send-title">{t('send.title', { name: draft.name })}</h1>
          </div>
        </div>
        <ol className="send-progress" aria-label={t('send.stepsLabel')}>
          <li className="done">{t('send.steps.message')}</li>
          <li className={step === 'schedule' ? 'current' : 'done'}>{t('send.steps.schedule')}</li>
          <li className={step === 'summary' ? 'current' : ''}>{t('send.steps.summary')}</li>
        </ol>
      </header>
      {step === 'summary' ? <SendSummaryView /> : <ScheduleForm />}
    </section>
  );
}

/** The editor's button that opens the send step. */
export function OpenSendButton() {
  const { t } = useTranslation('campaigns');
  const openSend = useDropdesk((state) => state.openSend);
  const [opening, setOpening] = useState(false);
  return (
    <button
      type="button"
      className="button primary"
      disabled={opening}
      onClick={() => {
        setOpening(true);
        void openSend().finally(() => setOpening(false));
      }}
      data-testid="open-send"
    >
      {t('send.open')}
    </button>
  );
}
