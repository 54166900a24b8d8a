/**
 * How a REST call ended when it did not end well, in the terms the queue
 * needs: was there an answer (the request was refused: nothing done) or not
 * (the outcome of a POST is unknown)?
 */
export type RestErrorKind =
  /** The connection could not be opened: the request never left. */
  | 'not-sent'
  /** Sent, but no (complete, readable) answer: timeout, reset, truncated or garbled body, HTML page, 5xx. */
  | 'no-answer'
  /** An answer refusing the request (4xx other than 401/429), or 401 again after logging in again. */
  | 'refused'
  /** 429 still after waiting Retry-After. */
  | 'rate-limited'
  /** The connection settings themselves are unusable (plain http to a remote host, bad URL). */
  | 'config';

export class RestError extends Error {
  constructor(
    readonly kind: RestErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly detail: string = '',
  ) {
    super(message);
    this.name = 'RestError';
  }

  /** Worth trying again later by itself (never for an inject whose answer was lost: that is the queue's call). */
  get transient(): boolean {
    return this.kind === 'not-sent' || this.kind === 'no-answer' || this.kind === 'rate-limited';
  }
}
