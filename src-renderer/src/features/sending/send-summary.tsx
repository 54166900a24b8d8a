/**
 * "Résumé de la campagne": the page that decides. Which text leaves and how
 * one real recipient receives it, the sender, the number of SMS and the cost,
 * who is left out and why, then one button that says what will happen
 * ("Programmer 3 026 SMS pour le mardi 1er décembre à 8 h 55"). Technical
 * names (file, IDMEDIAFLOW) sit under "Détails". Every sentence comes from the
 * catalogues: main's warnings arrive as codes + parameters.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DropProblem, DropSummary } from '@shared/ipc/channels/queue';
import type { Language } from '@shared/settings/app-settings';
import { useDropdesk } from '../../store/store-context';
import { describeError } from '../../i18n/describe-error';
import { formatCount, formatEuros, formatSpokenDateTime } from '../../i18n/format';
import { formatBytes } from '../jobs/job-display';
import { realSendAllowed } from '@shared/campaigns/test-send';
import { SendTestPanel } from './send-test-panel';

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A problem from main in the user's words: its code from the catalogue, dates spoken, main's French as the fallback. */
export function wordProblem(t: TFunction, problem: DropProblem, language: Language): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem.params ?? {})) {
    params[key] = typeof value === 'string' && isoInstant.test(value) ? formatSpokenDateTime(value, language) : typeof value === 'number' ? formatCount(value, language) : value;
  }
  const n = params.count;
  // The raw number picks the plural form; {{n}} is the formatted one.
  if (typeof problem.params?.count === 'number') params.count = problem.params.count;
  const key = problem.code.startsWith('column-') ? 'send.problems.column-renamed' : `send.problems.${problem.code}`;
  return t(key, { ...params, n, defaultValue: problem.message });
}

/** The confirm button's words: what will happen, when. */
export function confirmLabel(t: TFunction, summary: DropSummary, language: Language): string {
  const units = summary.channel === 'vms' ? summary.recipients : (summary.credits ?? summary.recipients);
  const count = formatCount(units, language);
  const what = summary.channel === 'vms' ? t('send.summary.units.vms', { count: units, n: count }) : t('send.summary.units.sms', { count: units, n: count });
  return summary.sendAt
    ? t('send.summary.programmeWhat', { what, at: formatSpokenDateTime(summary.sendAt, language) })
    : t('send.summary.sendWhat', { what });
}

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
  const previous = summary.previousSend ?? null;
  const [resendConfirmed, setResendConfirmed] = useState(false);
  const testStep = useDropdesk((state) => state.sendTest);
  const tested = realSendAllowed(testStep);
  const blocked = summary.blocking.length > 0 || !summary.window.ok || (previous !== null && !resendConfirmed) || !tested;
  const invalidReasons = Object.entries(summary.excluded.invalidByReason).filter(([, value]) => value > 0);
  const optedOut = summary.excluded.optedOut ?? 0;
  const excludedTotal = summary.excluded.invalid + summary.excluded.duplicates + optedOut + summary.excluded.oversized;
  const fromTemplate = summary.messageSource === 'template';
  const estimate = fromTemplate ? 'estimate' : 'exact';
  // The first lines only: the list screen shows them all.
  const lineList = (lines: number[]) =>
    t('send.summary.lines', { count: lines.length, lines: `${lines.slice(0, 10).join(', ')}${lines.length > 10 ? '…' : ''}` });

  return (
    <div className="card send-summary" data-testid="send-summary" data-source={summary.messageSource}>
      <h2 className="summary-title">{t('send.summary.title')}</h2>

      {/* Two columns on a wide window (what is sent and what it costs | who, when, the test); one below the other otherwise. */}
      <div className="summary-columns">
        <div className="summary-column">
          <section className="summary-message" aria-labelledby="summary-message-title">
            <h3 id="summary-message-title">{t('send.summary.messageTitle')}</h3>
            <p className={fromTemplate ? 'summary-source template' : 'summary-source'} data-testid="summary-source">
              {fromTemplate ? t('send.summary.sourceTemplate', { id: summary.templateId ?? '' }) : t('send.summary.sourceTyped')}
            </p>
            {summary.preview ? (
              <figure className="sms-bubble-wrap">
                <figcaption className="muted small">
                  {fromTemplate ? t('send.summary.previewEstimate', { line: summary.preview.line }) : t('send.summary.previewAs', { line: summary.preview.line })}
                </figcaption>
                <p className="sms-bubble" data-testid="summary-preview">
                  {summary.preview.text}
                </p>
              </figure>
            ) : (
              summary.channel === 'sms' && <p className="muted">{t('send.summary.noPreview')}</p>
            )}
            <p data-testid="summary-sender">
              {fromTemplate
                ? t('send.summary.senderTemplate', { id: summary.templateId ?? '' })
                : summary.sender
                  ? t('send.summary.sender', { sender: summary.sender })
                  : t('send.summary.senderDefault')}
            </p>
          </section>

          <dl className="figures summary-figures">
            <div className="figure strong">
              <dt>{t('send.summary.recipients')}</dt>
              <dd data-testid="summary-recipients">{count(summary.recipients)}</dd>
            </div>
            <div className="figure">
              <dt>{summary.channel === 'vms' ? t('send.summary.credits') : t(`send.summary.segments_${estimate}`)}</dt>
              <dd data-testid="summary-credits">{summary.credits !== null ? count(summary.credits) : '—'}</dd>
            </div>
            <div className="figure">
              <dt>{t('send.summary.perRecipient')}</dt>
              <dd data-testid="summary-per-recipient">
                {summary.segments ? (summary.segments.min === summary.segments.max ? count(summary.segments.min) : `${count(summary.segments.min)} – ${count(summary.segments.max)}`) : '—'}
              </dd>
            </div>
            <div className="figure">
              <dt>{t(`send.summary.cost_${estimate}`)}</dt>
              <dd data-testid="summary-cost">{summary.cost !== null ? formatEuros(summary.cost, language) : '—'}</dd>
            </div>
            <div className={excludedTotal > 0 ? 'figure warn' : 'figure'}>
              <dt>{t('send.summary.excluded')}</dt>
              <dd data-testid="summary-excluded">{count(excludedTotal)}</dd>
            </div>
          </dl>
          {summary.cost === null && summary.credits !== null && <p className="small muted" data-testid="summary-cost-hint">{t('send.summary.costUnknown')}</p>}
          {summary.credits === null && <p className="small muted">{t('send.summary.creditsUnknown')}</p>}
          {fromTemplate && summary.credits !== null && <p className="small muted" data-testid="summary-estimate-note">{t('send.summary.estimateNote', { id: summary.templateId ?? '' })}</p>}
        </div>

        <div className="summary-column">
          <section className="summary-section">
            <h3>{t('send.summary.excludedTitle')}</h3>
            {excludedTotal === 0 ? (
              <p className="muted">{t('send.summary.noneExcluded')}</p>
            ) : (
              <ul className="excluded-list" data-testid="summary-excluded-list">
                {summary.excluded.invalid > 0 && (
                  <li data-testid="excluded-invalid">
                    {t('send.summary.invalid', { count: summary.excluded.invalid, n: count(summary.excluded.invalid) })}
                    {invalidReasons.length > 0 && (
                      <span className="muted">
                        {' '}
                        ({invalidReasons.map(([reason, value]) => `${t(`lists:reason.${reason}`, { defaultValue: reason })} : ${count(value)}`).join(', ')})
                      </span>
                    )}
                    {summary.excluded.invalidLines.length > 0 && <span className="muted small"> — {lineList(summary.excluded.invalidLines)}</span>}
                  </li>
                )}
                {summary.excluded.duplicates > 0 && (
                  <li data-testid="excluded-duplicates">
                    {t('send.summary.duplicates', { count: summary.excluded.duplicates, n: count(summary.excluded.duplicates) })}
                    {summary.excluded.duplicateLines.length > 0 && <span className="muted small"> — {lineList(summary.excluded.duplicateLines)}</span>}
                  </li>
                )}
                {optedOut > 0 && <li data-testid="excluded-opted-out">{t('send.summary.optedOut', { count: optedOut, n: count(optedOut) })}</li>}
                {summary.excluded.oversized > 0 && <li>{t('send.summary.oversized', { count: summary.excluded.oversized, n: count(summary.excluded.oversized) })}</li>}
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
            <div>
              <dt>{t('send.summary.sendAt')}</dt>
              <dd data-testid="summary-send-at">
                {programmed ? t('send.summary.programmedAt', { at: formatSpokenDateTime(summary.sendAt!, language) }) : t('send.summary.immediate')}
              </dd>
            </div>
            <div>
              <dt>{t('send.summary.connection')}</dt>
              <dd data-testid="summary-connection">
                {summary.connection.name} {demo && <span className="tag demo-tag">{t('connections:screen.demo')}</span>}
              </dd>
            </div>
          </dl>

          <details className="summary-details" data-testid="summary-details">
            <summary>{t('send.details')}</summary>
            <dl className="summary-facts">
              {fromTemplate && (
                <div>
                  <dt>{t('send.summary.template')}</dt>
                  <dd data-testid="summary-template">{summary.templateId}</dd>
                </div>
              )}
              <div>
                <dt>{t('send.summary.fileCampaignName')}</dt>
                <dd data-testid="summary-file-name">{summary.fileCampaignName}</dd>
              </div>
              <div>
                <dt>{t('send.summary.listRows', { name: summary.list.name })}</dt>
                <dd data-testid="summary-list-rows">{count(summary.list.rows)}</dd>
              </div>
              <div className="wide">
                <dt>{t('send.summary.remoteFile')}</dt>
                <dd>
                  {summary.remoteNames.map((name, index) => (
                    <code key={name} className="path" data-testid="summary-remote-name">
                      {summary.remoteFolder}
                      {summary.provider === 'isendpro-mail' ? ' · ' : '/'}
                      {name}
                      {summary.files[index]?.bytes > 0 && <span className="muted"> · {formatBytes(summary.files[index].bytes, language)}</span>}
                    </code>
                  ))}
                  {summary.provider === 'mediasflow-sftp' && <span className="field-help">{t('send.summary.stampNote')}</span>}
                </dd>
              </div>
            </dl>
          </details>

          {summary.blocking.length === 0 && <SendTestPanel summary={summary} />}
        </div>
      </div>

      {previous && (
        <div className="summary-resend" role="alert" data-testid="summary-already-sent">
          <p>
            {t('send.summary.alreadySent', {
              count: previous.recipients,
              n: formatCount(previous.recipients, language),
              at: formatSpokenDateTime(previous.at, language),
              campaign: previous.campaignName,
            })}
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={resendConfirmed} onChange={(event) => setResendConfirmed(event.target.checked)} data-testid="confirm-resend" />
            <span>{t('send.summary.sendAnyway')}</span>
          </label>
        </div>
      )}
      {summary.warnings.filter((warning) => warning.code !== 'list-already-sent').length > 0 && (
        <ul className="summary-warnings" data-testid="summary-warnings">
          {summary.warnings.filter((warning) => warning.code !== 'list-already-sent').map((warning) => (
            <li key={warning.code} data-code={warning.code}>
              {wordProblem(t, warning, language)}
            </li>
          ))}
        </ul>
      )}
      {summary.blocking.length > 0 && (
        <div className="summary-blocking" role="alert" data-testid="summary-blocking">
          <p className="check-title">{t('send.summary.blocked')}</p>
          <ul>
            {summary.blocking.map((problem) => (
              <li key={problem.code} data-code={problem.code}>
                {wordProblem(t, problem, language)}
              </li>
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
        {!tested && summary.blocking.length === 0 && (
          <p className="small muted send-actions-hint" data-testid="send-test-waiting">
            {t('send.test.waiting')}
          </p>
        )}
        <button type="button" className="button" onClick={backToSchedule} data-testid="summary-back">
          {t('send.summary.change')}
        </button>
        <button type="button" className="button primary" disabled={blocked || busy !== null} onClick={() => void submitSend()} data-testid="send-confirm">
          {busy === 'submitting' && <span className="spinner" aria-hidden="true" />}
          {confirmLabel(t, summary, language)}
        </button>
      </div>
    </div>
  );
}
