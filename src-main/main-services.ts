/**
 * The main process's services, built once from the main dependencies and
 * handed to whatever needs them (the handlers, the app services, the Electron
 * entry, the e2e harness): no service is reached through a module singleton.
 */
import type { MainDeps } from './main-deps';
import { stampMarginMsOf } from '@shared/settings/workspace-settings';
import { workspaceSettingsOf } from './settings/workspace-settings-file';
import { createListService, type ListService } from './lists/list-service';
import { createConnectionService, type ConnectionService } from './connections/connection-service';
import { createQueue, type Queue, type QueueOptions } from './queue/queue-runtime';
import { createReportServices, type ReportServiceOverrides, type ReportServices } from './reports/report-handlers';

export interface MainServices {
  lists: ListService;
  connections: ConnectionService;
  queue: Queue;
  reports: ReportServices;
}

export interface MainServicesOptions {
  /** Queue settings beyond the defaults (tests: short backoffs, a notifier that records). */
  queue?: Partial<Omit<QueueOptions, 'dataDir' | 'connections'>>;
  reports?: Omit<ReportServiceOverrides, 'connections'>;
}

export function createMainServices(deps: MainDeps, options: MainServicesOptions = {}): MainServices {
  const lists = createListService(deps);
  const connections = createConnectionService({ dataDir: deps.dataDir, cipher: deps.secretCipher, demo: deps.demoEndpoints, resolveProxy: deps.resolveProxy });
  const queue = createQueue({
    dataDir: deps.dataDir,
    connections,
    notifier: deps.notifier,
    emit: (view) => deps.emit('queue:job-updated', view),
    log: deps.log,
    // Paramètres → Envoi: read at each upload, so a change applies to the next drop.
    stampMarginMs: () => stampMarginMsOf(workspaceSettingsOf(deps.settings)),
    ...options.queue,
  });
  // A repaired opt-out list sends the drops that waited for it at once.
  const reports = createReportServices(deps, { connections, onOptOutsChange: () => queue.optOutsChanged(), ...options.reports });
  return { lists, connections, queue, reports };
}
