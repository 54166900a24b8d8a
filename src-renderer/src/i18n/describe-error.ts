/**
 * Words an error in the user's language: the catalogue entry `errors:<code>`
 * when there is one, else the French message main sent, else a generic line.
 */
import type { TFunction } from 'i18next';
import { IpcRequestError, type IpcError } from '@shared/ipc/ipc-result';

export function toIpcError(error: unknown): IpcError {
  if (error instanceof IpcRequestError) return error.error;
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const { code, message, params } = error as IpcError;
    if (typeof code === 'string' && typeof message === 'string') return { code, message, params };
  }
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

export function describeError(t: TFunction, error: IpcError, hasKey: (key: string) => boolean): string {
  const key = `errors:${error.code}`;
  // A message with plural forms has only `<code>_one`, `<code>_other`… in the catalogue.
  if (hasKey(key) || hasKey(`${key}_other`)) return t(key, { ...(error.params ?? {}) });
  return error.message || t('errors:unexpected');
}
