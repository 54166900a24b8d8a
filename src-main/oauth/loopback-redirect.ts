/**
 * The loopback listener of one sign-in (RFC 8252 §7.3): http://127.0.0.1 on a
 * random port, started for the sign-in only, closed as soon as the redirect
 * came (or the sign-in was given up). It answers the browser with a plain
 * French page; the code is only accepted with the expected state.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRedirect } from './authorize-url';

export const SIGN_IN_SUCCESS_TEXT = 'Connexion réussie, vous pouvez fermer cette fenêtre.';

function page(title: string, text: string): string {
  const escape = (value: string) => value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body style="font-family:sans-serif;margin:3em"><h1 style="font-size:1.4em">${escape(title)}</h1><p>${escape(text)}</p></body></html>`;
}

export class SignInRefusedError extends Error {
  constructor(readonly error: string, readonly description: string) {
    super(description ? `${error} : ${description}` : error);
    this.name = 'SignInRefusedError';
  }
}

export class SignInTimeoutError extends Error {
  constructor() {
    super('Connexion Microsoft 365 abandonnée : aucune réponse du navigateur à temps.');
    this.name = 'SignInTimeoutError';
  }
}

export interface LoopbackRedirect {
  redirectUri: string;
  /** Resolves with the code of the redirect carrying `state`; rejects on a refusal, a timeout or an abort. */
  code: Promise<string>;
  close(): Promise<void>;
}

export async function startLoopbackRedirect(state: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<LoopbackRedirect> {
  let settle: { resolve: (code: string) => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined);
  let done = false;
  const server: Server = createServer((request, response) => {
    const outcome = done ? ({ kind: 'ignored' } as const) : readRedirect(request.url ?? '/', state);
    if (outcome.kind === 'ignored') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Introuvable');
      return;
    }
    done = true;
    if (outcome.kind === 'code') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page('Dropdesk', SIGN_IN_SUCCESS_TEXT));
      settle.resolve(outcome.code);
    } else {
      response
        .writeHead(400, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(page('Dropdesk', `La connexion à Microsoft 365 a échoué (${outcome.error}). Revenez à Dropdesk pour réessayer.`));
      settle.reject(new SignInRefusedError(outcome.error, outcome.description));
    }
    void close();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const timer = setTimeout(() => {
    done = true;
    settle.reject(new SignInTimeoutError());
    void close();
  }, options.timeoutMs ?? 5 * 60_000);
  const onAbort = () => {
    done = true;
    settle.reject(new SignInRefusedError('cancelled', 'Connexion annulée.'));
    void close();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let closing: Promise<void> | null = null;
  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // The browser may keep its connection alive: the page is already sent, drop it.
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  }
  return { redirectUri: `http://127.0.0.1:${port}/`, code, close };
}
