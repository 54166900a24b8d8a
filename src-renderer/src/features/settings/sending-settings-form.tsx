/** Paramètres → Envoi: the workspace's sending settings (marketing window, Alsace-Moselle, MediasFlow stamp margin and BOM, AllMySMS split size). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultWorkspaceSettings, workspaceSettingsSchema, type WorkspaceSettings } from '@shared/settings/workspace-settings';
import { useDropdesk } from '../../store/store-context';

const weekdays = [1, 2, 3, 4, 5, 6, 7];

export function SendingSettingsForm() {
  const { t } = useTranslation();
  const saved = useDropdesk((state) => state.settings?.workspace ?? null);
  const saveWorkspaceSettings = useDropdesk((state) => state.saveWorkspaceSettings);
  const [draft, setDraft] = useState<WorkspaceSettings>(saved ?? defaultWorkspaceSettings);
  useEffect(() => {
    if (saved) setDraft(saved);
  }, [saved]);
  const check = workspaceSettingsSchema.safeParse(draft);
  const problems = check.success ? [] : [...new Set(check.error.issues.map((issue) => issue.message))];
  const window = draft.marketingWindow;
  const setWindow = (patch: Partial<WorkspaceSettings['marketingWindow']>) => setDraft({ ...draft, marketingWindow: { ...window, ...patch } });
  const toggleDay = (day: number) => setWindow({ days: window.days.includes(day) ? window.days.filter((d) => d !== day) : [...window.days, day].sort() });
  return (
    <form
      className="field sending-settings"
      data-testid="sending-settings"
      onSubmit={(event) => {
        event.preventDefault();
        if (check.success) void saveWorkspaceSettings(check.data);
      }}
    >
      <h2 className="field-label">{t('settings.sending.title')}</h2>
      <p className="muted">{t('settings.sending.help')}</p>
      <fieldset className="field">
        <legend>{t('settings.sending.window')}</legend>
        <p className="muted small">{t('settings.sending.windowHelp')}</p>
        <div className="toolbar-row" role="group" aria-label={t('settings.sending.days')}>
          {weekdays.map((day) => (
            <label key={day} className="checkbox">
              <input type="checkbox" checked={window.days.includes(day)} onChange={() => toggleDay(day)} data-testid={`window-day-${day}`} />
              <span>{t(`settings.sending.dayNames.${day - 1}`)}</span>
            </label>
          ))}
        </div>
        <div className="toolbar-row">
          <label>
            {t('settings.sending.start')}{' '}
            <input className="input" type="time" value={window.start} onChange={(event) => setWindow({ start: event.target.value })} data-testid="window-start" />
          </label>
          <label>
            {t('settings.sending.end')}{' '}
            <input className="input" type="time" value={window.end} onChange={(event) => setWindow({ end: event.target.value })} data-testid="window-end" />
          </label>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={window.alsaceMoselle} onChange={(event) => setWindow({ alsaceMoselle: event.target.checked })} data-testid="window-alsace-moselle" />
          <span>{t('settings.sending.alsaceMoselle')}</span>
        </label>
      </fieldset>
      <div className="field">
        <label>
          {t('settings.sending.stampMargin')}{' '}
          <input
            className="input"
            type="number"
            min={0}
            max={110}
            step={1}
            value={draft.mediasflowStampMarginMinutes}
            onChange={(event) => setDraft({ ...draft, mediasflowStampMarginMinutes: Number(event.target.value) })}
            data-testid="stamp-margin"
          />
        </label>
        <p className="muted small">{t('settings.sending.stampMarginHelp')}</p>
      </div>
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={draft.mediasflowBom} onChange={(event) => setDraft({ ...draft, mediasflowBom: event.target.checked })} data-testid="mediasflow-bom" />
          <span>{t('settings.sending.bom')}</span>
        </label>
        <p className="muted small">{t('settings.sending.bomHelp')}</p>
      </div>
      <div className="field">
        <label>
          {t('settings.sending.split')}{' '}
          <input
            className="input"
            type="number"
            min={0.5}
            max={8}
            step={0.5}
            value={draft.allmysmsSplitMebibytes}
            onChange={(event) => setDraft({ ...draft, allmysmsSplitMebibytes: Number(event.target.value) })}
            data-testid="allmysms-split"
          />
        </label>
        <p className="muted small">{t('settings.sending.splitHelp')}</p>
      </div>
      {problems.length > 0 && (
        <ul className="danger-text small" role="alert" data-testid="sending-settings-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="toolbar-row">
        <button type="submit" className="button primary" disabled={!check.success} data-testid="save-sending-settings">
          {t('settings.sending.save')}
        </button>
        <button type="button" className="button" onClick={() => setDraft(defaultWorkspaceSettings)}>
          {t('settings.sending.reset')}
        </button>
      </div>
    </form>
  );
}
