/** connections:* handlers over the app's connections service (createMainServices). */
import type { ConnectionRequestChannels } from '@shared/ipc/channels/connections';
import type { PartialHandlerMap } from '../ipc/handler-map';
import type { MainDeps } from '../main-deps';
import type { ConnectionService } from './connection-service';

export function createConnectionHandlers(
  deps: MainDeps,
  service: ConnectionService,
): PartialHandlerMap<keyof ConnectionRequestChannels> {
  const changed = async () => deps.emit('connections:changed', await service.list());
  return {
    'connections:list': () => service.list(),
    'connections:save': async (input) => {
      const result = await service.save(input);
      await changed();
      return result;
    },
    'connections:delete': async ({ id }) => {
      const result = await service.remove(id);
      await changed();
      return result;
    },
    'connections:test': ({ id, password }) => service.test(id, password ? { password } : undefined),
    'connections:probe-host-key': ({ id }) => service.probeHostKey(id),
    'connections:pin-host-key': async ({ id, fingerprint }) => {
      const connection = await service.pinHostKey(id, fingerprint);
      await changed();
      return connection;
    },
    'connections:oauth-sign-in': async ({ id }) => {
      const openBrowser =
        deps.openExternal ??
        (async (url: string) => {
          process.stderr.write(`Connexion Microsoft 365 : ouvrez cette adresse dans votre navigateur :\n${url}\n`);
        });
      const connection = await service.signInMicrosoft(id, { openBrowser });
      await changed();
      return connection;
    },
    'connections:oauth-sign-out': async ({ id }) => {
      const connection = await service.signOutMicrosoft(id);
      await changed();
      return connection;
    },
  };
}
