/** i18next initialised from the shared catalogues; French is the reference and the fallback. */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs, namespaces } from '@shared/i18n/catalogs';
import type { Language } from '@shared/settings/app-settings';

export function setupI18n(language: Language = 'fr'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: catalogs,
    lng: language,
    fallbackLng: 'fr',
    ns: [...namespaces],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}
