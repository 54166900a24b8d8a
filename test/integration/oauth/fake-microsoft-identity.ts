/**
 * A fake Microsoft identity platform on 127.0.0.1 (port 0) for the tests:
 * /{tenant}/oauth2/v2.0/authorize "signs in" `account` at once and redirects
 * to the loopback redirect_uri with a code and the state; /token exchanges
 * the code (checking client id, redirect_uri and the PKCE S256 verifier) and
 * refreshes (rotating refresh tokens; invalid_grant once revoked); /introspect
 * (RFC 7662, for Dovecot's oauth2 passdb) and `isValid` (for smtp-server)
 * say whether an access token is live for a user. Tokens are random.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  user: string;
}

export class FakeMicrosoftIdentity {
  port = 0;
  readonly clientId = 'b6e2c9a0-0d1f-4c52-9a51-5e0c1d2f3a4b';
  /** Who signs in at the authorize step. */
  account: string;
  /** Access token lifetime given in expires_in (s). */
  accessTokenSeconds = 3600;
  readonly counts = { authorize: 0, codeExchanges: 0, refreshes: 0, refused: 0, introspections: 0 };
  /** Every token ever issued (to check none lands in a file or a log). */
  readonly issued: string[] = [];
  private server: Server | null = null;
  private codes = new Map<string, CodeGrant>();
  private access = new Map<string, { user: string; expiresAt: number }>();
  private refresh = new Map<string, string>();

  constructor(account: string) {
    this.account = account;
  }

  get authority(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get introspectionUrl(): string {
    return `${this.authority}/introspect`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.handle(request, response).catch((error) => {
        response.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Every access token issued so far stops working (as after their hour). */
  expireAccessTokens(): void {
    for (const entry of this.access.values()) entry.expiresAt = 0;
  }

  /** The refresh tokens are revoked (password changed, admin revoked the sessions): invalid_grant. */
  revokeRefreshTokens(): void {
    this.refresh.clear();
  }

  isValid(user: string, token: string): boolean {
    const entry = this.access.get(token);
    return Boolean(entry && entry.expiresAt > Date.now() && entry.user.toLowerCase() === user.toLowerCase());
  }

  private token(): string {
    const value = randomBytes(24).toString('base64url');
    this.issued.push(value);
    return value;
  }

  private tokens(user: string): Record<string, unknown> {
    const accessToken = this.token();
    const refreshToken = this.token();
    this.access.set(accessToken, { user, expiresAt: Date.now() + this.accessTokenSeconds * 1000 });
    this.refresh.set(refreshToken, user);
    const idToken = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ preferred_username: user, tid: 'fake-tenant' })).toString('base64url')}.`;
    return { token_type: 'Bearer', scope: 'https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send', expires_in: this.accessTokenSeconds, access_token: accessToken, refresh_token: refreshToken, id_token: idToken };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.authority);
    const json = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.method === 'GET' && /^\/[^/]+\/oauth2\/v2\.0\/authorize$/.test(url.pathname)) {
      this.counts.authorize++;
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      const problems = [
        q.get('client_id') !== this.clientId && 'client_id',
        q.get('response_type') !== 'code' && 'response_type',
        q.get('code_challenge_method') !== 'S256' && 'code_challenge_method',
        !q.get('code_challenge') && 'code_challenge',
        !q.get('state') && 'state',
        !/^http:\/\/127\.0\.0\.1:\d+\/$/.test(redirectUri) && 'redirect_uri',
        !['https://outlook.office.com/IMAP.AccessAsUser.All', 'https://outlook.office.com/SMTP.Send', 'offline_access'].every((scope) => (q.get('scope') ?? '').split(' ').includes(scope)) && 'scope',
      ].filter(Boolean);
      if (problems.length > 0) return void json(400, { error: 'invalid_request', error_description: `bad ${problems.join(', ')}` });
      const code = this.token();
      this.codes.set(code, { clientId: this.clientId, redirectUri, challenge: q.get('code_challenge')!, user: this.account });
      const target = new URL(redirectUri);
      target.searchParams.set('code', code);
      target.searchParams.set('state', q.get('state')!);
      response.writeHead(302, { location: target.toString() }).end();
      return;
    }
    const body = request.method === 'POST' ? new URLSearchParams(await readBody(request)) : new URLSearchParams();
    if (request.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(url.pathname)) {
      if (body.get('client_id') !== this.clientId) return void json(400, { error: 'unauthorized_client', error_description: 'AADSTS700016: unknown client' });
      if (body.get('grant_type') === 'authorization_code') {
        const grant = this.codes.get(body.get('code') ?? '');
        this.codes.delete(body.get('code') ?? '');
        const verifier = body.get('code_verifier') ?? '';
        if (!grant || grant.redirectUri !== body.get('redirect_uri') || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
          this.counts.refused++;
          return void json(400, { error: 'invalid_grant', error_description: 'AADSTS70008: bad code, redirect_uri or code_verifier' });
        }
        this.counts.codeExchanges++;
        return void json(200, this.tokens(grant.user));
      }
      if (body.get('grant_type') === 'refresh_token') {
        const user = this.refresh.get(body.get('refresh_token') ?? '');
        if (!user) {
          this.counts.refused++;
          return void json(400, { error: 'invalid_grant', error_description: 'AADSTS50173: The provided grant has expired due to it being revoked.' });
        }
        this.refresh.delete(body.get('refresh_token')!);
        this.counts.refreshes++;
        return void json(200, this.tokens(user));
      }
      return void json(400, { error: 'unsupported_grant_type' });
    }
    if (request.method === 'POST' && url.pathname === '/introspect') {
      this.counts.introspections++;
      const entry = this.access.get(body.get('token') ?? '');
      return void json(200, entry && entry.expiresAt > Date.now() ? { active: true, username: entry.user } : { active: false });
    }
    json(404, { error: 'not_found' });
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}
