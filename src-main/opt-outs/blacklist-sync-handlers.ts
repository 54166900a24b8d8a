/** `opt-outs:sync-blacklist`: "Synchroniser la liste noire" for a MediasFlow REST connection (rest-blacklist-sync.ts). */
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { ReportRequestChannels } from '@shared/ipc/channels/reports';
import type { ConnectionService } from '../connections/connection-service';
import { isRestProvider } from '../connections/connection-types';
import { restClientOptionsFor } from '../connections/rest-connection';
import { RestError } from '../connectors/mediasflow-rest/rest-error';
import type { PartialHandlerMap } from '../ipc/handler-map';
import type { OptOutService } from './opt-out-service';
import { syncRestBlacklist } from './rest-blacklist-sync';

export function createBlacklistSyncHandlers(connections: Pick<ConnectionService, 'getStored' | 'resolveRestEndpoint'>, optOuts: OptOutService): PartialHandlerMap<'opt-outs:sync-blacklist'> {
  return {
    'opt-outs:sync-blacklist': async ({ connectionId, push }): Promise<ReturnType<ReportRequestChannels['opt-outs:sync-blacklist']>> => {
      const connection = await connections.getStored(connectionId);
      if (!isRestProvider(connection.provider)) {
        throw new UserFacingError('blacklist-sync-unsupported', `La connexion « ${connection.name} » n'utilise pas l'API MediasFlow : la liste noire du compte ne peut être lue que par l'API.`, { connection: connection.name });
      }
      const endpoint = await connections.resolveRestEndpoint(connection);
      try {
        return await syncRestBlacklist({ endpoint, optOuts, push: push ?? false, brand: connection.rest?.brand ?? null, clientOptions: restClientOptionsFor(endpoint, process.env) });
      } catch (error) {
        if (error instanceof RestError) throw new UserFacingError('blacklist-sync-failed', `La liste noire n'a pas pu être synchronisée : ${error.message}`, { status: error.status ?? 0 });
        throw error;
      }
    },
  };
}
