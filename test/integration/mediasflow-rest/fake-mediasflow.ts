/**
 * A stateful fake MediasFlow SMS REST API on 127.0.0.1 (HTTP, or HTTPS with
 * a certificate made by the test). Every request is validated strictly
 * against the OpenAPI document; a request that does not match is answered
 * 400 and recorded in `violations`. It counts what it would really send
 * (`injects`), and plays one-shot faults on an operation. The account
 * itself is the demo sandbox's core (src-main/demo/mediasflow-rest-core.ts):
 * this file adds only the validation and the faults around it.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createRestCore } from '../../../src-main/demo/mediasflow-rest-core';
import { readRestCoreRequest, writeRestCoreAnswer } from '../../../src-main/demo/mediasflow-rest-sandbox';
import { loadOpenApi } from './openapi-validator';

export type Fault =
  /** The inject is committed, then the connection is dropped without an answer. */
  | 'drop-after-commit'
  /** Committed, and no answer ever (past the client's timeout). */
  | 'no-answer'
  /** Committed, then 502. */
  | '5xx'
  /** Not committed: 503. */
  | '5xx-before'
  /** The token expired: 401, nothing done. */
  | '401'
  /** 429 with Retry-After: 1, nothing done. */
  | '429'
  /** Committed, then an HTML error page with status 200. */
  | 'html-200'
  /** Committed, then half of the JSON body and the connection closed. */
  | 'truncated';

export type FaultOperation = 'uploadList' | 'prepare' | 'inject' | 'campaignReportJson' | 'periodReportJson' | 'login';

export interface FakeMediasflowOptions {
  tls?: { key: string; cert: string };
  basePath?: string;
  login?: string;
  password?: string;
  /** How the account reads the by-period dates: Paris days (default) or UTC days. */
  periodDays?: 'paris' | 'utc';
}

const api = loadOpenApi();

export async function startFakeMediasflow(options: FakeMediasflowOptions = {}) {
  const basePath = options.basePath ?? '/MediasflowApi/v1';
  const login = options.login ?? 'agence';
  const password = options.password ?? 'secret';
  const faults = new Map<FaultOperation, Fault[]>();
  // Every report delivered at once (the demo's "en cours d'envoi" and undelivered numbers are the sandbox's show).
  const core = createRestCore({ login, password, deliverAfterMs: 0, undeliveredEvery: null, firstId: 900, periodDays: options.periodDays });
  const sockets = new Set<Socket>();
  const periodRequests: { from: string | null; to: string | null }[] = [];
  const counts = core.counts;
  const state = {
    requests: 0,
    violations: [] as string[],
    get injects() { return counts.injects; },
    get prepares() { return counts.prepares; },
    get uploads() { return counts.uploads; },
    get logins() { return counts.logins; },
  };

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  /** Plays the fault after (or instead of) the operation; returns true when the answer was taken over. */
  function playFault(res: ServerResponse, fault: Fault | undefined, body: unknown): boolean {
    if (!fault) return false;
    if (fault === 'drop-after-commit') res.socket?.destroy();
    else if (fault === 'no-answer') {
      /* never answer: the client times out */
    } else if (fault === '5xx') json(res, 502, { error: 'Bad gateway' });
    else if (fault === 'html-200') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Service momentanément indisponible</h1></body></html>');
    } else if (fault === 'truncated') {
      const text = JSON.stringify(body);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      setTimeout(() => res.socket?.destroy(), 20);
    }
    return true;
  }

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    state.requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const contentType = req.headers['content-type'] ?? null;
    let body: unknown = undefined;
    let form: FormData | null = null;
    if (raw.length > 0) {
      if (contentType?.startsWith('application/json')) body = JSON.parse(raw.toString('utf8'));
      else if (contentType?.startsWith('multipart/form-data')) {
        form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
        body = Object.fromEntries([...form.keys()].map((key) => [key, typeof form!.get(key) === 'string' ? form!.get(key) : 'file']));
      } else body = raw.toString('utf8');
    }
    const checked = api.validateRequest({ method: req.method ?? 'GET', url, basePath, contentType, body });
    if (!checked.ok) {
      state.violations.push(`${req.method} ${url.pathname}: ${checked.errors.join('; ')}`);
      return json(res, 400, { error: checked.errors });
    }
    const op = checked.operationId!;
    if (op === 'periodReportJson') periodRequests.push({ from: url.searchParams.get('from'), to: url.searchParams.get('to') });
    const isInject = op === 'inject' && (body as { campaignId?: number }).campaignId !== undefined;
    const faultKey: FaultOperation | null = op === 'login' ? 'login' : op === 'uploadList' ? 'uploadList' : op === 'campaignReportJson' || op === 'periodReportJson' ? op : op === 'inject' ? (isInject ? 'inject' : 'prepare') : null;
    const fault = faultKey ? faults.get(faultKey)?.shift() : undefined;

    const request = await readRestCoreRequest(req, raw, url.pathname.slice(basePath.length));
    if (op !== 'login') {
      const auth = req.headers.authorization;
      if (!core.isAuthorized(auth)) return json(res, 401, { error: 'Unauthorized' });
      if (fault === '401') {
        core.revoke(auth!);
        return json(res, 401, { error: 'Token expired' });
      }
      if (fault === '429') return json(res, 429, { error: 'Too many requests' }, { 'retry-after': '1' });
      if (fault === '5xx-before') return json(res, 503, { error: 'Unavailable' });
    }
    const answer = core.handle(request);
    if (op !== 'login' && answer.status === 200 && playFault(res, fault, answer.body)) return;
    return writeRestCoreAnswer(res, answer);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      state.violations.push(`server error: ${String(error)}`);
      if (!res.headersSent) json(res, 500, { error: String(error) });
    });
  };
  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createHttpServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}${basePath}`,
    state,
    campaigns: core.campaigns,
    /** A campaign the account sent without this Dropdesk (extranet, another computer). */
    addCampaignSentElsewhere: core.addCampaignSentElsewhere,
    /** The by-period requests received ('from'/'to' as sent). */
    periodRequests,
    blacklist: core.blacklist,
    /** The uploaded lists' CSV text, in upload order. */
    uploadedLists: core.uploadedLists,
    login,
    password,
    /** Plays `fault` on the next calls of `operation` (once per entry). */
    fault(operation: FaultOperation, ...next: Fault[]) {
      faults.set(operation, [...(faults.get(operation) ?? []), ...next]);
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeMediasflow = Awaited<ReturnType<typeof startFakeMediasflow>>;
