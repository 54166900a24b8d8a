/**
 * The renderer's only way to reach main: a typed call that unwraps IpcResult
 * (throwing IpcRequestError so stores can catch one kind of failure) and a
 * typed subscription to main's events.
 */
import type {
  DropdeskApi,
  EventChannel,
  EventPayload,
  RequestChannel,
  RequestInput,
  RequestOutput,
} from '@shared/ipc/channels';
import { IpcRequestError } from '@shared/ipc/ipc-result';

export interface ApiClient {
  call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>>;
  subscribe<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createApiClient(api: DropdeskApi): ApiClient {
  return {
    async call(channel, input) {
      const result = await api.invoke(channel, input);
      if (!result.ok) throw new IpcRequestError(result.error);
      return result.value;
    },
    subscribe(event, listener) {
      return api.on(event, listener);
    },
  };
}
