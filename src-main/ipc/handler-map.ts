/**
 * Plain-Node side of the bridge: one handler per channel, each input checked
 * against its schema before the handler sees it. Electron's ipcMain (see
 * electron/ipc-main-bridge.ts) and the end-to-end harness both call
 * `dispatchRequest`, so tests exercise exactly what the app runs.
 */
import { requestSchemas } from '@shared/ipc/schemas';
import type { RequestChannel, RequestInput, RequestOutput } from '@shared/ipc/channels';
import { UserFacingError, type IpcResult } from '@shared/ipc/ipc-result';

export type RequestHandler<C extends RequestChannel> = (
  input: RequestInput<C>,
) => RequestOutput<C> | Promise<RequestOutput<C>>;

export type HandlerMap = { [C in RequestChannel]: RequestHandler<C> };

export type PartialHandlerMap<K extends RequestChannel> = { [C in K]: RequestHandler<C> };

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(entrée)'}: ${issue.message}`)
    .join('; ');
}

export async function dispatchRequest(
  handlers: HandlerMap,
  channel: string,
  rawInput: unknown,
  log: (message: string, error?: unknown) => void = () => {},
): Promise<IpcResult<unknown>> {
  if (!Object.prototype.hasOwnProperty.call(requestSchemas, channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `Canal inconnu : ${channel}`, params: { channel } } };
  }
  const typedChannel = channel as RequestChannel;
  const parsed = requestSchemas[typedChannel].safeParse(rawInput);
  if (!parsed.success) {
    const details = describeIssues(parsed.error.issues);
    return {
      ok: false,
      error: { code: 'invalid-input', message: `Requête refusée (${channel}) : ${details}`, params: { channel, details } },
    };
  }
  try {
    const handler = handlers[typedChannel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, error: error.toIpcError() };
    log(`Erreur inattendue sur ${channel}`, error);
    return {
      ok: false,
      error: {
        code: 'unexpected',
        message: "Une erreur inattendue s'est produite. Réessayez ; si elle se répète, contactez le support avec le journal.",
      },
    };
  }
}
