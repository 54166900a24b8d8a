import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDropdesk } from '../store/store-context';
import { describeError } from '../i18n/describe-error';

const SUCCESS_VISIBLE_MS = 8000;

export function NoticeBar() {
  const { t, i18n } = useTranslation();
  const notice = useDropdesk((state) => state.notice);
  const dismiss = useDropdesk((state) => state.dismissNotice);
  useEffect(() => {
    if (notice?.kind !== 'success') return;
    const timer = window.setTimeout(dismiss, SUCCESS_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [notice, dismiss]);
  if (!notice) return null;
  const text =
    notice.kind === 'success'
      ? t(notice.key, notice.params)
      : describeError(t, notice.error, (key) => i18n.exists(key));
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <span className="notice-text">{text}</span>
      <button type="button" className="button ghost small" onClick={dismiss}>
        {t('actions.close')}
      </button>
    </div>
  );
}
