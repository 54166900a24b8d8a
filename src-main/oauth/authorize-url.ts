/**
 * The pure halves of the browser step: the authorize URL Dropdesk opens, and
 * the reading of the request the browser then makes to the loopback listener
 * (state checked before the code is ever used).
 */
import type { OAuthEndpoints } from './microsoft-oauth-config';

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  codeChallenge: string;
  /** Pre-fills the Microsoft sign-in page with the mailbox's address. */
  loginHint?: string;
}

export function buildAuthorizeUrl(endpoints: OAuthEndpoints, request: AuthorizeRequest): string {
  const url = new URL(endpoints.authorize);
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('response_mode', 'query');
  url.searchParams.set('scope', request.scopes.join(' '));
  url.searchParams.set('state', request.state);
  url.searchParams.set('code_challenge', request.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('prompt', 'select_account');
  if (request.loginHint) url.searchParams.set('login_hint', request.loginHint);
  return url.toString();
}

export type RedirectOutcome =
  | { kind: 'code'; code: string }
  | { kind: 'refused'; error: string; description: string }
  /** Not the redirect (a favicon, a request without state): answered 404, the listener keeps waiting. */
  | { kind: 'ignored' };

/** What one request to the loopback listener means; a wrong state is refused (never a code from someone else's sign-in). */
export function readRedirect(requestUrl: string, expectedState: string): RedirectOutcome {
  const url = new URL(requestUrl, 'http://127.0.0.1/');
  if (url.pathname !== '/') return { kind: 'ignored' };
  const params = url.searchParams;
  if (!params.has('state') && !params.has('code') && !params.has('error')) return { kind: 'ignored' };
  if (params.get('state') !== expectedState) return { kind: 'refused', error: 'state-mismatch', description: "La réponse ne correspond pas à la connexion demandée (paramètre state)." };
  const error = params.get('error');
  if (error) return { kind: 'refused', error, description: params.get('error_description') ?? '' };
  const code = params.get('code');
  if (!code) return { kind: 'refused', error: 'no-code', description: "La réponse de Microsoft ne contient pas de code d'autorisation." };
  return { kind: 'code', code };
}
