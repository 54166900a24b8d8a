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
import { createMailboxWatchService, type MailboxWatchService, type MailboxWatchServiceOptions } from './queue/drivers/mail/mailbox-watch-service';

export interface MainServices {
  lists: ListService;
  connections: ConnectionService;
  queue: Queue;
  reports: ReportServices;
  /** iSendPro answers: one IMAP connection in IDLE per mail connection while its batches await answers (started by startAppServices). */
  mailboxWatch: MailboxWatchService;
}

export interface MainServicesOptions {
  /** Queue settings beyond the defaults (tests: short backoffs, a notifier that records). */
  queue?: Partial<Omit<QueueOptions, 'dataDir' | 'connections'>>;
  reports?: Omit<ReportServiceOverrides, 'connections'>;
  /** Mailbox watcher timings (tests: a long periodic read, short reconnection delays). */
  mailboxWatch?: Partial<Pick<MailboxWatchServiceOptions, 'periodicMs' | 'reconnectBackoff' | 'busyRetryMs' | 'clock'>>;
}

export function createMainServices(deps: MainDeps, options: MainServicesOptions = {}): MainServices {
  const lists = createListService(deps);
  const connections = createConnectionService({ dataDir: deps.dataDir, cipher: deps.secretCipher, demo: deps.demoEndpoints, resolveProxy: deps.resolveProxy });
  const mailboxWatch = createMailboxWatchService({
    jobs: () => queue.list(),
    settingsFor: (connectionId) => connections.resolveMailSettings(connectionId),
    readAnswersOf: (connectionId) => queue.checkAnswersOf(connectionId),
    log: (line) => deps.log(line),
    onChange: (views) => deps.emit('queue:mailbox-watch-changed', views),
    ...options.mailboxWatch,
  });
  const queue = createQueue({
    dataDir: deps.dataDir,
    connections,
    notifier: deps.notifier,
    emit: (view) => {
      deps.emit('queue:job-updated', view);
      // A mail batch that left starts its connection's watcher.
      mailboxWatch.jobChanged(view);
    },
    log: deps.log,
    // Paramètres → Envoi: read at each upload, so a change applies to the next drop.
    stampMarginMs: () => stampMarginMsOf(workspaceSettingsOf(deps.settings)),
    ...options.queue,
    mail: { answerWatch: mailboxWatch.answerWatch, ...options.queue?.mail },
  });
  // A repaired opt-out list sends the drops that waited for it at once.
  const reports = createReportServices(deps, { connections, onOptOutsChange: () => queue.optOutsChanged(), ...options.reports });
  return { lists, connections, queue, reports, mailboxWatch };
}
