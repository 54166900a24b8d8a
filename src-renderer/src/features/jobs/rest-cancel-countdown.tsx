/**
 * Envois, a scheduled MediasFlow REST campaign: "Annuler l'envoi" with the
 * time left to do it (MediasFlow takes a cancel until 10 s before the
 * scheduled time), ticking every second; once too late, a plain message.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '@shared/ipc/channels/queue';
import { restCancelCountdown } from '@shared/queue/rest/rest-transition';
import { useDropdesk } from '../../store/store-context';

function spoken(seconds: number): { minutes: number; seconds: number } {
  return { minutes: Math.floor(seconds / 60), seconds: seconds % 60 };
}

export function RestCancelCountdown({ job }: { job: JobView }) {
  const { t } = useTranslation('queue');
  const busy = useDropdesk((state) => Boolean(state.jobsBusy[job.id]));
  const cancelJob = useDropdesk((state) => state.cancelJob);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const countdown = job.rest ? restCancelCountdown({ state: job.state, rest: job.rest }, now) : null;
  if (!countdown) return null;
  if (job.cancelRequested) {
    return (
      <p className="small" role="status" data-testid="rest-cancel-pending">
        {t('rest.cancelPending')}
      </p>
    );
  }
  if (countdown.secondsLeft <= 0) {
    return (
      <p className="small warn-text" data-testid="rest-cancel-too-late">
        {t('rest.cancelTooLate')}
      </p>
    );
  }
  const left = spoken(countdown.secondsLeft);
  return (
    <div className="job-actions rest-cancel" data-testid="rest-cancel">
      <button type="button" className="button small danger-text" disabled={busy} onClick={() => void cancelJob(job.id)} data-testid="rest-cancel-button">
        {t('rest.cancelButton')}
      </button>
      <span className="small" role="timer" aria-live="off" data-testid="rest-cancel-countdown">
        {left.minutes > 0 ? t('rest.cancelLeftMinutes', { minutes: left.minutes, seconds: String(left.seconds).padStart(2, '0') }) : t('rest.cancelLeftSeconds', { seconds: left.seconds })}
      </span>
    </div>
  );
}
