/**
 * One store for the whole renderer, built from feature slices (zustand's
 * slices pattern); middleware sits on the combined store only.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { ApiClient } from '../bridge/api-client';
import { createAppSlice, type AppSlice } from './app-slice';
import { createListsSlice, type ListsSlice } from './lists-slice';
import { connectCampaignEvents, createCampaignsSlice, type CampaignsSlice } from '../features/campaigns/campaigns-slice';
import { connectReportEvents, createReportsSlice, type ReportsSlice } from '../features/reports/reports-slice';
import { connectConnectionEvents, createConnectionsSlice, type ConnectionsSlice } from '../features/connections/connections-slice';
import { connectJobEvents, createJobsSlice, type JobsSlice } from '../features/jobs/jobs-slice';
import { createSendingSlice, type SendingSlice } from '../features/sending/sending-slice';
import { connectUpdateEvents, createUpdatesSlice, type UpdatesSlice } from '../features/updates/updates-slice';

export type DropdeskState = AppSlice & ListsSlice & CampaignsSlice & ReportsSlice & ConnectionsSlice & JobsSlice & SendingSlice & UpdatesSlice;

export type DropdeskStore = StoreApi<DropdeskState>;

export function createDropdeskStore(client: ApiClient): DropdeskStore {
  const appSlice = createAppSlice(client);
  const listsSlice = createListsSlice(client);
  const campaignsSlice = createCampaignsSlice(client);
  const reportsSlice = createReportsSlice(client);
  const connectionsSlice = createConnectionsSlice(client);
  const jobsSlice = createJobsSlice(client);
  const sendingSlice = createSendingSlice(client);
  const updatesSlice = createUpdatesSlice(client);
  return createStore<DropdeskState>()(
    subscribeWithSelector((...args) => ({
      ...appSlice(...args),
      ...listsSlice(...args),
      ...campaignsSlice(...args),
      ...reportsSlice(...args),
      ...connectionsSlice(...args),
      ...jobsSlice(...args),
      ...sendingSlice(...args),
      ...updatesSlice(...args),
    })),
  );
}

/** Forwards main's events into the store; returns the unsubscribe. */
export function connectMainEvents(store: DropdeskStore, client: ApiClient): () => void {
  const offSettings = client.subscribe('settings:changed', (settings) => store.getState().applySettings(settings));
  const offLists = client.subscribe('lists:changed', (lists) => store.getState().setLists(lists));
  const offCampaigns = connectCampaignEvents(store, client);
  const offReports = connectReportEvents(store, client);
  const offConnections = connectConnectionEvents(store, client);
  const offJobs = connectJobEvents(store, client);
  const offUpdates = connectUpdateEvents(store, client);
  return () => {
    offSettings();
    offLists();
    offCampaigns();
    offReports();
    offConnections();
    offJobs();
    offUpdates();
  };
}
