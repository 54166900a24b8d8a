/** "Envois": every drop, live, from the queue to the provider's answer. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '@shared/ipc/channels/queue';
import type { JobReason } from '@shared/queue/job-types';
import { parseParisDateTime } from '@shared/scheduling/paris-time';
import { useDropdesk } from '../../store/store-context';
import { formatCount, formatParisShort, formatSpokenDateTime } from '../../i18n/format';
import { ReportLink } from '../campaigns/campaign-status-view';
import { MailBatchesPanel } from './mail-batches-panel';
import { formatBytes, jobActions, jobPath, reasonKeys, stepStatuses, uploadPercent } from './job-display';
import './jobs.css';
import { RestCancelCountdown } from './rest-cancel-countdown';
import { ScreenHeader } from '../../ui/screen-header';
import { EmptyState } from '../../ui/empty-state';

export function JobsScreen() {
  const { t } = useTranslation('queue');
  const jobs = useDropdesk((state) => state.jobs);
  const loaded = useDropdesk((state) => state.jobsLoaded);
  const loadJobs = useDropdesk((state) => state.loadJobs);
  const loadMailboxWatch = useDropdesk((state) => state.loadMailboxWatch);
  const refreshAcks = useDropdesk((state) => state.refreshAcks);
  const refreshing = useDropdesk((state) => state.refreshingAcks);
  const awaiting = jobs.some((job) => job.state === 'awaiting-ack');

  useEffect(() => {
    void loadJobs();
    void loadMailboxWatch();
  }, [loadJobs, loadMailboxWatch]);

  return (
    <section className="screen jobs-screen" aria-labelledby="jobs-title">
      <ScreenHeader titleId="jobs-title" title={t('screen.title')} subtitle={t('screen.subtitle')}>
        <button type="button" className="button" disabled={!awaiting || refreshing} onClick={() => void refreshAcks()} data-testid="refresh-acks">
          {refreshing && <span className="spinner" aria-hidden="true" />}
          {t('actions.checkNow')}
        </button>
      </ScreenHeader>
      {loaded && jobs.length === 0 && (
        <EmptyState testId="jobs-empty" title={t('screen.emptyTitle')} hint={t('screen.emptyHint')} />
      )}
      <ul className="job-list" data-testid="jobs">
        {jobs.map((job) => (
          <JobCard key={job.id} job={job} />
        ))}
      </ul>
    </section>
  );
}

function JobCard({ job }: { job: JobView }) {
  const { t } = useTranslation('queue');
  const language = useDropdesk((state) => state.language);
  const highlighted = useDropdesk((state) => state.highlightedJobId === job.id);
  const card = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlighted) card.current?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);
  const steps = stepStatuses(job);
  const answerLabel = job.state === 'rejected' ? t('states.rejected') : t('states.accepted');

  return (
    <li
      ref={card}
      className={`card job-card state-${job.state}${highlighted ? ' highlighted' : ''}`}
      data-testid="job"
      data-job={job.id}
      data-state={job.state}
    >
      <div className="job-head">
        <div className="job-title">
          <h2>
            {job.campaignName}
            {job.test && (
              <span className="tag test-tag" title={t('screen.testTagHelp')} data-testid="job-test-tag">
                {t('screen.testTag')}
              </span>
            )}
          </h2>
          <p className="muted small">
            {t('screen.meta', {
              count: job.recipients,
              connection: job.connectionName,
              channel: t(`screen.channel.${job.channel}`),
              type: t(`screen.type.${job.sendType}`),
              recipients: formatCount(job.recipients, language),
              created: formatParisShort(job.createdAt, language),
            })}
            {job.part && ` · ${t('screen.part', { index: job.part.index, total: job.part.count })}`}
          </p>
        </div>
        <span className={`job-state state-${job.state}`} data-testid="job-state">
          {t(`states.${job.state}`)}
        </span>
      </div>

      <ol className="job-steps" aria-label={t('screen.stepsLabel')}>
        {jobPath.map((step) => (
          <li key={step} className={`job-step ${steps[step]}`} data-step={step} data-status={steps[step]}>
            <span className="job-step-dot" aria-hidden="true" />
            <span className="job-step-label">{step === 'answer' ? answerLabel : t(`states.${step}`)}</span>
          </li>
        ))}
      </ol>

      <JobBody job={job} />
      <MailBatchesPanel job={job} />

      <details className="job-details">
        <summary>{t('screen.details')}</summary>
        <dl className="job-facts">
          <Fact label={t('screen.facts.remoteName')} value={job.remoteName ?? t('screen.facts.notYet')} mono testId="job-remote-name" />
          <Fact label={t('screen.facts.folder')} value={job.remoteFolder} mono />
          <Fact label={t('screen.facts.size')} value={formatBytes(job.fileBytes, language)} />
          <Fact label={t('screen.facts.sendAt')} value={job.programmedAt ? formatParisShort(job.programmedAt, language) : t('screen.facts.immediate')} />
          {job.templateId && <Fact label={t('screen.facts.template')} value={job.templateId} />}
          <Fact label={t('screen.facts.created')} value={formatParisShort(job.createdAt, language)} />
          <Fact label={t('screen.facts.attempts')} value={String(job.attempts)} />
          <Fact label={t('screen.facts.id')} value={job.id} mono />
        </dl>
        {job.lastError && job.state !== 'failed' && <p className="small muted">{t('screen.lastError', { message: job.lastError.message })}</p>}
      </details>
    </li>
  );
}

function Fact({ label, value, mono = false, testId }: { label: string; value: string; mono?: boolean; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** What the state means for the user, and what they can do. */
function JobBody({ job }: { job: JobView }) {
  const { t } = useTranslation('queue');
  const language = useDropdesk((state) => state.language);
  const busy = useDropdesk((state) => Boolean(state.jobsBusy[job.id]));
  const cancelJob = useDropdesk((state) => state.cancelJob);
  const retryJob = useDropdesk((state) => state.retryJob);
  const refreshAcks = useDropdesk((state) => state.refreshAcks);
  const actions = jobActions(job);

  const cancelButton = actions.cancel && (
    <button type="button" className="button small ghost danger-text" disabled={busy} onClick={() => void cancelJob(job.id)} data-testid="job-cancel">
      {t('actions.cancel')}
    </button>
  );

  switch (job.state) {
    case 'uploading': {
      const percent = uploadPercent(job);
      const total = job.totalBytes ?? job.fileBytes;
      return (
        <div className="job-body">
          <div className="job-progress" data-testid="job-progress">
            <progress max={100} value={percent ?? undefined} aria-label={t('states.uploading')} />
            <span className="small">
              {t('stateHints.uploading', { uploaded: formatBytes(job.uploadedBytes, language), total: formatBytes(total, language) })}
            </span>
          </div>
          <div className="job-actions">{cancelButton}</div>
        </div>
      );
    }
    case 'waiting': {
      const at = job.nextAttemptAt ? formatParisShort(job.nextAttemptAt, language) : '';
      return (
        <div className="job-body">
          <p data-testid="job-hint">{job.waitingFor ? t(`waitingFor.${job.waitingFor}`, { at }) : t('stateHints.waiting')}</p>
          {job.reason && <ReasonBlock job={job} reason={job.reason} tone="warn" />}
          <div className="job-actions">
            {actions.retry && (
              <button type="button" className="button small" disabled={busy} onClick={() => void retryJob(job.id)}>
                {t('actions.retryNow')}
              </button>
            )}
            {cancelButton}
          </div>
        </div>
      );
    }
    case 'awaiting-ack':
      return (
        <div className="job-body">
          <p data-testid="job-hint">{t('stateHints.awaiting-ack')}</p>
          {job.ackOverdue && (
            <p className="small warn-text" role="status" data-testid="job-ack-overdue">
              {t('screen.ackOverdue')}
            </p>
          )}
          <div className="job-actions">
            <button type="button" className="button small" disabled={busy} onClick={() => void refreshAcks(job.id)} data-testid="job-check-now">
              {t('actions.checkNow')}
            </button>
          </div>
        </div>
      );
    case 'accepted':
      return (
        <div className="job-body">
          <p className="job-outcome ok" data-testid="job-outcome">
            {job.campaignId ? t('campaignNumber', { campaignId: job.campaignId }) : t('stateHints.accepted')}
          </p>
          {job.programmedAt && Date.parse(job.programmedAt) > Date.now() && (
            <p className="job-departure" data-testid="job-departure">
              {t('screen.departure', { at: formatSpokenDateTime(job.programmedAt, language) })}
            </p>
          )}
          {job.campaignId && <p className="small muted">{t('stateHints.accepted')}</p>}
          {job.rest && <RestCancelCountdown job={job} />}
          {(job.providerId === 'mediasflow-sftp' || job.providerId === 'mediasflow-rest') && (
            <div className="job-actions">
              <ReportLink jobId={job.id} />
            </div>
          )}
        </div>
      );
    case 'rejected':
      return (
        <div className="job-body">
          <p className="job-outcome bad">{t('stateHints.rejected')}</p>
          {job.reason && <ReasonBlock job={job} reason={job.reason} tone="bad" showCode />}
        </div>
      );
    case 'failed':
      return (
        <div className="job-body">
          <p>{t('stateHints.failed')}</p>
          {job.reason && <ReasonBlock job={job} reason={job.reason} tone="bad" />}
          <div className="job-actions">
            <button type="button" className="button small primary" disabled={busy} onClick={() => void retryJob(job.id)} data-testid="job-retry">
              {t('actions.retry')}
            </button>
            {cancelButton}
          </div>
        </div>
      );
    case 'held':
      return <HeldChoices job={job} busy={busy} />;
    case 'cancelled':
      return (
        <div className="job-body">
          <p className="muted">{t('stateHints.cancelled')}</p>
        </div>
      );
    default:
      return (
        <div className="job-body">
          <p data-testid="job-hint">{t('stateHints.queued')}</p>
          {job.cancelRequested && <p className="small warn-text">{t('notes.cancel-requested')}</p>}
          <div className="job-actions">{cancelButton}</div>
        </div>
      );
  }
}

function ReasonBlock({ job, reason, tone, showCode = false }: { job: JobView; reason: JobReason; tone: 'bad' | 'warn'; showCode?: boolean }) {
  const { t, i18n } = useTranslation('queue');
  const keys = reasonKeys(job, reason);
  // Main's text is French; in French it is the most precise (it carries the details), elsewhere the catalogue's.
  const pick = (candidates: string[], fallback: string | undefined) => {
    if (i18n.language === 'fr' || !fallback) return fallback ?? '';
    const key = candidates.find((candidate) => i18n.exists(candidate));
    return key ? t(key, { detail: reason.detail ?? '' }) : fallback;
  };
  const message = pick(keys.message, reason.message);
  const action = pick(keys.action, reason.action);
  return (
    <div className={`job-reason ${tone}`} data-testid="job-reason" data-code={reason.code}>
      {showCode && (
        <p className="job-reason-code">
          {t('screen.code', { code: reason.code })}
        </p>
      )}
      <p>{message}</p>
      {action && (
        <p className="job-reason-action">
          <strong>{t('screen.whatToDo')}</strong> {action}
        </p>
      )}
    </div>
  );
}

/** A held job waits for the user: say why, and offer the choices the queue accepts. */
function HeldChoices({ job, busy }: { job: JobView; busy: boolean }) {
  const { t } = useTranslation('queue');
  const decideJob = useDropdesk((state) => state.decideJob);
  const refreshAcks = useDropdesk((state) => state.refreshAcks);
  const actions = jobActions(job);
  const [choosingDate, setChoosingDate] = useState(false);
  const [when, setWhen] = useState('');
  const resolved = when ? parseParisDateTime(when) : null;
  return (
    <div className="job-body">
      <p>{t('stateHints.held')}</p>
      {job.reason && <ReasonBlock job={job} reason={job.reason} tone="warn" />}
      <div className="job-actions" data-testid="held-choices">
        {actions.confirm && (
          <button type="button" className="button small primary" disabled={busy} onClick={() => void decideJob(job.id, { type: 'confirm' })}>
            {job.rest ? t('actions.sendAnyway') : t('actions.confirm')}
          </button>
        )}
        {actions.checkNow && (
          <button type="button" className="button small" disabled={busy} onClick={() => void refreshAcks(job.id)} data-testid="job-check-now">
            {t('actions.checkNow')}
          </button>
        )}
        {actions.sendNow && (
          <button type="button" className="button small" disabled={busy} onClick={() => void decideJob(job.id, { type: 'send-now' })}>
            {t('actions.sendNow')}
          </button>
        )}
        {actions.reschedule && !choosingDate && (
          <button type="button" className="button small" disabled={busy} onClick={() => setChoosingDate(true)}>
            {t('actions.reschedule')}
          </button>
        )}
        {choosingDate && (
          <span className="reschedule">
            <input
              type="datetime-local"
              className="input"
              value={when}
              aria-label={t('screen.newDate')}
              onChange={(event) => setWhen(event.target.value)}
            />
            <button
              type="button"
              className="button small primary"
              disabled={busy || !resolved?.ok}
              onClick={() => resolved?.ok && void decideJob(job.id, { type: 'reschedule', programmedAt: resolved.instant.toISOString() })}
            >
              {t('screen.reschedule')}
            </button>
          </span>
        )}
        {actions.cancel && (
          <button type="button" className="button small ghost danger-text" disabled={busy} onClick={() => void decideJob(job.id, { type: 'cancel' })}>
            {t('actions.cancel')}
          </button>
        )}
      </div>
      <p className="small muted">{t('screen.parisTime')}</p>
    </div>
  );
}
