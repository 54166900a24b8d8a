import type { ListRequestChannels } from '@shared/ipc/channels/lists';
import type { PartialHandlerMap } from '../ipc/handler-map';
import type { MainDeps } from '../main-deps';
import { createListService, type ListService } from './list-service';

/** One list service per set of dependencies, so the app can flush the same one it serves. */
const services = new WeakMap<MainDeps, ListService>();

export function getListService(deps: MainDeps): ListService {
  let service = services.get(deps);
  if (!service) {
    service = createListService(deps);
    services.set(deps, service);
  }
  return service;
}

/** Handlers of the `lists:*` channels; call `getListService(deps).flush()` before the app quits. */
export function createListHandlers(deps: MainDeps, service: ListService = getListService(deps)): PartialHandlerMap<keyof ListRequestChannels> {
  return {
    'lists:list': () => service.metas(),
    'lists:import-dialog': () => service.importFromDialog(),
    'lists:import-bytes': ({ fileName, bytes }) => service.importBytes(fileName, bytes),
    'lists:open': ({ id }) => service.open(id),
    'lists:rows': (input) => service.rows(input),
    'lists:edit': ({ id, edit }) => service.applyEdit(id, edit),
    'lists:undo': ({ id }) => service.undo(id),
    'lists:redo': ({ id }) => service.redo(id),
    'lists:set-mobile-column': ({ id, column }) => service.setMobileColumn(id, column),
    'lists:rename': ({ id, name }) => service.rename(id, name),
    'lists:duplicate': ({ id }) => service.duplicate(id),
    'lists:delete': ({ id }) => service.remove(id),
    'lists:export': (input) => service.exportList(input),
  };
}
