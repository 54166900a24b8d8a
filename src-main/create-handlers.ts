import type { HandlerMap } from './ipc/handler-map';
import type { MainDeps } from './main-deps';
import { createAppHandlers } from './app-handlers';
import { createListHandlers, getListService } from './lists/list-handlers';
import { createCampaignHandlers } from './campaigns/campaign-handlers';
import { listAccessFromService } from './campaigns/campaign-list-access';
import { createReportHandlers } from './reports/report-handlers';
import { createConnectionHandlers } from './connections/connection-handlers';
import { createQueueHandlers } from './queue/queue-handlers';

/** All request handlers of the app; the compiler checks none is missing. */
export function createHandlers(deps: MainDeps): HandlerMap {
  return {
    ...createAppHandlers(deps),
    ...createListHandlers(deps),
    ...createCampaignHandlers(deps, { lists: listAccessFromService(getListService(deps), deps.dataDir) }),
    ...createReportHandlers(deps),
    ...createConnectionHandlers(deps),
    ...createQueueHandlers(deps),
  };
}
