import type { HandlerMap } from './ipc/handler-map';
import type { MainDeps } from './main-deps';
import { createAppHandlers } from './app-handlers';
import { createListHandlers } from './lists/list-handlers';

/** All request handlers of the app; the compiler checks none is missing. */
export function createHandlers(deps: MainDeps): HandlerMap {
  return {
    ...createAppHandlers(deps),
    ...createListHandlers(deps),
  };
}
