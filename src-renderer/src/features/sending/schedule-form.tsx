/** Where and when: connection, channel, template number, campaign name, type, immediate or programmed (Paris time). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDraft } from '@shared/campaigns/campaign-draft';
import { formatSpokenDateTime } from '../../i18n/format';
import { useDropdesk } from '../../store/store-context';
import { FrenchDateInput, FrenchTimeInput } from '../../ui/french-date-time-inputs';
import { describeError } from '../../i18n/describe-error';
import { draftFileName, demoTemplateFor, isoDateToFrench, formatSlot, resolveSendAt, scheduleAt, sendFormProblems, windowWarning, type SendTiming } from './send-form';

/** The current time, refreshed every 30 s so the window check follows the clock. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function ScheduleForm() {
  const { t, i18n } = useTranslation('campaigns');
  const draft = useDropdesk((state) => state.draft) as CampaignDraft;
  const connections = useDropdesk((state) => state.connections);
  const form = useDropdesk((state) => state.sendForm);
  const busy = useDropdesk((state) => state.sendBusy);
  const sendError = useDropdesk((state) => state.sendError);
  const editDraft = useDropdesk((state) => state.editDraft);
  const updateSendForm = useDropdesk((state) => state.updateSendForm);
  const chooseSendConnection = useDropdesk((state) => state.chooseSendConnection);
  const prepareSend = useDropdesk((state) => state.prepareSend);
  const showSection = useDropdesk((state) => state.showSection);
  const language = useDropdesk((state) => state.language);
  const now = useNow();

  const connection = connections.find((candidate) => candidate.id === form.connectionId) ?? null;
  const isMediasflow = connection?.profile === 'mediasflow-sftp';
  const fileName = draftFileName(draft);
  const [editingFileName, setEditingFileName] = useState(false);
  const sendAt = resolveSendAt(form, now);
  const warning = windowWarning(sendAt, draft.type, now);
  const problems = sendFormProblems(form, draft, connection, now);
  const canContinue = problems.length === 0 && !warning && busy === null;

  return (
    <form
      className="card send-form"
      data-testid="schedule-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (canContinue) void prepareSend();
      }}
    >
      {connections.length === 0 ? (
        <div className="send-block">
          <p className="composer-warning">{t('send.noConnection')}</p>
          <button type="button" className="button" onClick={() => showSection('connections')}>
            {t('send.manageConnections')}
          </button>
        </div>
      ) : (
        <label className="form-field">
          <span>{t('send.connection')}</span>
          <div className="inline-field">
            <select
              className="input grow"
              value={form.connectionId ?? ''}
              onChange={(event) => chooseSendConnection(event.target.value)}
              data-testid="send-connection"
            >
              {connections.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.demo ? t('send.demoOption', { name: candidate.name }) : candidate.name}
                </option>
              ))}
            </select>
            <button type="button" className="button small ghost" onClick={() => showSection('connections')}>
              {t('send.manageConnections')}
            </button>
          </div>
          {connection?.demo && <span className="field-help">{t('send.demoHelp')}</span>}
          {connection?.passwordSource === 'ask' && <span className="field-help bad">{t('send.passwordAsk')}</span>}
        </label>
      )}

      <div className="send-grid">
        <fieldset className="form-field">
          <legend>{t('send.channel')}</legend>
          <div className="segmented">
            {(['sms', 'vms'] as const).map((channel) => {
              const unavailable = channel === 'vms' && connection !== null && !isMediasflow;
              return (
                <label key={channel} className={draft.channel === channel ? 'segment active' : 'segment'} aria-disabled={unavailable}>
                  <input
                    type="radio"
                    name="send-channel"
                    checked={draft.channel === channel}
                    disabled={unavailable}
                    onChange={() => {
                      editDraft({ channel });
                      if (connection?.demo && isMediasflow) updateSendForm({ templateId: demoTemplateFor(channel) });
                    }}
                    data-testid={`send-channel-${channel}`}
                  />
                  {t(`send.channels.${channel}`)}
                </label>
              );
            })}
          </div>
          {connection && !isMediasflow && <span className="field-help">{t('send.noVms')}</span>}
        </fieldset>

        <fieldset className="form-field">
          <legend>{t('send.type')}</legend>
          <div className="segmented">
            {(['marketing', 'notification'] as const).map((type) => (
              <label key={type} className={draft.type === type ? 'segment active' : 'segment'}>
                <input type="radio" name="send-type" checked={draft.type === type} onChange={() => editDraft({ type })} data-testid={`send-type-${type}`} />
                {t(`send.types.${type}`)}
              </label>
            ))}
          </div>
          <span className="field-help">{draft.type === 'marketing' ? t('send.marketingHelp') : t('scheduling.notificationExempt')}</span>
        </fieldset>

        {isMediasflow && (
          <label className="form-field">
            <span>{t('send.templateId')}</span>
            <input
              className={problems.includes('template-id') && form.templateId ? 'input invalid' : 'input'}
              inputMode="numeric"
              value={form.templateId}
              onChange={(event) => updateSendForm({ templateId: event.target.value })}
              data-testid="send-template"
            />
            <span className="field-help">{connection?.demo ? t('send.templateDemoHelp') : t('send.templateHelp')}</span>
            {problems.includes('template-id') && form.templateId && <span className="field-help bad">{t('mediasflowName.problems.template-id')}</span>}
          </label>
        )}

        <div className="form-field">
          <label htmlFor="send-campaign-name">{t('send.campaignName')}</label>
          <input
            id="send-campaign-name"
            className={fileName === '' ? 'input invalid' : 'input'}
            value={draft.name}
            onChange={(event) => editDraft({ name: event.target.value })}
            data-testid="send-campaign-name"
          />
          {fileName === '' && <span className="field-help bad">{t('send.fileNameEmpty')}</span>}
          <details className="file-name-details" data-testid="file-name-details">
            <summary>{t('send.details')}</summary>
            <p className="field-help">
              {t('send.fileNameLabel', { provider: connection ? t(`send.providerNames.${connection.profile}`) : '' })}{' '}
              <code data-testid="file-name">{fileName}</code>
            </p>
            {editingFileName ? (
              <span className="inline-field">
                <input
                  className="input"
                  aria-label={t('send.fileNameInput')}
                  value={draft.fileName}
                  placeholder={fileName}
                  onChange={(event) => editDraft({ fileName: event.target.value })}
                  data-testid="file-name-input"
                />
                <button type="button" className="button small" onClick={() => { editDraft({ fileName: '' }); setEditingFileName(false); }} data-testid="file-name-reset">
                  {t('send.fileNameReset')}
                </button>
              </span>
            ) : (
              <button type="button" className="button small" onClick={() => setEditingFileName(true)} data-testid="file-name-edit">
                {t('send.fileNameEdit')}
              </button>
            )}
            <span className="field-help">{isMediasflow ? t('send.campaignNameHelp') : t('send.campaignNameHelpAllmysms')}</span>
          </details>
        </div>
      </div>

      <fieldset className="form-field send-when">
        <legend>{t('send.when')}</legend>
        <div className="segmented">
          {(['now', 'later'] as SendTiming[]).map((timing) => (
            <label key={timing} className={form.timing === timing ? 'segment active' : 'segment'}>
              <input type="radio" name="send-timing" checked={form.timing === timing} onChange={() => updateSendForm({ timing })} data-testid={`send-timing-${timing}`} />
              {t(`send.timing.${timing}`)}
            </label>
          ))}
        </div>
        {form.timing === 'later' && (
          <div className="inline-field">
            <FrenchDateInput value={form.date} label={t('send.date')} placeholder={t('send.datePlaceholder')} onChange={(date) => updateSendForm({ date })} testId="send-date" />
            <FrenchTimeInput value={form.time} label={t('send.time')} placeholder={t('send.timePlaceholder')} onChange={(time) => updateSendForm({ time })} testId="send-time" />
            <span className="field-help">{t('send.parisTime')}</span>
          </div>
        )}
        {!sendAt.ok && (
          <span className="field-help bad" data-testid="send-at-problem">
            {t(`scheduling.programmed.${sendAt.code}`, { at: `${isoDateToFrench(form.date)} ${form.time}`, earliest: sendAt.earliest ?? '' })}
          </span>
        )}
        {sendAt.ok && sendAt.shifted && (
          <span className="field-help">{t('scheduling.programmed.shifted', { typed: `${isoDateToFrench(form.date)} ${form.time}`, at: sendAt.programmedAt ? formatSpokenDateTime(sendAt.programmedAt, language) : '' })}</span>
        )}
      </fieldset>

      {warning && (
        <div className="window-warning" role="alert" data-testid="window-warning">
          <p className="check-title">{t('scheduling.outsideWindow', { window: t('scheduling.defaultWindow') })}</p>
          <ul>
            {warning.breaches.map((breach) => (
              <li key={breach}>
                {t(`scheduling.breaches.${breach}`, {
                  start: '8 h',
                  end: '20 h',
                  holiday: warning.holiday ? t(`scheduling.holidays.${warning.holiday}`) : '',
                })}
              </li>
            ))}
          </ul>
          {warning.nextSlot ? (
            <div className="check-actions">
              <span data-testid="next-slot">{t('scheduling.nextSlot', { slot: formatSlot(warning.nextSlot, language) })}</span>
              <button
                type="button"
                className="button primary small"
                onClick={() => updateSendForm(scheduleAt(form, warning.nextSlot!))}
                data-testid="schedule-next-slot"
              >
                {t('send.scheduleAt', { slot: formatSlot(warning.nextSlot, language) })}
              </button>
            </div>
          ) : (
            <p>{t('scheduling.noSlot')}</p>
          )}
          <p className="small">{t('send.notificationHint')}</p>
        </div>
      )}

      <label className="form-field checkbox">
        <input
          type="checkbox"
          checked={form.includeOptedOut}
          onChange={(event) => updateSendForm({ includeOptedOut: event.target.checked })}
          data-testid="include-opted-out"
        />
        <span>{t('send.includeOptedOut')}</span>
      </label>
      <p className="field-help">{t('send.includeOptedOutHelp')}</p>

      {problems.includes('no-list') && <p className="composer-warning">{t('send.noList')}</p>}
      {sendError && (
        <p className="send-error" role="alert" data-testid="send-error">
          {describeError(t, sendError, (key) => i18n.exists(key))}
        </p>
      )}

      <div className="send-actions">
        <button type="submit" className="button primary" disabled={!canContinue} data-testid="show-summary">
          {busy === 'preparing' && <span className="spinner" aria-hidden="true" />}
          {t('send.showSummary')}
        </button>
      </div>
    </form>
  );
}
