/**
 * What crosses the bridge for every request: either the value or a user-facing
 * error. Errors are codes plus parameters so the renderer can word them in the
 * user's language (catalogue key `errors.<code>`), never a stack trace.
 */
export interface IpcError {
  code: string;
  /** Plain-language fallback (French) when the renderer has no catalogue entry. */
  message: string;
  params?: Record<string, string | number>;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown by handlers for an expected, user-explainable failure. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }

  toIpcError(): IpcError {
    return { code: this.code, message: this.message, params: this.params };
  }
}

/** Raised in the renderer when main answered with an error. */
export class IpcRequestError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'IpcRequestError';
  }
}
