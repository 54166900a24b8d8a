/**
 * Microsoft 365 sign-in of a mail connection ('microsoft-oauth2'): the stored
 * settings, the view, and the tokens. Tokens are only ever kept encrypted by
 * the token cipher (Electron safeStorage in the app, DROPDESK_SECRET_KEY in
 * the CLI) or in memory for the session when this computer cannot encrypt;
 * never in a log or in clear on disk. The access token is refreshed 5 minutes
 * before its expiry, and again (once) when a server refuses it; a refused
 * refresh (invalid_grant) marks the connection « Reconnectez-vous à
 * Microsoft 365 » and nothing is sent until a new sign-in (fail closed). The
 * signed-in address must be the connection's SMTP and IMAP user, so no mail
 * ever leaves with another account.
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { MailConnectionInput, MailOAuthView } from '@shared/ipc/channels/connections';
import { MICROSOFT_AUTHORITY, MICROSOFT_DEFAULT_TENANT, MICROSOFT_MAIL_SCOPES, MICROSOFT_PLACEHOLDER_CLIENT_ID, microsoftEndpoints, OAuthConfigError, type MicrosoftOAuthSettings } from '../oauth/microsoft-oauth-config';
import { OAuthTokenError, signInWithMicrosoft, type SignInOptions } from '../oauth/microsoft-sign-in';
import { refreshTokens, OAuthNetworkError, type TokenClientOptions } from '../oauth/token-client';
import { accessTokenUsable, isSignInRequired, type TokenSet } from '../oauth/token-response';
import { SignInRefusedError, SignInTimeoutError } from '../oauth/loopback-redirect';
import type { SecretCipher, StoredConnection, StoredMailConnection, StoredMailOAuth } from './connection-types';

import { OAUTH_UNAVAILABLE_CODE, SIGN_IN_REQUIRED_CODE } from '../oauth/oauth-codes';

export { OAUTH_UNAVAILABLE_CODE, SIGN_IN_REQUIRED_CODE };

type TokenSlot = 'oauth-refresh' | 'oauth-access';
export type OAuthSessionTokens = Map<string, string>;

export function oauthSettingsOf(oauth: StoredMailOAuth): MicrosoftOAuthSettings {
  return { clientId: oauth.clientId, tenant: oauth.tenant, authority: oauth.authority };
}

function signedOut(settings: MicrosoftOAuthSettings): StoredMailOAuth {
  return { provider: 'microsoft', ...settings, account: null, refreshToken: null, accessToken: null, accessTokenExpiresAt: null, signInRequired: false };
}

/** The stored sign-in from the form or the CLI: null for passwords; a changed registration or user drops the tokens. */
export function buildStoredOAuth(input: MailConnectionInput, previous: StoredMailConnection | undefined): StoredMailOAuth | null {
  const mode = input.auth ?? (previous?.oauth ? 'microsoft-oauth2' : 'password');
  if (mode === 'password') return null;
  const before = previous?.oauth ?? null;
  const settings: MicrosoftOAuthSettings = {
    clientId: input.oauth?.clientId?.trim() || before?.clientId || MICROSOFT_PLACEHOLDER_CLIENT_ID,
    tenant: input.oauth?.tenant?.trim() || before?.tenant || MICROSOFT_DEFAULT_TENANT,
    authority: input.oauth?.authority?.trim() || before?.authority || MICROSOFT_AUTHORITY,
  };
  try {
    microsoftEndpoints(settings);
  } catch (error) {
    if (error instanceof OAuthConfigError) throw new UserFacingError('connection-invalid', error.message, { field: `oauth.${error.field}` });
    throw error;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(settings.clientId)) throw new UserFacingError('connection-invalid', `ID d'application (client) invalide : « ${settings.clientId} ».`, { field: 'oauth.clientId' });
  if (!before || before.clientId !== settings.clientId || before.tenant !== settings.tenant || before.authority !== settings.authority) return signedOut(settings);
  const account = before.account;
  const users = [input.smtp.user, input.imap.user].map((user) => user.trim().toLowerCase());
  if (account && users.some((user) => user !== account)) return signedOut(settings);
  return before;
}

function sessionKey(id: string, slot: TokenSlot): string {
  return `${id}:${slot}`;
}

export function oauthView(id: string, oauth: StoredMailOAuth, cipher: SecretCipher, session: OAuthSessionTokens): MailOAuthView {
  const stored = oauth.refreshToken !== null && cipher.isAvailable();
  const inSession = session.has(sessionKey(id, 'oauth-refresh'));
  const hasTokens = stored || inSession;
  return {
    clientId: oauth.clientId,
    tenant: oauth.tenant,
    authority: oauth.authority,
    account: oauth.account,
    status: oauth.signInRequired ? 'sign-in-required' : oauth.account && hasTokens ? 'signed-in' : 'signed-out',
    tokenSource: stored ? 'stored' : inSession ? 'session' : 'none',
  };
}

export function signInRequiredError(connection: Pick<StoredConnection, 'name'>, why: string): UserFacingError {
  return new UserFacingError(
    SIGN_IN_REQUIRED_CODE,
    `Reconnectez-vous à Microsoft 365 : ${why} Ouvrez Connexions, modifiez « ${connection.name} » et cliquez sur « Se connecter à Microsoft 365 » ; rien n'est envoyé d'ici là.`,
    { connection: connection.name },
  );
}

export interface OAuthGrant {
  user: string;
  accessToken: string;
}

export interface MailOAuthDeps {
  cipher: SecretCipher;
  session: OAuthSessionTokens;
  tokenOptions: TokenClientOptions;
  now: () => Date;
  getStored(id: string): Promise<StoredConnection>;
  /** Saves a change of the sign-in (read-modify-write of connections.json). */
  saveOAuth(id: string, change: (current: StoredMailOAuth) => StoredMailOAuth): Promise<StoredConnection>;
}

export function createMailOAuth(deps: MailOAuthDeps) {
  const refreshing = new Map<string, Promise<OAuthGrant>>();

  function reveal(id: string, slot: TokenSlot, encrypted: string | null): string | null {
    if (encrypted && deps.cipher.isAvailable()) {
      try {
        return deps.cipher.decrypt(encrypted);
      } catch {
        // Encrypted on another computer (or by the other of app and CLI): a new sign-in is needed here.
      }
    }
    return deps.session.get(sessionKey(id, slot)) ?? null;
  }

  /** Encrypts (or keeps in memory) and gives what goes in the file. */
  function keep(id: string, slot: TokenSlot, value: string | null): string | null {
    deps.session.delete(sessionKey(id, slot));
    if (value === null) return null;
    if (deps.cipher.isAvailable()) return deps.cipher.encrypt(value);
    deps.session.set(sessionKey(id, slot), value);
    return null;
  }

  function forget(id: string): void {
    deps.session.delete(sessionKey(id, 'oauth-refresh'));
    deps.session.delete(sessionKey(id, 'oauth-access'));
  }

  function withTokens(id: string, current: StoredMailOAuth, tokens: TokenSet, account: string, keepRefresh: string | null): StoredMailOAuth {
    return {
      ...current,
      account,
      refreshToken: keep(id, 'oauth-refresh', tokens.refreshToken ?? keepRefresh),
      accessToken: keep(id, 'oauth-access', tokens.accessToken),
      accessTokenExpiresAt: tokens.expiresAt,
      signInRequired: false,
    };
  }

  async function markSignInRequired(connection: StoredConnection): Promise<void> {
    forget(connection.id);
    await deps.saveOAuth(connection.id, (current) => ({ ...current, refreshToken: null, accessToken: null, accessTokenExpiresAt: null, signInRequired: true }));
  }

  async function refresh(connection: StoredConnection): Promise<OAuthGrant> {
    const oauth = connection.mail!.oauth!;
    const refreshToken = reveal(connection.id, 'oauth-refresh', oauth.refreshToken);
    if (!refreshToken || !oauth.account) throw signInRequiredError(connection, "la connexion n'est pas (ou plus) connectée à un compte Microsoft 365 sur cet ordinateur.");
    let answer;
    try {
      answer = await refreshTokens(microsoftEndpoints(oauthSettingsOf(oauth)).token, { clientId: oauth.clientId, refreshToken, scopes: MICROSOFT_MAIL_SCOPES }, deps.tokenOptions);
    } catch (error) {
      if (error instanceof OAuthNetworkError) throw new UserFacingError(OAUTH_UNAVAILABLE_CODE, `${error.message}. Nouvel essai plus tard.`, { connection: connection.name });
      throw error;
    }
    if (!answer.ok) {
      if (isSignInRequired(answer.error)) {
        await markSignInRequired(connection);
        throw signInRequiredError(connection, `Microsoft a refusé de prolonger la connexion de ${oauth.account}.`);
      }
      throw new UserFacingError(OAUTH_UNAVAILABLE_CODE, `Le service d'identité Microsoft ne répond pas comme prévu (${answer.error}). Nouvel essai plus tard.`, { connection: connection.name });
    }
    if (answer.tokens.account && answer.tokens.account !== oauth.account) {
      // Fail closed: tokens of another account are never used.
      await markSignInRequired(connection);
      throw signInRequiredError(connection, `Microsoft a répondu pour un autre compte (${answer.tokens.account}) que ${oauth.account}.`);
    }
    const account = oauth.account;
    await deps.saveOAuth(connection.id, (current) => withTokens(connection.id, current, answer.tokens, account, refreshToken));
    return { user: account, accessToken: answer.tokens.accessToken };
  }

  /** A usable access token for the connection's account; `force` after a server refused the current one. */
  async function accessToken(id: string, options: { force?: boolean } = {}): Promise<OAuthGrant> {
    const connection = await deps.getStored(id);
    const oauth = connection.mail?.oauth;
    if (!oauth) throw new Error(`${connection.name}: not a Microsoft 365 connection`);
    if (oauth.signInRequired) throw signInRequiredError(connection, `Microsoft a refusé de prolonger la connexion${oauth.account ? ` de ${oauth.account}` : ''}.`);
    if (!oauth.account) throw signInRequiredError(connection, "aucun compte Microsoft 365 n'est connecté pour cette connexion.");
    if (!options.force && accessTokenUsable(oauth.accessTokenExpiresAt, deps.now())) {
      const token = reveal(id, 'oauth-access', oauth.accessToken);
      if (token) return { user: oauth.account, accessToken: token };
    }
    // One refresh at a time per connection (rotating refresh tokens).
    let running = refreshing.get(id);
    if (!running) {
      running = refresh(connection).finally(() => refreshing.delete(id));
      refreshing.set(id, running);
    }
    return running;
  }

  /** The browser sign-in; the signed-in address must be the SMTP and IMAP user. */
  async function signIn(id: string, options: Pick<SignInOptions, 'openBrowser' | 'signal' | 'waitMs'>): Promise<StoredConnection> {
    const connection = await deps.getStored(id);
    const mail = connection.mail;
    if (!mail?.oauth) throw new UserFacingError('connection-invalid', `La connexion « ${connection.name} » n'utilise pas la connexion Microsoft 365.`);
    const expected = mail.imap.user.trim().toLowerCase();
    let tokens: TokenSet;
    try {
      tokens = await signInWithMicrosoft(oauthSettingsOf(mail.oauth), { ...deps.tokenOptions, ...options, loginHint: expected });
    } catch (error) {
      if (error instanceof OAuthConfigError) throw new UserFacingError('connection-invalid', error.message, { field: `oauth.${error.field}` });
      if (error instanceof SignInTimeoutError) throw new UserFacingError('oauth-sign-in-failed', error.message);
      if (error instanceof SignInRefusedError || error instanceof OAuthTokenError) throw new UserFacingError('oauth-sign-in-failed', `La connexion à Microsoft 365 a échoué (${error.message}).`);
      if (error instanceof OAuthNetworkError) throw new UserFacingError(OAUTH_UNAVAILABLE_CODE, error.message);
      throw error;
    }
    if (!tokens.account) throw new UserFacingError('oauth-sign-in-failed', "Microsoft n'a pas indiqué l'adresse du compte connecté : rien n'est enregistré.");
    const users = [mail.smtp.user, mail.imap.user].map((user) => user.trim().toLowerCase());
    if (users.some((user) => user !== tokens.account)) {
      throw new UserFacingError(
        'oauth-wrong-account',
        `Vous vous êtes connecté avec ${tokens.account}, mais la connexion « ${connection.name} » utilise ${[...new Set(users)].join(' et ')} : rien n'est enregistré. Reconnectez-vous avec le bon compte.`,
      );
    }
    if (!tokens.refreshToken) throw new UserFacingError('oauth-sign-in-failed', "Microsoft n'a pas donné de jeton de renouvellement (offline_access) : vérifiez l'enregistrement de l'application.");
    const account = tokens.account;
    return deps.saveOAuth(id, (current) => withTokens(id, current, tokens, account, null));
  }

  async function signOut(id: string): Promise<StoredConnection> {
    forget(id);
    return deps.saveOAuth(id, (current) => ({ ...current, account: null, refreshToken: null, accessToken: null, accessTokenExpiresAt: null, signInRequired: false }));
  }

  return { accessToken, signIn, signOut, forget };
}

export type MailOAuth = ReturnType<typeof createMailOAuth>;
