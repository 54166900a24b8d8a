/**
 * The two calls to the token endpoint: the code exchange (with the PKCE
 * verifier) and the refresh. A public client: no secret. undici's fetch,
 * through HTTPS_PROXY when set (as the REST client). Tokens are never logged.
 */
import { Agent, ProxyAgent, fetch, type Dispatcher } from 'undici';
import { proxyFor } from '../connectors/mediasflow-rest/rest-client';
import { parseTokenResponse, type TokenAnswer } from './token-response';

export interface TokenClientOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

export class OAuthNetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OAuthNetworkError';
  }
}

async function postForm(tokenUrl: string, form: Record<string, string>, options: TokenClientOptions): Promise<TokenAnswer> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const url = new URL(tokenUrl);
  const proxy = proxyFor(url, options.env ?? process.env);
  const dispatcher: Dispatcher = proxy ? new ProxyAgent({ uri: proxy, headersTimeout: timeoutMs, bodyTimeout: timeoutMs }) : new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return parseTokenResponse(response.status, body, (options.now ?? (() => new Date()))());
  } catch (error) {
    throw new OAuthNetworkError(`Service d'identité Microsoft injoignable : ${(error as Error)?.message ?? String(error)}`);
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}

export function exchangeCode(
  tokenUrl: string,
  given: { clientId: string; code: string; redirectUri: string; codeVerifier: string; scopes: readonly string[] },
  options: TokenClientOptions = {},
): Promise<TokenAnswer> {
  return postForm(
    tokenUrl,
    { client_id: given.clientId, grant_type: 'authorization_code', code: given.code, redirect_uri: given.redirectUri, code_verifier: given.codeVerifier, scope: given.scopes.join(' ') },
    options,
  );
}

export function refreshTokens(tokenUrl: string, given: { clientId: string; refreshToken: string; scopes: readonly string[] }, options: TokenClientOptions = {}): Promise<TokenAnswer> {
  return postForm(tokenUrl, { client_id: given.clientId, grant_type: 'refresh_token', refresh_token: given.refreshToken, scope: given.scopes.join(' ') }, options);
}
