/** "Résumé de la campagne": what will leave, to whom, when, where — then "Envoyer" or "Programmer". */
import { useTranslation } from 'react-i18next';
import type { DropSummary } from '@shared/ipc/channels/queue';
import { useDropdesk } from '../../store/store-context';
import { describeError } from '../../i18n/describe-error';
import { formatCount } from '../../i18n/format';
import { formatBytes } from '../jobs/job-display';

export function SendSummaryView() {
  const { t, i18n } = useTranslation('campaigns');
  const summary = useDropdesk((state) => state.sendSummary) as DropSummary;
  const language = useDropdesk((state) => state.language);
  const busy = useDropdesk((state) => state.sendBusy);
  const sendError = useDropdesk((state) => state.sendError);
  const connections = useDropdesk((state) => state.connections);
  const backToSchedule = useDropdesk((state) => state.backToSchedule);
  const submitSend = useDropdesk((state) => state.submitSend);
  const count = (value: number) => formatCount(value, language);
  const demo = connections.find((connection) => connection.id === summary.connection.id)?.demo ?? false;
  const programmed = summary.sendAt !== null;
  const blocked = summary.blocking.length > 0 || !summary.window.ok;
  const invalidReasons = Object.entries(summary.excluded.invalidByReason).filter(([, value]) => value > 0);
  const optedOut = summary.excluded.optedOut ?? 0;
  const excludedTotal = summary.excluded.invalid + summary.excluded.duplicates + optedOut + summary.excluded.oversized;
  const templateId = useDropdesk((state) => state.sendForm.templateId);
  // The first lines only: the list screen shows them all.
  const lineList = (lines: number[]) =>
    lines.length === 1 ? t('send.summary.line', { line: lines[0] }) : t('send.summary.lines', { lines: `${lines.slice(0, 10).join(', ')}${lines.length > 10 ? '…' : ''}` });

  return (
    <div className="card send-summary" data-testid="send-summary">
      <h2 className="summary-title">{t('send.summary.title')}</h2>
      <dl className="figures summary-figures">
        <div className="figure strong">
          <dt>{t('send.summary.recipients')}</dt>
          <dd data-testid="summary-recipients">{count(summary.recipients)}</dd>
        </div>
        <div className="figure">
          <dt>{t('send.summary.listRows', { name: summary.list.name })}</dt>
          <dd data-testid="summary-list-rows">{count(summary.list.rows)}</dd>
        </div>
        <div className={excludedTotal > 0 ? 'figure warn' : 'figure'}>
          <dt>{t('send.summary.excluded')}</dt>
          <dd data-testid="summary-excluded">{count(excludedTotal)}</dd>
        </div>
        <div className="figure">
          <dt>{summary.channel === 'vms' ? t('send.summary.credits') : t('send.summary.segments')}</dt>
          <dd data-testid="summary-credits">{summary.credits !== null ? count(summary.credits) : '—'}</dd>
        </div>
        <div className="figure">
          <dt>{t('send.summary.perRecipient')}</dt>
          <dd data-testid="summary-per-recipient">
            {summary.segments ? (summary.segments.min === summary.segments.max ? count(summary.segments.min) : `${count(summary.segments.min)} – ${count(summary.segments.max)}`) : '—'}
          </dd>
        </div>
      </dl>
      {summary.credits === null && <p className="small muted">{t('send.summary.creditsUnknown')}</p>}

      <section className="summary-section">
        <h3>{t('send.summary.excludedTitle')}</h3>
        {excludedTotal === 0 ? (
          <p className="muted">{t('send.summary.noneExcluded')}</p>
        ) : (
          <ul className="excluded-list" data-testid="summary-excluded-list">
            {summary.excluded.invalid > 0 && (
              <li data-testid="excluded-invalid">
                {t('send.summary.invalid', { n: count(summary.excluded.invalid) })}
                {invalidReasons.length > 0 && (
                  <span className="muted">
                    {' '}
                    ({invalidReasons.map(([reason, value]) => `${t(`lists:reason.${reason}`, { defaultValue: reason })} : ${count(value)}`).join(', ')})
                  </span>
                )}
                {summary.excluded.invalidLines.length > 0 && (
                  <span className="muted small"> — {lineList(summary.excluded.invalidLines)}</span>
                )}
              </li>
            )}
            {summary.excluded.duplicates > 0 && (
              <li data-testid="excluded-duplicates">
                {t('send.summary.duplicates', { n: count(summary.excluded.duplicates) })}
                {summary.excluded.duplicateLines.length > 0 && (
                  <span className="muted small"> — {lineList(summary.excluded.duplicateLines)}</span>
                )}
              </li>
            )}
            {optedOut > 0 && <li data-testid="excluded-opted-out">{t('send.summary.optedOut', { n: count(optedOut) })}</li>}
            {summary.excluded.oversized > 0 && <li>{t('send.summary.oversized', { n: count(summary.excluded.oversized) })}</li>}
          </ul>
        )}
      </section>

      <dl className="summary-facts">
        <div>
          <dt>{t('send.summary.campaign')}</dt>
          <dd data-testid="summary-campaign">{summary.campaignName}</dd>
        </div>
        <div>
          <dt>{t('send.summary.channelAndType')}</dt>
          <dd>
            {t(`send.channels.${summary.channel}`)} · {t(`send.types.${summary.type}`)}
          </dd>
        </div>
        {summary.provider === 'mediasflow-sftp' && (
          <div>
            <dt>{t('send.summary.template')}</dt>
            <dd data-testid="summary-template">{templateId}</dd>
          </div>
        )}
        <div>
          <dt>{t('send.summary.sendAt')}</dt>
          <dd data-testid="summary-send-at">{programmed ? t('send.summary.programmedAt', { at: summary.sendAtText }) : t('send.summary.immediate')}</dd>
        </div>
        <div>
          <dt>{t('send.summary.connection')}</dt>
          <dd data-testid="summary-connection">
            {summary.connection.name} {demo && <span className="tag demo-tag">{t('connections:screen.demo')}</span>}
          </dd>
        </div>
        <div className="wide">
          <dt>{t('send.summary.remoteFile')}</dt>
          <dd>
            {summary.remoteNames.map((name, index) => (
              <code key={name} className="path" data-testid="summary-remote-name">
                {summary.remoteFolder}/{name}
                {summary.files[index] && <span className="muted"> · {formatBytes(summary.files[index].bytes, language)}</span>}
              </code>
            ))}
            {summary.provider === 'mediasflow-sftp' && <span className="field-help">{t('send.summary.stampNote')}</span>}
          </dd>
        </div>
      </dl>

      {summary.warnings.length > 0 && (
        <ul className="summary-warnings" data-testid="summary-warnings">
          {summary.warnings.map((warning) => (
            <li key={warning.code} data-code={warning.code}>
              {warning.message}
            </li>
          ))}
        </ul>
      )}
      {summary.blocking.length > 0 && (
        <div className="summary-blocking" role="alert" data-testid="summary-blocking">
          <p className="check-title">{t('send.summary.blocked')}</p>
          <ul>
            {summary.blocking.map((problem) => (
              <li key={problem.code}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      {sendError && (
        <p className="send-error" role="alert" data-testid="send-error">
          {describeError(t, sendError, (key) => i18n.exists(key))}
        </p>
      )}

      <div className="send-actions">
        <button type="button" className="button" onClick={backToSchedule} data-testid="summary-back">
          {t('send.summary.change')}
        </button>
        <button type="button" className="button primary" disabled={blocked || busy !== null} onClick={() => void submitSend()} data-testid="send-confirm">
          {busy === 'submitting' && <span className="spinner" aria-hidden="true" />}
          {programmed ? t('send.summary.programme') : t('send.summary.send')}
        </button>
      </div>
    </div>
  );
}
