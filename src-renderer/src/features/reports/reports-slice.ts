/**
 * Delivery reports in the renderer: the accepted campaigns with their report
 * status, the campaign being read (figures, diff, evolution), the drill-down
 * filter, the cross-campaign overview and the opt-out list. Main holds the
 * parsed reports; this slice only holds figures and asks for pages.
 */
import type { StateCreator } from 'zustand';
import type { ListActionPreview, RemovedFromList, RetargetDraft, UnreadReportsView } from '@shared/ipc/channels/reports';
import type { OptOutStatusView, ReportCampaignView, ReportDetailView, ReportOverviewView, ReportRowsFilter, ReportRowsPage } from '@shared/ipc/channels/reports';
import type { Channel } from '@shared/providers/provider-ids';
import type { OptOutList } from '@shared/reports/opt-outs';
import type { ApiClient } from '../../bridge/api-client';
import type { DropdeskState, DropdeskStore } from '../../store/dropdesk-store';

export type ReportsTab = 'campaigns' | 'overview' | 'opt-outs';

export interface OverviewFilter {
  from?: string;
  to?: string;
  channel?: Channel;
}

export interface ReportsSlice {
  reportsTab: ReportsTab;
  reportCampaigns: ReportCampaignView[];
  reportCampaignsLoaded: boolean;
  selectedReportJobId: string | null;
  reportDetail: ReportDetailView | null;
  reportRefreshing: boolean;
  /** What the recipients table shows; bumps `drillDownVersion` so the table refetches. */
  drillDown: ReportRowsFilter;
  drillDownVersion: number;
  overview: ReportOverviewView | null;
  overviewFilter: OverviewFilter;
  optOuts: OptOutList | null;
  /** Whether opt-outs.json can be read; when not, every drop is blocked until it is repaired. */
  optOutsStatus: OptOutStatusView | null;

  showReportsTab(tab: ReportsTab): void;
  loadReportCampaigns(): Promise<void>;
  openReport(jobId: string): Promise<void>;
  refreshReports(jobId?: string): Promise<void>;
  setDrillDown(filter: ReportRowsFilter): void;
  /** A page of the drill-down rows (null when no report is open or main refused). */
  loadReportRows(offset: number, limit: number): Promise<ReportRowsPage | null>;
  exportDrillDown(): Promise<void>;
  saveChartPng(name: string, bytes: Uint8Array): Promise<void>;
  loadOverview(filter?: OverviewFilter): Promise<void>;
  loadOptOuts(): Promise<void>;
  addOptOut(number: string): Promise<boolean>;
  removeOptOuts(numbers: string[]): Promise<void>;
  importOptOuts(): Promise<void>;
  exportOptOuts(): Promise<void>;
  /** Repairs an unreadable list with its last good copy. */
  restoreOptOutsBackup(): Promise<void>;
  /** Repairs an unreadable list with a CSV (open dialog). */
  repairOptOutsFromCsv(): Promise<void>;
  reportUpdated(event: { jobId: string }): Promise<void>;
  /** Sendable rows of a saved list that are in the opt-out list (null when main could not tell). */
  countOptedOutInList(listId: string): Promise<{ optedOut: number; lines: number[] } | null>;
  /** Bumped when the opt-out list changes, so list summaries count again. */
  optOutsVersion: number;
  /** What a list action of the open report would take (null when main refused: the notice says why). */
  previewReportListAction(action: 'remove' | 'retarget'): Promise<ListActionPreview | null>;
  /** "Retirer ces numéros de la liste" on the drill-down's view. */
  removeReportNumbersFromList(): Promise<RemovedFromList | null>;
  /** "Défaire" after a removal: the list's own undo. */
  undoReportRemoval(listId: string): Promise<boolean>;
  /** "Relancer les non-délivrés": creates the draft and opens it in the composer (sends nothing). */
  retargetReport(): Promise<RetargetDraft | null>;
  /** New report versions not opened yet: the badge on "Rapports" (main keeps it in the workspace). */
  unreadReports: UnreadReportsView;
  loadUnreadReports(): Promise<void>;
  /** The report of this campaign is on screen: its versions are read. */
  markReportRead(jobId: string): Promise<void>;
}

export function createReportsSlice(client: ApiClient): StateCreator<DropdeskState, [], [], ReportsSlice> {
  return (set, get) => ({
    reportsTab: 'campaigns',
    reportCampaigns: [],
    reportCampaignsLoaded: false,
    selectedReportJobId: null,
    reportDetail: null,
    reportRefreshing: false,
    drillDown: {},
    drillDownVersion: 0,
    overview: null,
    overviewFilter: {},
    optOuts: null,
    optOutsStatus: null,
    optOutsVersion: 0,
    unreadReports: { total: 0, byJob: {} },

    async loadUnreadReports() {
      try {
        set({ unreadReports: await client.call('reports:unread', undefined) });
      } catch {
        // Only the badge is missing; the reports themselves still load.
      }
    },

    async markReportRead(jobId) {
      try {
        set({ unreadReports: await client.call('reports:mark-read', { jobId }) });
      } catch (error) {
        get().notifyError(error);
      }
    },

    showReportsTab(tab) {
      set({ reportsTab: tab });
      if (tab === 'overview') void get().loadOverview();
      if (tab === 'opt-outs') void get().loadOptOuts();
      if (tab === 'campaigns') void get().loadReportCampaigns();
    },

    async loadReportCampaigns() {
      try {
        const campaigns = await client.call('reports:list', undefined);
        set({ reportCampaigns: campaigns, reportCampaignsLoaded: true });
        const selected = get().selectedReportJobId;
        if (!selected && campaigns.length > 0) await get().openReport(campaigns[0].jobId);
      } catch (error) {
        set({ reportCampaignsLoaded: true });
        get().notifyError(error);
      }
    },

    async openReport(jobId) {
      set({ selectedReportJobId: jobId, drillDown: {}, drillDownVersion: get().drillDownVersion + 1 });
      try {
        const detail = await client.call('reports:get', { jobId });
        if (get().selectedReportJobId === jobId) set({ reportDetail: detail });
      } catch (error) {
        get().notifyError(error);
      }
    },

    async refreshReports(jobId) {
      set({ reportRefreshing: true });
      try {
        const result = await client.call('reports:refresh', jobId ? { jobId } : {});
        const failed = result.jobs.find((job) => job.error);
        const added = result.jobs.reduce((sum, job) => sum + job.newVersions, 0);
        if (failed?.error) get().notifyError(failed.error);
        else get().notify({ kind: 'success', key: 'reports:screen.refreshed', params: { count: added } });
        await get().loadReportCampaigns();
        const selected = get().selectedReportJobId;
        if (selected) {
          const detail = await client.call('reports:get', { jobId: selected });
          set({ reportDetail: detail, drillDownVersion: get().drillDownVersion + 1 });
        }
      } catch (error) {
        get().notifyError(error);
      } finally {
        set({ reportRefreshing: false });
      }
    },

    setDrillDown(filter) {
      set({ drillDown: filter, drillDownVersion: get().drillDownVersion + 1 });
    },

    async loadReportRows(offset, limit) {
      const jobId = get().selectedReportJobId;
      if (!jobId) return null;
      const { category, code, search } = get().drillDown;
      try {
        return await client.call('reports:rows', {
          jobId,
          offset,
          limit,
          ...(category ? { category } : {}),
          ...(code ? { code } : {}),
          ...(search?.trim() ? { search: search.trim() } : {}),
        });
      } catch (error) {
        get().notifyError(error);
        return null;
      }
    },

    async exportDrillDown() {
      const jobId = get().selectedReportJobId;
      if (!jobId) return;
      try {
        const saved = await client.call('reports:export-rows', { jobId, filter: get().drillDown });
        if (saved) get().notify({ kind: 'success', key: 'reports:screen.exported', params: { count: saved.rows, path: saved.path } });
      } catch (error) {
        get().notifyError(error);
      }
    },

    async saveChartPng(name, bytes) {
      try {
        const saved = await client.call('reports:save-png', { defaultName: name, bytes });
        if (saved) get().notify({ kind: 'success', key: 'reports:screen.chartSaved', params: { path: saved.path } });
      } catch (error) {
        get().notifyError(error);
      }
    },

    async loadOverview(filter) {
      const next = filter ?? get().overviewFilter;
      set({ overviewFilter: next });
      try {
        const overview = await client.call('reports:overview', {
          ...(next.from ? { from: next.from } : {}),
          ...(next.to ? { to: next.to } : {}),
          ...(next.channel ? { channel: next.channel } : {}),
        });
        set({ overview });
      } catch (error) {
        get().notifyError(error);
      }
    },

    async loadOptOuts() {
      try {
        const status = await client.call('opt-outs:status', undefined);
        set({ optOutsStatus: status });
        // Unreadable: the panel shows the repair, not an error notice.
        set({ optOuts: status.readable ? await client.call('opt-outs:list', undefined) : null });
      } catch (error) {
        get().notifyError(error);
      }
    },

    async restoreOptOutsBackup() {
      try {
        const list = await client.call('opt-outs:restore-backup', undefined);
        get().notify({ kind: 'success', key: 'reports:optOuts.restored', params: { count: list.entries.length } });
        await get().loadOptOuts();
      } catch (error) {
        get().notifyError(error);
      }
    },

    async repairOptOutsFromCsv() {
      try {
        const result = await client.call('opt-outs:repair-import', undefined);
        if (!result) return;
        get().notify({ kind: 'success', key: 'reports:optOuts.repaired', params: { count: result.total } });
        await get().loadOptOuts();
      } catch (error) {
        get().notifyError(error);
      }
    },

    async addOptOut(number) {
      try {
        set({ optOuts: await client.call('opt-outs:add', { number }) });
        return true;
      } catch (error) {
        get().notifyError(error);
        return false;
      }
    },

    async removeOptOuts(numbers) {
      try {
        set({ optOuts: await client.call('opt-outs:remove', { numbers }) });
      } catch (error) {
        get().notifyError(error);
      }
    },

    async importOptOuts() {
      try {
        const result = await client.call('opt-outs:import', undefined);
        if (!result) return;
        get().notify({ kind: 'success', key: 'reports:optOuts.imported', params: { added: result.added, updated: result.updated } });
        await get().loadOptOuts();
      } catch (error) {
        get().notifyError(error);
      }
    },

    async exportOptOuts() {
      try {
        const saved = await client.call('opt-outs:export', undefined);
        if (saved) get().notify({ kind: 'success', key: 'reports:screen.optOutsExported', params: { count: saved.count, path: saved.path } });
      } catch (error) {
        get().notifyError(error);
      }
    },

    async countOptedOutInList(listId) {
      try {
        return await client.call('opt-outs:in-list', { listId });
      } catch {
        // The summary stays usable without this figure (e.g. the list was just deleted).
        return null;
      }
    },

    async previewReportListAction(action) {
      const jobId = get().selectedReportJobId;
      if (!jobId) return null;
      try {
        return await client.call('reports:list-action-preview', { jobId, action, ...(action === 'remove' ? { filter: get().drillDown } : {}) });
      } catch (error) {
        get().notifyError(error);
        return null;
      }
    },

    async removeReportNumbersFromList() {
      const jobId = get().selectedReportJobId;
      if (!jobId) return null;
      try {
        return await client.call('reports:remove-from-list', { jobId, filter: get().drillDown });
      } catch (error) {
        get().notifyError(error);
        return null;
      }
    },

    async undoReportRemoval(listId) {
      try {
        await client.call('lists:undo', { id: listId });
        return true;
      } catch (error) {
        get().notifyError(error);
        return false;
      }
    },

    async retargetReport() {
      const jobId = get().selectedReportJobId;
      if (!jobId) return null;
      try {
        const created = await client.call('reports:retarget', { jobId });
        // The composer picks the first send's connection again (the draft holds no connection of its own).
        set({ preferredConnectionId: created.connectionId });
        get().showSection('campaigns');
        await get().openCampaign(created.draftId);
        get().notify({ kind: 'success', key: created.messageCopied ? 'reports:listActions.retargetCreated' : 'reports:listActions.retargetCreatedNoMessage', params: { count: created.rows, name: created.draftName } });
        return created;
      } catch (error) {
        get().notifyError(error);
        return null;
      }
    },

    async reportUpdated(event) {
      await get().loadReportCampaigns();
      if (get().selectedReportJobId === event.jobId) {
        try {
          const detail = await client.call('reports:get', { jobId: event.jobId });
          set({ reportDetail: detail, drillDownVersion: get().drillDownVersion + 1 });
        } catch (error) {
          get().notifyError(error);
        }
      }
    },
  });
}

/** Forwards main's report events into the store; returns the unsubscribe. */
export function connectReportEvents(store: DropdeskStore, client: ApiClient): () => void {
  const offUpdated = client.subscribe('reports:updated', (event) => void store.getState().reportUpdated(event));
  const offUnread = client.subscribe('reports:unread-changed', (view) => store.setState({ unreadReports: view }));
  void store.getState().loadUnreadReports();
  const offOptOuts = client.subscribe('opt-outs:changed', () => {
    store.setState({ optOutsVersion: store.getState().optOutsVersion + 1 });
    if (store.getState().optOuts) void store.getState().loadOptOuts();
  });
  return () => {
    offUnread();
    offUpdated();
    offOptOuts();
  };
}
