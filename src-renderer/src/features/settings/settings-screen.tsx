import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/settings/app-settings';
import { useDropdesk } from '../../store/store-context';
import { SendingSettingsForm } from './sending-settings-form';

const languages: { value: Language; label: string }[] = [
  { value: 'fr', label: 'Français' },
  { value: 'en', label: 'English' },
];

export function SettingsScreen() {
  const { t } = useTranslation();
  const language = useDropdesk((state) => state.language);
  const setLanguage = useDropdesk((state) => state.setLanguage);
  const appInfo = useDropdesk((state) => state.appInfo);
  return (
    <section className="screen" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <div className="card settings-card">
        <fieldset className="field">
          <legend>{t('settings.language')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('settings.language')}>
            {languages.map((option) => (
              <label key={option.value} className={option.value === language ? 'segment active' : 'segment'}>
                <input
                  type="radio"
                  name="language"
                  value={option.value}
                  checked={option.value === language}
                  onChange={() => void setLanguage(option.value)}
                />
                <span lang={option.value}>{option.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <SendingSettingsForm />
        <div className="field">
          <h2 className="field-label">{t('settings.dataFolder')}</h2>
          <p className="muted">{t('settings.dataFolderHelp')}</p>
          <code className="path" data-testid="data-folder">{appInfo?.dataDir ?? '…'}</code>
        </div>
        <div className="field">
          <h2 className="field-label">{t('settings.version')}</h2>
          <p>{appInfo ? `Dropdesk ${appInfo.version}` : '…'}</p>
        </div>
      </div>
    </section>
  );
}
