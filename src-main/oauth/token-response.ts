/**
 * Token endpoint answers (RFC 6749 §5) read without trusting their shape, the
 * signed-in address from the id_token, and when to refresh. Pure.
 */
export interface TokenSet {
  accessToken: string;
  /** Absent from a refresh answer that keeps the same refresh token. */
  refreshToken: string | null;
  expiresAt: string;
  /** preferred_username / email / upn of the id_token, lower case; null without an id_token. */
  account: string | null;
}

export type TokenAnswer = { ok: true; tokens: TokenSet } | { ok: false; error: string; description: string };

/** The id_token came straight from the token endpoint over TLS (OIDC Core §3.1.3.7): its claims are read, its signature is not needed. */
export function accountOfIdToken(idToken: unknown): string | null {
  if (typeof idToken !== 'string') return null;
  const parts = idToken.split('.');
  if (parts.length < 2) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    for (const key of ['preferred_username', 'email', 'upn']) {
      const value = claims[key];
      if (typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value.trim())) return value.trim().toLowerCase();
    }
  } catch {
    return null;
  }
  return null;
}

export function parseTokenResponse(status: number, body: unknown, now: Date): TokenAnswer {
  const json = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (status < 200 || status >= 300 || typeof json.error === 'string') {
    return { ok: false, error: typeof json.error === 'string' ? json.error : `http-${status}`, description: typeof json.error_description === 'string' ? json.error_description : '' };
  }
  const accessToken = json.access_token;
  const tokenType = json.token_type;
  if (typeof accessToken !== 'string' || accessToken === '') return { ok: false, error: 'invalid-response', description: "Réponse du service d'identité sans jeton d'accès." };
  if (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer') return { ok: false, error: 'invalid-response', description: `Type de jeton inattendu : ${String(tokenType)}.` };
  const seconds = Number(json.expires_in);
  // No (or a nonsensical) lifetime: treat it as short, so it is refreshed soon rather than used stale.
  const lifetime = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 24 * 3600) : 300;
  return {
    ok: true,
    tokens: {
      accessToken,
      refreshToken: typeof json.refresh_token === 'string' && json.refresh_token !== '' ? json.refresh_token : null,
      expiresAt: new Date(now.getTime() + lifetime * 1000).toISOString(),
      account: accountOfIdToken(json.id_token),
    },
  };
}

/** Refreshed this long before the announced expiry (a mail or an IMAP session started just before it would fail). */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export function accessTokenUsable(expiresAt: string | null, now: Date, marginMs = REFRESH_MARGIN_MS): boolean {
  if (!expiresAt) return false;
  const at = Date.parse(expiresAt);
  return Number.isFinite(at) && at - marginMs > now.getTime();
}

/** The refresh token itself is no longer accepted: only a new sign-in helps (RFC 6749 §5.2). */
export function isSignInRequired(error: string): boolean {
  return error === 'invalid_grant' || error === 'interaction_required' || error === 'consent_required' || error === 'login_required';
}
