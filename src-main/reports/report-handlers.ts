/**
 * Handlers of the `reports:*` and `opt-outs:*` channels, and the report
 * services (with their opt-out list and poller) createMainServices builds once.
 */
import type { ReportRequestChannels } from '@shared/ipc/channels/reports';
import type { PartialHandlerMap } from '../ipc/handler-map';
import type { MainDeps } from '../main-deps';
import { createOptOutService, type OptOutService } from '../opt-outs/opt-out-service';
import { findOptedOutRows } from '../opt-outs/list-opt-outs';
import type { ListService } from '../lists/list-service';
import { createCampaignStore } from '../campaigns/campaign-store';
import { createReportListActions } from './report-list-actions';
import { createReportPoller, type ReportPoller } from './report-poller';
import { createReportService, type ReportConnections, type ReportService, type ReportServiceOptions } from './report-service';
import { createReportReadState, unreadReports, type ReportReadState } from './report-read-state';
import { newReportNotification } from './report-notification';
import type { Notifier } from '../queue/queue-types';
import type { UnreadReportsView } from '@shared/ipc/channels/reports';

export interface ReportServices {
  reports: ReportService;
  optOuts: OptOutService;
  /** Not started here: startAppServices (src-main/demo-setup) starts it beside the queue; tests call runDue(). */
  poller: ReportPoller;
  /** Which versions the user has opened (the badge on "Rapports"). */
  readState: ReportReadState;
  unread(): Promise<UnreadReportsView>;
}

export interface ReportServiceOverrides extends Partial<Pick<ReportServiceOptions, 'fileSystemFactory' | 'openSession' | 'now'>> {
  /** The connections service (the app's own: cipher, demo drop boxes). */
  connections: ReportConnections;
  /** Told after every change of the opt-out list (a repair wakes the queue's jobs waiting for it). */
  onOptOutsChange?: () => void;
  /** Desktop notifications of new report versions (default: the app's, deps.notifier). */
  notifier?: Notifier;
}

export function createReportServices(deps: MainDeps, overrides: ReportServiceOverrides): ReportServices {
  const optOuts = createOptOutService({
    dataDir: deps.dataDir,
    dialogs: deps.dialogs,
    onChange: (list) => {
      deps.emit('opt-outs:changed', { count: list.entries.length });
      overrides.onOptOutsChange?.();
    },
  });
  const reports = createReportService({
    dataDir: deps.dataDir,
    connections: overrides.connections,
    optOuts,
    dialogs: deps.dialogs,
    fileSystemFactory: overrides.fileSystemFactory,
    openSession: overrides.openSession,
    now: overrides.now,
    emit: (event) => deps.emit('reports:updated', event),
    onNewVersions: (event) => {
      void unread().then((view) => deps.emit('reports:unread-changed', view), (error: unknown) => deps.log('reports: counting unread reports failed', error));
      try {
        (overrides.notifier ?? deps.notifier)?.notify(newReportNotification(event.campaignName, event.latest));
      } catch (error) {
        deps.log('reports: notification failed', error);
      }
    },
    log: deps.log,
  });
  const readState = createReportReadState(deps.dataDir);
  async function unread(): Promise<UnreadReportsView> {
    const versions = new Map((await reports.list()).map((view) => [view.jobId, view.versions]));
    return unreadReports(versions, await readState.read());
  }
  return { reports, optOuts, poller: createReportPoller({ service: reports, log: deps.log }), readState, unread };
}

export function createReportHandlers(given: ReportServices, lists: ListService, deps: Pick<MainDeps, 'dataDir' | 'emit' | 'log'>): PartialHandlerMap<keyof ReportRequestChannels> {
  const { reports, optOuts } = given;
  // The drafts on disk, as the campaign handlers keep them (one JSON file per draft, atomic writes).
  const drafts = createCampaignStore(deps.dataDir, { log: deps.log });
  const actions = createReportListActions({
    reports,
    lists,
    optOutNumbers: () => optOuts.numberSet(),
    drafts,
    draftsChanged: async () => deps.emit('campaigns:changed', await drafts.list()),
  });
  return {
    'reports:list-action-preview': (input) => actions.preview(input),
    'reports:remove-from-list': (input) => actions.removeFromList(input),
    'reports:retarget': (input) => actions.retarget(input),
    'reports:unread': () => given.unread(),
    'reports:mark-read': async ({ jobId }) => {
      const { campaign } = await reports.get(jobId);
      await given.readState.markRead(jobId, campaign.versions);
      const view = await given.unread();
      deps.emit('reports:unread-changed', view);
      return view;
    },
    'reports:list': () => reports.list(),
    'reports:get': ({ jobId }) => reports.get(jobId),
    'reports:refresh': (input) => reports.refresh(input),
    'reports:rows': (input) => reports.rows(input),
    'reports:export-rows': (input) => reports.exportRows(input),
    'reports:save-png': (input) => reports.savePng(input),
    'reports:overview': (input) => reports.overview(input),
    'opt-outs:list': () => optOuts.read(),
    'opt-outs:import': () => optOuts.importFromDialog(),
    'opt-outs:export': () => optOuts.exportToDialog(),
    'opt-outs:add': (input) => optOuts.add(input),
    'opt-outs:remove': (input) => optOuts.remove(input),
    'opt-outs:status': () => optOuts.status(),
    'opt-outs:restore-backup': () => optOuts.restoreBackup(),
    'opt-outs:repair-import': () => optOuts.replaceFromDialog(),
    'opt-outs:in-list': async ({ listId }) => {
      const { checks } = await lists.snapshot(listId);
      const { count, lines } = findOptedOutRows(checks, await optOuts.numberSet());
      return { optedOut: count, lines };
    },
  };
}
