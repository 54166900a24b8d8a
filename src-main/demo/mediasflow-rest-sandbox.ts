/**
 * "Mode démo" for MediasFlow's SMS REST API: a local sandbox on 127.0.0.1
 * (plain http, loopback only) answering like the guide — POST /login (bearer
 * in the Authorization header), /lists/upload, /campaigns/inject (prepare
 * with startNow false → DRAFT with its figures; inject by campaignId →
 * INJECTED, or SCHEDULED when a scheduleOn was given, INJECTED once that
 * time comes), /campaigns/{id}/cancel (until 10 s before the time → DRAFT),
 * /campaigns/reportjson/{id} (reports over time: "en cours d'envoi" first,
 * then delivered, one number in twelve undelivered), GET/POST /blacklist.
 * State is in memory (the demo is a sandbox: nothing is ever sent).
 * The same behaviour as the test fake (test/integration/mediasflow-rest/),
 * without its OpenAPI validation and fault injection.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface RestSandboxOptions {
  login: string;
  password: string;
  port?: number;
  /** After the send, how long each recipient stays "en cours d'envoi" (default 4 s). */
  deliverAfterMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

interface SandboxCampaign {
  id: number;
  status: 'DRAFT' | 'INJECTED' | 'SCHEDULED';
  numbers: string[];
  msg: string;
  sender: string | null;
  typeSelect: string;
  scheduleOn: string | null;
  sentAt: number | null;
}

export interface RestSandbox {
  baseUrl: string;
  port: number;
  campaigns: Map<number, SandboxCampaign>;
  stop(): Promise<void>;
}

const basePath = '/MediasflowApi/v1';

/** The mobile numbers of an uploaded CSV (first column named mobile/sms/portable/gsm, guide §2.9). */
function numbersOfCsv(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  const separator = lines[0].includes(';') ? ';' : ',';
  const header = lines[0].split(separator).map((cell) => cell.trim().replace(/^"|"$/g, '').toUpperCase());
  const column = header.findIndex((name) => ['MOBILE', 'SMS', 'PORTABLE', 'GSM'].includes(name));
  if (column < 0) return [];
  return lines.slice(1).map((line) => line.split(separator)[column]?.trim().replace(/^"|"$/g, '') ?? '').filter(Boolean);
}

export async function startRestSandbox(options: RestSandboxOptions): Promise<RestSandbox> {
  const now = options.now ?? Date.now;
  const deliverAfterMs = options.deliverAfterMs ?? 4_000;
  const tokens = new Set<string>();
  const lists = new Map<number, string[]>();
  const campaigns = new Map<number, SandboxCampaign>();
  const blacklist: { item: string; creationDate: string }[] = [];
  const sockets = new Set<Socket>();
  let nextId = 5_100;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  /** A scheduled campaign goes out at its time. */
  const settle = (campaign: SandboxCampaign) => {
    if (campaign.status === 'SCHEDULED' && campaign.scheduleOn && Date.parse(campaign.scheduleOn) <= now()) {
      campaign.status = 'INJECTED';
      campaign.sentAt = Date.parse(campaign.scheduleOn);
    }
    return campaign;
  };

  const answer = (c: SandboxCampaign) => ({
    id: c.id,
    status: c.status,
    countRecipient: c.numbers.length,
    countInvalidRecipient: 0,
    countInBlackListRecipient: 0,
    countDuplicateRecipient: 0,
    countErrorRendering: 0,
    creditCount: c.numbers.length * Math.max(1, Math.ceil(c.msg.length / 160)),
    sender: c.sender ?? (c.typeSelect === 'MKG' ? '36184' : '38184'),
    message: c.msg,
    scheduled: c.status === 'SCHEDULED',
    scheduleOn: c.scheduleOn,
    checkDuplicate: true,
    allowUCS2: false,
    autoREPLACEEMOJI: false,
    autoREPLACETOGSM7: false,
    listInCampaign: { campainId: 0, listsItems: [] },
  });

  const reportRows = (c: SandboxCampaign) => {
    const sentAt = c.sentAt;
    if (c.status !== 'INJECTED' || sentAt === null) return [];
    const delivered = now() - sentAt >= deliverAfterMs;
    return c.numbers.map((mobile, index) => {
      const code = !delivered ? 9 : index % 12 === 11 ? 31 : 16;
      return {
        INT_MOBILE: mobile.startsWith('+') ? mobile : `+${mobile}`,
        STATUS_CODE: code,
        STATUS_TEXT: code === 9 ? "En cours d'envoi" : code === 16 ? 'Délivré' : 'Mobile non disponible',
        DELIVERYDATE: delivered ? new Date(sentAt + 2_000).toISOString() : '',
        ID_LINE: index + 1,
      };
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith(basePath)) return json(res, 404, { error: 'Not found' });
    const path = url.pathname.slice(basePath.length);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const type = req.headers['content-type'] ?? '';
    if (req.method === 'POST' && path === '/login') {
      const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
      if (body.login !== options.login || body.password !== options.password) return json(res, 401, { error: 'Unauthorized' });
      const token = `Bearer demo${randomBytes(12).toString('hex')}`;
      tokens.add(token);
      res.writeHead(200, { authorization: token, 'content-type': 'application/json' });
      return res.end('{}');
    }
    if (!req.headers.authorization || !tokens.has(req.headers.authorization)) return json(res, 401, { error: 'Unauthorized' });
    if (req.method === 'POST' && path === '/lists/upload') {
      const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
      const file = form.get('File');
      if (!(file instanceof Blob)) return json(res, 400, { error: 'File missing' });
      const numbers = numbersOfCsv(await file.text());
      const id = ++nextId;
      lists.set(id, numbers);
      return json(res, 200, { id, campainId: 0, size: numbers.length, validNumberMOBILE: numbers.length, invalidNumberMOBILE: 0, countDuplicateMobile: 0, globalInvalidLine: 0 });
    }
    if (req.method === 'POST' && path === '/campaigns/inject') {
      const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
      if (typeof body.campaignId === 'number') {
        const campaign = campaigns.get(body.campaignId);
        if (!campaign) return json(res, 404, { error: 'Unknown campaign' });
        if (campaign.status !== 'DRAFT') return json(res, 400, { error: `Campaign is ${campaign.status}` });
        campaign.status = campaign.scheduleOn ? 'SCHEDULED' : 'INJECTED';
        campaign.sentAt = campaign.scheduleOn ? null : now();
        options.log?.(`[démo API MediasFlow] campagne ${campaign.id} ${campaign.status === 'SCHEDULED' ? `programmée le ${campaign.scheduleOn}` : 'envoyée (simulation)'}`);
        return json(res, 200, answer(campaign));
      }
      const numbers = typeof body.listsId === 'number' ? (lists.get(body.listsId) ?? []) : [];
      const campaign: SandboxCampaign = { id: ++nextId, status: 'DRAFT', numbers, msg: String(body.msg ?? ''), sender: typeof body.sender === 'string' ? body.sender : null, typeSelect: String(body.typeSelect ?? 'MKG'), scheduleOn: typeof body.scheduleOn === 'string' ? body.scheduleOn : null, sentAt: null };
      campaigns.set(campaign.id, campaign);
      return json(res, 200, answer(campaign));
    }
    const cancel = /^\/campaigns\/(\d+)\/cancel$/.exec(path);
    if (req.method === 'POST' && cancel) {
      const campaign = campaigns.get(Number(cancel[1]));
      if (!campaign || settle(campaign).status !== 'SCHEDULED') return json(res, 400, { error: 'Not scheduled' });
      if (Date.parse(campaign.scheduleOn!) - now() <= 10_000) return json(res, 400, { error: 'Too late: less than 10 seconds before the scheduled time' });
      campaign.status = 'DRAFT';
      return json(res, 200, answer(campaign));
    }
    const report = /^\/campaigns\/reportjson\/(\d+)$/.exec(path);
    if (req.method === 'GET' && report) {
      const campaign = campaigns.get(Number(report[1]));
      if (!campaign) return json(res, 404, { error: 'Unknown campaign' });
      return json(res, 200, reportRows(settle(campaign)));
    }
    if (path === '/blacklist' && req.method === 'GET') return json(res, 200, blacklist.map((entry) => ({ ...entry, typeItem: 'MOBILE' })));
    if (path === '/blacklist' && req.method === 'POST') {
      const body = JSON.parse(raw.toString('utf8') || '{}') as { item?: string };
      if (body.item && !blacklist.some((entry) => entry.item === body.item)) blacklist.push({ item: body.item, creationDate: new Date(now()).toISOString() });
      return json(res, 200, {});
    }
    return json(res, 404, { error: 'Not found' });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { error: String(error) });
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${basePath}`,
    port,
    campaigns,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
