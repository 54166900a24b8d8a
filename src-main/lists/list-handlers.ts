// PLACEHOLDER — replaced by the list service implementation.
import type { ListRequestChannels } from '@shared/ipc/channels/lists';
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { PartialHandlerMap } from '../ipc/handler-map';
import type { MainDeps } from '../main-deps';

export function createListHandlers(_deps: MainDeps): PartialHandlerMap<keyof ListRequestChannels> {
  const notYet = () => {
    throw new UserFacingError('not-implemented', 'Pas encore disponible.');
  };
  return {
    'lists:list': () => [],
    'lists:import-dialog': notYet,
    'lists:import-bytes': notYet,
    'lists:open': notYet,
    'lists:rows': notYet,
    'lists:edit': notYet,
    'lists:undo': notYet,
    'lists:redo': notYet,
    'lists:set-mobile-column': notYet,
    'lists:rename': notYet,
    'lists:duplicate': notYet,
    'lists:delete': notYet,
    'lists:export': notYet,
  };
}
