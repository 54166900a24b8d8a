import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { DropdeskStore } from '../store/dropdesk-store';
import { StoreProvider, useDropdesk } from '../store/store-context';
import { Sidebar } from './sidebar';
import { NoticeBar } from './notice-bar';
import { FirstStepsGuide } from './first-steps-guide';
import { DemoBanner } from './demo-banner';
import { UpdatePrompt } from '../features/updates/update-prompt';
import { ListsScreen } from '../features/lists/lists-screen';
import { SettingsScreen } from '../features/settings/settings-screen';
import { JobsScreen } from '../features/jobs/jobs-screen';
import { ConnectionsScreen } from '../features/connections/connections-screen';
import { CampaignsScreen } from '../features/campaigns/campaigns-screen';
import { ReportsScreen } from '../features/reports/reports-screen';

export function App({ store, i18n }: { store: DropdeskStore; i18n: I18n }) {
  return (
    <StoreProvider store={store}>
      <I18nextProvider i18n={i18n}>
        <LanguageSync i18n={i18n} />
        <Shell />
      </I18nextProvider>
    </StoreProvider>
  );
}

/** Keeps i18next and <html lang> on the language of the settings. */
function LanguageSync({ i18n }: { i18n: I18n }) {
  const language = useDropdesk((state) => state.language);
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  return null;
}

function Shell() {
  const section = useDropdesk((state) => state.section);
  useEffect(() => {
    // A file dropped outside the drop zone must never make the window navigate to it.
    const block = (event: DragEvent) => event.preventDefault();
    window.addEventListener('dragover', block);
    window.addEventListener('drop', block);
    return () => {
      window.removeEventListener('dragover', block);
      window.removeEventListener('drop', block);
    };
  }, []);
  return (
    <div className="app-shell">
      <Sidebar />
      <main className="app-content" id="content">
        <UpdatePrompt />
        <DemoBanner />
        <FirstStepsGuide />
        {section === 'lists' && <ListsScreen />}
        {section === 'settings' && <SettingsScreen />}
        {section === 'campaigns' && <CampaignsScreen />}
        {section === 'reports' && <ReportsScreen />}
        {section === 'drops' && <JobsScreen />}
        {section === 'connections' && <ConnectionsScreen />}
      </main>
      <NoticeBar />
    </div>
  );
}
