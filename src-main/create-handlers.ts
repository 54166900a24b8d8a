import type { HandlerMap } from './ipc/handler-map';
import type { MainDeps } from './main-deps';
import type { MainServices } from './main-services';
import { createAppHandlers } from './app-handlers';
import { createListHandlers } from './lists/list-handlers';
import { createCampaignHandlers } from './campaigns/campaign-handlers';
import { listAccessFromService } from './campaigns/campaign-list-access';
import { createReportHandlers } from './reports/report-handlers';
import { createConnectionHandlers } from './connections/connection-handlers';
import { createQueueHandlers } from './queue/queue-handlers';
import { createMailboxWatchHandlers } from './queue/mailbox-watch-handlers';
import { listServiceLoader } from './drops/list-service-loader';
import { createBlacklistSyncHandlers } from './opt-outs/blacklist-sync-handlers';

/** All request handlers of the app over its services (createMainServices); the compiler checks none is missing. */
export function createHandlers(deps: MainDeps, services: MainServices): HandlerMap {
  return {
    ...createAppHandlers(deps),
    ...createListHandlers(services.lists),
    ...createCampaignHandlers(deps, { lists: listAccessFromService(services.lists, deps.dataDir) }),
    ...createReportHandlers(services.reports, services.lists, deps),
    ...createBlacklistSyncHandlers(services.connections, services.reports.optOuts),
    ...createConnectionHandlers(deps, services.connections),
    // Drops read the list the screen shows (pending edits flushed first), not the file saved with a delay.
    ...createQueueHandlers(deps, { queue: services.queue, connections: services.connections, lists: listServiceLoader(services.lists) }),
    ...createMailboxWatchHandlers(services.mailboxWatch),
  };
}
