import { createRoot } from 'react-dom/client';
import { createApi } from '@shared/ipc/create-api';
import { createApiClient } from './bridge/api-client';
import { createBrowserTransport } from './bridge/browser-transport';
import { setupI18n } from './i18n/setup-i18n';
import { connectMainEvents, createDropdeskStore } from './store/dropdesk-store';
import { App } from './app/app';
import './styles/app.css';

// The desktop app's preload provides window.api; in browser mode the page builds it over HTTP.
const api = window.api ?? createApi(createBrowserTransport());
const client = createApiClient(api);
const store = createDropdeskStore(client);
const i18n = setupI18n('fr');
connectMainEvents(store, client);
void store.getState().startApp();

const root = document.getElementById('root');
if (root) createRoot(root).render(<App store={store} i18n={i18n} />);
