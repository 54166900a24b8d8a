import type { ListRequestChannels } from '@shared/ipc/channels/lists';
import type { PartialHandlerMap } from '../ipc/handler-map';
import type { ListService } from './list-service';

/** Handlers of the `lists:*` channels over the app's one list service (createMainServices); flush it before the app quits. */
export function createListHandlers(service: ListService): PartialHandlerMap<keyof ListRequestChannels> {
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
