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
import { createReportPoller, type ReportPoller } from './report-poller';
import { createReportService, type ReportConnections, type ReportService, type ReportServiceOptions } from './report-service';

export interface ReportServices {
  reports: ReportService;
  optOuts: OptOutService;
  /** Not started here: startAppServices (src-main/demo-setup) starts it beside the queue; tests call runDue(). */
  poller: ReportPoller;
}

export interface ReportServiceOverrides extends Partial<Pick<ReportServiceOptions, 'fileSystemFactory' | 'openSession' | 'now'>> {
  /** The connections service (the app's own: cipher, demo drop boxes). */
  connections: ReportConnections;
}

export function createReportServices(deps: MainDeps, overrides: ReportServiceOverrides): ReportServices {
  const optOuts = createOptOutService({
    dataDir: deps.dataDir,
    dialogs: deps.dialogs,
    onChange: (list) => deps.emit('opt-outs:changed', { count: list.entries.length }),
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
    log: deps.log,
  });
  return { reports, optOuts, poller: createReportPoller({ service: reports, log: deps.log }) };
}

export function createReportHandlers(given: ReportServices, lists: Pick<ListService, 'snapshot'>): PartialHandlerMap<Exclude<keyof ReportRequestChannels, 'opt-outs:sync-blacklist'>> {
  const { reports, optOuts } = given;
  return {
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
