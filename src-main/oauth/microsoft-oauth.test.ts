import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, readRedirect } from './authorize-url';
import { checkClientId, MICROSOFT_MAIL_SCOPES, MICROSOFT_PLACEHOLDER_CLIENT_ID, microsoftEndpoints } from './microsoft-oauth-config';
import { createPkcePair, s256Challenge } from './pkce';
import { accessTokenUsable, accountOfIdToken, isSignInRequired, parseTokenResponse } from './token-response';

const idToken = (claims: object) => `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
  it('draws a 43-character verifier and its challenge', () => {
    const pair = createPkcePair();
    expect(pair.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.challenge).toBe(s256Challenge(pair.verifier));
    expect(createPkcePair().verifier).not.toBe(pair.verifier);
  });
});

describe('Microsoft endpoints and authorize URL', () => {
  it("uses Microsoft's identity platform with the tenant in the path", () => {
    expect(microsoftEndpoints({ clientId: 'x', tenant: 'organizations', authority: 'https://login.microsoftonline.com' })).toEqual({
      authorize: 'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize',
      token: 'https://login.microsoftonline.com/organizations/oauth2/v2.0/token',
    });
  });
  it('refuses plain http except to 127.0.0.1, and odd tenants', () => {
    expect(() => microsoftEndpoints({ clientId: 'x', tenant: 'organizations', authority: 'http://login.example.com' })).toThrow(/HTTPS/);
    expect(microsoftEndpoints({ clientId: 'x', tenant: 'contoso.onmicrosoft.com', authority: 'http://127.0.0.1:4000/' }).token).toBe('http://127.0.0.1:4000/contoso.onmicrosoft.com/oauth2/v2.0/token');
    expect(() => microsoftEndpoints({ clientId: 'x', tenant: '../x', authority: 'https://login.microsoftonline.com' })).toThrow(/tenant/);
  });
  it('refuses the placeholder client id with what to do', () => {
    expect(() => checkClientId(MICROSOFT_PLACEHOLDER_CLIENT_ID)).toThrow(/administrateur/);
    expect(() => checkClientId('3f1c2a9e-0000-4000-8000-000000000001')).not.toThrow();
  });
  it('builds the authorization code + PKCE request', () => {
    const url = new URL(
      buildAuthorizeUrl(microsoftEndpoints({ clientId: 'app', tenant: 'organizations', authority: 'https://login.microsoftonline.com' }), {
        clientId: 'app',
        redirectUri: 'http://127.0.0.1:51234/',
        scopes: MICROSOFT_MAIL_SCOPES,
        state: 'st',
        codeChallenge: 'ch',
        loginHint: 'a@b.fr',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'app',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:51234/',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      login_hint: 'a@b.fr',
    });
    expect(url.searchParams.get('scope')!.split(' ')).toEqual(expect.arrayContaining(['https://outlook.office.com/IMAP.AccessAsUser.All', 'https://outlook.office.com/SMTP.Send', 'offline_access']));
  });
});

describe('the redirect to the loopback listener', () => {
  it('gives the code only with the expected state', () => {
    expect(readRedirect('/?code=abc&state=s1', 's1')).toEqual({ kind: 'code', code: 'abc' });
    expect(readRedirect('/?code=abc&state=other', 's1')).toMatchObject({ kind: 'refused', error: 'state-mismatch' });
    expect(readRedirect('/?error=access_denied&error_description=no&state=s1', 's1')).toEqual({ kind: 'refused', error: 'access_denied', description: 'no' });
    expect(readRedirect('/favicon.ico', 's1')).toEqual({ kind: 'ignored' });
    expect(readRedirect('/', 's1')).toEqual({ kind: 'ignored' });
  });
});

describe('token answers', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  it('reads the tokens, the expiry and the signed-in address', () => {
    const answer = parseTokenResponse(200, { token_type: 'Bearer', access_token: 'at', refresh_token: 'rt', expires_in: 3599, id_token: idToken({ preferred_username: 'Marie@Contoso.fr' }) }, now);
    expect(answer).toEqual({ ok: true, tokens: { accessToken: 'at', refreshToken: 'rt', expiresAt: '2026-12-01T10:59:59.000Z', account: 'marie@contoso.fr' } });
  });
  it('keeps no refresh token when the answer has none, and a short life without expires_in', () => {
    const answer = parseTokenResponse(200, { token_type: 'bearer', access_token: 'at' }, now);
    expect(answer).toEqual({ ok: true, tokens: { accessToken: 'at', refreshToken: null, expiresAt: '2026-12-01T10:05:00.000Z', account: null } });
  });
  it('reads errors, and says which need a new sign-in', () => {
    const refused = parseTokenResponse(400, { error: 'invalid_grant', error_description: 'AADSTS70008: expired' }, now);
    expect(refused).toEqual({ ok: false, error: 'invalid_grant', description: 'AADSTS70008: expired' });
    expect(isSignInRequired('invalid_grant')).toBe(true);
    expect(isSignInRequired('temporarily_unavailable')).toBe(false);
    expect(parseTokenResponse(502, null, now)).toMatchObject({ ok: false, error: 'http-502' });
    expect(parseTokenResponse(200, { token_type: 'mac', access_token: 'x' }, now)).toMatchObject({ ok: false, error: 'invalid-response' });
  });
  it('reads the address from preferred_username, else email or upn; garbage gives null', () => {
    expect(accountOfIdToken(idToken({ email: 'b@c.fr' }))).toBe('b@c.fr');
    expect(accountOfIdToken(idToken({ upn: 'u@c.fr', preferred_username: 'not an address' }))).toBe('u@c.fr');
    expect(accountOfIdToken('nope')).toBeNull();
    expect(accountOfIdToken(undefined)).toBeNull();
  });
  it('refreshes 5 minutes before the expiry', () => {
    expect(accessTokenUsable('2026-12-01T10:06:00Z', now)).toBe(true);
    expect(accessTokenUsable('2026-12-01T10:04:59Z', now)).toBe(false);
    expect(accessTokenUsable(null, now)).toBe(false);
  });
});
