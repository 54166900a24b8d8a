/**
 * The summary's "M'envoyer un test" step (issue 11 §4): the same message to
 * the user's own mobile, through the same connection, as its own drop; then
 * "Le test reçu est-il conforme ?" before the real send is enabled. It can be
 * skipped, with the providers' own advice said beside the button.
 */
import { useTranslation } from 'react-i18next';
import type { DropSummary } from '@shared/ipc/channels/queue';
import { checkTestNumber, testCampaignName } from '@shared/campaigns/test-send';
import { useDropdesk } from '../../store/store-context';
import { describeError } from '../../i18n/describe-error';

export function SendTestPanel({ summary }: { summary: DropSummary }) {
  const { t, i18n } = useTranslation('campaigns');
  const step = useDropdesk((state) => state.sendTest);
  const form = useDropdesk((state) => state.testForm);
  const error = useDropdesk((state) => state.testError);
  const updateTestForm = useDropdesk((state) => state.updateTestForm);
  const sendTestMessage = useDropdesk((state) => state.sendTestMessage);
  const answerTest = useDropdesk((state) => state.answerTest);
  const skipTest = useDropdesk((state) => state.skipTest);
  const resetTest = useDropdesk((state) => state.resetTest);
  const number = checkTestNumber(form.to);
  const typed = form.to.trim() !== '';
  const rows = summary.list.rows;
  const sending = step.kind === 'sending';
  const canSend = number.ok && !sending && summary.blocking.length === 0;
  const asked = step.kind === 'sent' || step.kind === 'not-right' || step.kind === 'confirmed';

  return (
    <section className="summary-test" aria-labelledby="summary-test-title" data-testid="send-test" data-state={step.kind}>
      <h3 id="summary-test-title">{t('send.test.title')}</h3>
      {step.kind === 'untested' || step.kind === 'sending' ? (
        <>
          <p className="small muted">{t('send.test.intro')}</p>
          <div className="test-fields">
            <label className="field">
              <span className="field-label">{t('send.test.number')}</span>
              <input
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                value={form.to}
                onChange={(event) => updateTestForm({ to: event.target.value })}
                aria-invalid={typed && !number.ok}
                aria-describedby="test-number-help"
                data-testid="test-number"
              />
              <span id="test-number-help" className={typed && !number.ok ? 'field-help bad' : 'field-help'} data-testid="test-number-help">
                {typed && !number.ok
                  ? t('send.test.numberInvalid', { reason: t(`lists:reason.${number.reason}`) })
                  : t('send.test.numberHelp')}
              </span>
            </label>
            <label className="field narrow">
              <span className="field-label">{t('send.test.line')}</span>
              <input
                type="number"
                min={1}
                max={rows}
                value={form.line ?? summary.preview?.line ?? ''}
                placeholder={summary.preview ? String(summary.preview.line) : '1'}
                onChange={(event) => {
                  const value = Number(event.target.value);
                  updateTestForm({ line: Number.isInteger(value) && value >= 1 ? value : null });
                }}
                aria-describedby="test-line-help"
                data-testid="test-line"
              />
              <span id="test-line-help" className="field-help">
                {t('send.test.lineHelp', { rows })}
              </span>
            </label>
          </div>
          <div className="test-actions">
            <button type="button" className="button" disabled={!canSend} onClick={() => void sendTestMessage()} data-testid="send-test-button">
              {sending && <span className="spinner" aria-hidden="true" />}
              {sending ? t('send.test.sending') : t('send.test.send')}
            </button>
            <span className="test-skip">
              <button type="button" className="button ghost small" disabled={sending} onClick={skipTest} data-testid="send-test-skip">
                {t('send.test.skip')}
              </button>
              <span className="small muted" data-testid="send-test-advice">
                {t('send.test.skipAdvice')}
              </span>
            </span>
          </div>
          {error && (
            <p className="send-error" role="alert" data-testid="send-test-error">
              {describeError(t, error, (key) => i18n.exists(key))}
            </p>
          )}
        </>
      ) : null}
      {asked && (
        <div className="test-answer">
          <p role="status" data-testid="send-test-sent">
            {t('send.test.sent', { to: step.to, name: testCampaignName(summary.campaignName) })}
          </p>
          <fieldset className="test-question">
            <legend>{t('send.test.question')}</legend>
            <button type="button" className={step.kind === 'confirmed' ? 'button primary small' : 'button small'} aria-pressed={step.kind === 'confirmed'} onClick={() => answerTest(true)} data-testid="test-right">
              {t('send.test.yes')}
            </button>
            <button type="button" className={step.kind === 'not-right' ? 'button danger small' : 'button small'} aria-pressed={step.kind === 'not-right'} onClick={() => answerTest(false)} data-testid="test-wrong">
              {t('send.test.no')}
            </button>
          </fieldset>
          {step.kind === 'not-right' && (
            <p className="summary-blocking small" role="alert" data-testid="test-not-right">
              {t('send.test.notRight')}
            </p>
          )}
          {step.kind === 'confirmed' && <p className="small ok-text" data-testid="test-confirmed">{t('send.test.confirmed')}</p>}
          <button type="button" className="button ghost small" onClick={resetTest} data-testid="send-test-again">
            {t('send.test.again')}
          </button>
        </div>
      )}
      {step.kind === 'skipped' && (
        <p className="small muted" data-testid="test-skipped">
          {t('send.test.skipped')} {t('send.test.skipAdvice')}{' '}
          <button type="button" className="button ghost small" onClick={resetTest} data-testid="send-test-again">
            {t('send.test.doTest')}
          </button>
        </p>
      )}
    </section>
  );
}
