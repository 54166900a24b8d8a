/**
 * One Microsoft 365 sign-in: Authorization Code + PKCE (S256) in the system
 * browser (`openBrowser`: shell.openExternal in the app, the URL on stderr in
 * the CLI and browser mode), the redirect caught by a loopback listener, the
 * code exchanged for tokens. Returns the tokens and the signed-in address.
 */
import { buildAuthorizeUrl } from './authorize-url';
import { startLoopbackRedirect } from './loopback-redirect';
import { checkClientId, MICROSOFT_MAIL_SCOPES, microsoftEndpoints, type MicrosoftOAuthSettings } from './microsoft-oauth-config';
import { createPkcePair, createState } from './pkce';
import { exchangeCode, type TokenClientOptions } from './token-client';
import type { TokenSet } from './token-response';

export class OAuthTokenError extends Error {
  constructor(readonly error: string, readonly description: string) {
    super(description ? `${error} : ${description}` : error);
    this.name = 'OAuthTokenError';
  }
}

export interface SignInOptions extends TokenClientOptions {
  /** Opens the URL in the system browser (or prints it). */
  openBrowser: (url: string) => Promise<void> | void;
  loginHint?: string;
  /** How long the browser step may take (default 5 minutes). */
  waitMs?: number;
  signal?: AbortSignal;
}

export async function signInWithMicrosoft(settings: MicrosoftOAuthSettings, options: SignInOptions): Promise<TokenSet> {
  checkClientId(settings.clientId);
  const endpoints = microsoftEndpoints(settings);
  const pkce = createPkcePair();
  const state = createState();
  const listener = await startLoopbackRedirect(state, { timeoutMs: options.waitMs, signal: options.signal });
  try {
    const url = buildAuthorizeUrl(endpoints, {
      clientId: settings.clientId,
      redirectUri: listener.redirectUri,
      scopes: MICROSOFT_MAIL_SCOPES,
      state,
      codeChallenge: pkce.challenge,
      ...(options.loginHint ? { loginHint: options.loginHint } : {}),
    });
    await options.openBrowser(url);
    const code = await listener.code;
    const answer = await exchangeCode(endpoints.token, { clientId: settings.clientId, code, redirectUri: listener.redirectUri, codeVerifier: pkce.verifier, scopes: MICROSOFT_MAIL_SCOPES }, options);
    if (!answer.ok) throw new OAuthTokenError(answer.error, answer.description);
    return answer.tokens;
  } finally {
    await listener.close();
  }
}
