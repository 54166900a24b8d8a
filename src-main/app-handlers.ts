import type { AppRequestChannels } from '@shared/ipc/channels/app';
import type { PartialHandlerMap } from './ipc/handler-map';
import type { MainDeps } from './main-deps';

export function createAppHandlers(deps: MainDeps): PartialHandlerMap<keyof AppRequestChannels> {
  return {
    'settings:get': () => deps.settings.get(),
    'settings:update': (patch) => {
      const next = deps.settings.update(patch);
      deps.emit('settings:changed', next);
      return next;
    },
    'app:info': () => ({
      version: deps.appVersion,
      dataDir: deps.dataDir,
      platform: process.platform,
      canStoreSecrets: deps.secretCipher?.isAvailable() ?? false,
    }),
    'update:status': () => deps.updates?.status() ?? { state: 'off' },
    'update:install': () => deps.updates?.accept() ?? { state: 'off' },
  };
}
