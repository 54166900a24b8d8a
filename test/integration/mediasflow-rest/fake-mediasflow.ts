/**
 * A stateful fake MediasFlow SMS REST API on 127.0.0.1 (HTTP, or HTTPS with
 * a certificate made by the test). Every request is validated strictly
 * against the OpenAPI document; a request that does not match is answered
 * 400 and recorded in `violations`. It counts what it would really send
 * (`injects`), and plays one-shot faults on an operation.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
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

export type FaultOperation = 'uploadList' | 'prepare' | 'inject' | 'campaignReportJson' | 'login';

interface Campaign {
  id: number;
  status: 'DRAFT' | 'INJECTED' | 'SCHEDULED';
  recipients: number;
  msg: string;
  sender: string | null;
  scheduleOn: string | null;
}

export interface FakeMediasflowOptions {
  tls?: { key: string; cert: string };
  basePath?: string;
  login?: string;
  password?: string;
}

const api = loadOpenApi();

export async function startFakeMediasflow(options: FakeMediasflowOptions = {}) {
  const basePath = options.basePath ?? '/MediasflowApi/v1';
  const login = options.login ?? 'agence';
  const password = options.password ?? 'secret';
  const faults = new Map<FaultOperation, Fault[]>();
  const lists = new Map<number, { rows: number; text: string }>();
  const campaigns = new Map<number, Campaign>();
  const tokens = new Set<string>();
  /** The account's blacklist ('+336…'). */
  const blacklist: string[] = [];
  const sockets = new Set<Socket>();
  const state = { injects: 0, prepares: 0, uploads: 0, logins: 0, requests: 0, violations: [] as string[], nextId: 900 };

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  function campaignAnswer(c: Campaign) {
    return {
      id: c.id, status: c.status, countRecipient: c.recipients, countInvalidRecipient: 0, countInBlackListRecipient: 0, countDuplicateRecipient: 0,
      countErrorRendering: 0, creditCount: c.recipients * 1.0, sender: c.sender ?? '38184', message: c.msg, scheduled: c.status === 'SCHEDULED', scheduleOn: c.scheduleOn,
      checkDuplicate: true, allowUCS2: false, autoREPLACEEMOJI: false, autoREPLACETOGSM7: false, listInCampaign: { campainId: 0, listsItems: [] },
    };
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
    const isInject = op === 'inject' && (body as { campaignId?: number }).campaignId !== undefined;
    const faultKey: FaultOperation | null = op === 'login' ? 'login' : op === 'uploadList' ? 'uploadList' : op === 'campaignReportJson' ? 'campaignReportJson' : op === 'inject' ? (isInject ? 'inject' : 'prepare') : null;
    const fault = faultKey ? faults.get(faultKey)?.shift() : undefined;

    if (op === 'login') {
      const given = body as { login: string; password: string };
      state.logins++;
      if (given.login !== login || given.password !== password) return json(res, 401, { error: 'Unauthorized' });
      const token = `Bearer t${state.logins}x${Math.random().toString(36).slice(2)}`;
      tokens.add(token);
      res.writeHead(200, { authorization: token, 'content-type': 'application/json' });
      return res.end('{}');
    }
    const auth = req.headers.authorization;
    if (!auth || !tokens.has(auth)) return json(res, 401, { error: 'Unauthorized' });
    if (fault === '401') {
      tokens.delete(auth);
      return json(res, 401, { error: 'Token expired' });
    }
    if (fault === '429') return json(res, 429, { error: 'Too many requests' }, { 'retry-after': '1' });
    if (fault === '5xx-before') return json(res, 503, { error: 'Unavailable' });

    if (op === 'uploadList') {
      const file = form!.get('File') as File;
      const text = await file.text();
      const rows = text.trim().split(/\r?\n/).length - 1;
      const id = ++state.nextId;
      lists.set(id, { rows, text });
      state.uploads++;
      const answer = { id, campainId: 0, size: rows, validNumberMOBILE: rows, invalidNumberMOBILE: 0, countDuplicateMobile: 0, globalInvalidLine: 0 };
      if (playFault(res, fault, answer)) return;
      return json(res, 200, answer);
    }
    if (op === 'inject' && !isInject) {
      const request = body as { listsId?: number; listRecipient?: unknown[]; msg: string; sender?: string; scheduleOn?: string };
      const recipients = request.listsId !== undefined ? (lists.get(request.listsId)?.rows ?? 0) : (request.listRecipient?.length ?? 0);
      const campaign: Campaign = { id: ++state.nextId, status: 'DRAFT', recipients, msg: request.msg, sender: request.sender ?? null, scheduleOn: request.scheduleOn ?? null };
      campaigns.set(campaign.id, campaign);
      state.prepares++;
      if (playFault(res, fault, campaignAnswer(campaign))) return;
      return json(res, 200, campaignAnswer(campaign));
    }
    if (op === 'inject') {
      const campaign = campaigns.get((body as { campaignId: number }).campaignId);
      if (!campaign) return json(res, 404, { error: 'Unknown campaign' });
      if (campaign.status !== 'DRAFT') return json(res, 400, { error: `Campaign is ${campaign.status}` });
      // Committed: this is what would really send messages.
      state.injects++;
      campaign.status = campaign.scheduleOn ? 'SCHEDULED' : 'INJECTED';
      if (playFault(res, fault, campaignAnswer(campaign))) return;
      return json(res, 200, campaignAnswer(campaign));
    }
    if (op === 'campaignReportJson') {
      const campaign = campaigns.get(Number(url.pathname.split('/').pop()));
      if (!campaign) return json(res, 404, { error: 'Unknown campaign' });
      const rows = campaign.status === 'INJECTED' ? Array.from({ length: campaign.recipients }, (_, i) => ({ INT_MOBILE: `+3361234${String(i).padStart(4, '0')}`, STATUS_CODE: 16, STATUS_TEXT: 'Délivré' })) : [];
      if (playFault(res, fault, rows)) return;
      return json(res, 200, rows);
    }
    if (op === 'cancelCampaign') {
      const campaign = campaigns.get(Number(url.pathname.split('/').slice(-2)[0]));
      if (!campaign || campaign.status !== 'SCHEDULED') return json(res, 400, { error: 'Not scheduled' });
      if (campaign.scheduleOn && Date.parse(campaign.scheduleOn) - Date.now() <= 10_000) return json(res, 400, { error: 'Too late' });
      campaign.status = 'DRAFT';
      return json(res, 200, campaignAnswer(campaign));
    }
    if (op === 'readBlacklist') return json(res, 200, blacklist.map((item) => ({ item, typeItem: 'MOBILE', creationDate: '2026-11-02T10:00:00Z' })));
    if (op === 'addToBlacklist') {
      const item = (body as { item: string }).item;
      if (!blacklist.includes(item)) blacklist.push(item);
      return json(res, 200, {});
    }
    return json(res, 200, {});
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
    campaigns,
    blacklist,
    /** The uploaded lists' CSV text, in upload order. */
    uploadedLists: () => [...lists.values()].map((list) => list.text),
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
