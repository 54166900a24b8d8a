import { useTranslation } from 'react-i18next';
import { useDropdesk } from '../../store/store-context';

/** "Une mise à jour est prête — Redémarrer et installer": shown once an update is downloaded. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const update = useDropdesk((state) => state.update);
  const dismissed = useDropdesk((state) => state.updateDismissed);
  const install = useDropdesk((state) => state.installUpdate);
  const dismiss = useDropdesk((state) => state.dismissUpdate);
  if (update.state === 'ready' && dismissed !== update.version) {
    return (
      <div className="update-prompt" role="status" data-testid="update-prompt">
        <span className="notice-text">{t('update.ready', { version: update.version })}</span>
        <button type="button" className="button primary small" onClick={() => void install()}>
          {t('update.install')}
        </button>
        <button type="button" className="button ghost small" onClick={dismiss}>
          {t('update.later')}
        </button>
      </div>
    );
  }
  if (update.state === 'waiting-for-queue' || update.state === 'installing') {
    return (
      <div className="update-prompt" role="status" data-testid="update-prompt">
        <span className="notice-text">{t(update.state === 'installing' ? 'update.installing' : 'update.waitingForQueue')}</span>
      </div>
    );
  }
  return null;
}
