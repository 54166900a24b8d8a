/**
 * What a MediasFlow SMS REST account does, as Dropdesk reads the guide — the
 * one core behind both the demo sandbox (src-main/demo/mediasflow-rest-sandbox.ts)
 * and the tests' fake (test/integration/mediasflow-rest/fake-mediasflow.ts,
 * which adds the OpenAPI validation and the fault hooks around it):
 * login (bearer in the Authorization header), /lists/upload, /campaigns/inject
 * (prepare with startNow false → DRAFT with its figures; inject by campaignId
 * → INJECTED, or SCHEDULED when a scheduleOn was given, INJECTED once that
 * time comes), /campaigns/{id}/cancel (until 10 s before the time → DRAFT),
 * /campaigns/reportjson/{id} (reports over time), /campaigns/reportjson?from&to
 * (by period: at most 7 days, each row with its ID_CAMPAIGN), GET/POST /blacklist.
 * In memory; nothing is ever sent. No HTTP here: the servers parse requests.
 */
import { randomBytes } from 'node:crypto';
import { parisWallFieldsToMs } from '@shared/scheduling/paris-time';

export interface RestCoreOptions {
  login: string;
  password: string;
  /** After the send, how long each recipient stays "en cours d'envoi" (default 4 s). */
  deliverAfterMs?: number;
  /** One number in N is reported undelivered (default 12; null: all delivered). */
  undeliveredEvery?: number | null;
  /** The ids given to lists and campaigns follow this one. */
  firstId?: number;
  now?: () => number;
  log?: (message: string) => void;
  /** How the account reads the by-period dates (the guide does not say): Paris days (default) or UTC days. */
  periodDays?: 'paris' | 'utc';
}

export interface RestCoreCampaign {
  id: number;
  status: 'DRAFT' | 'INJECTED' | 'SCHEDULED';
  numbers: string[];
  recipients: number;
  msg: string;
  sender: string | null;
  typeSelect: string;
  scheduleOn: string | null;
  sentAt: number | null;
}

/** One parsed request: the path after the base path, the JSON body or the uploaded file's text. */
export interface RestCoreRequest {
  method: string;
  path: string;
  authorization?: string;
  /** The query string's parameters. */
  query?: Record<string, string>;
  json?: Record<string, unknown>;
  fileText?: string | null;
}

export interface RestCoreAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The mobile numbers of an uploaded CSV (first column named mobile/sms/portable/gsm, guide §2.9). */
export function numbersOfCsv(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  const separator = lines[0].includes(';') ? ';' : ',';
  const header = lines[0].split(separator).map((cell) => cell.trim().replace(/^"|"$/g, '').toUpperCase());
  const column = header.findIndex((name) => ['MOBILE', 'SMS', 'PORTABLE', 'GSM'].includes(name));
  if (column < 0) return [];
  return lines.slice(1).map((line) => line.split(separator)[column]?.trim().replace(/^"|"$/g, '') ?? '').filter(Boolean);
}

const ok = (body: unknown): RestCoreAnswer => ({ status: 200, body });
const error = (status: number, message: string): RestCoreAnswer => ({ status, body: { error: message } });

export function createRestCore(options: RestCoreOptions) {
  const now = options.now ?? Date.now;
  const deliverAfterMs = options.deliverAfterMs ?? 4_000;
  const undeliveredEvery = options.undeliveredEvery === undefined ? 12 : options.undeliveredEvery;
  const tokens = new Set<string>();
  const lists = new Map<number, { numbers: string[]; text: string }>();
  const campaigns = new Map<number, RestCoreCampaign>();
  /** The account's blacklist ('+336…'), with when each number was added. */
  const blacklist: string[] = [];
  const addedAt = new Map<string, string>();
  /** What the account did: injects are what would really send messages. */
  const counts = { injects: 0, prepares: 0, uploads: 0, logins: 0 };
  let nextId = options.firstId ?? 5_100;

  /** A scheduled campaign goes out at its time. */
  const settle = (campaign: RestCoreCampaign) => {
    if (campaign.status === 'SCHEDULED' && campaign.scheduleOn && Date.parse(campaign.scheduleOn) <= now()) {
      campaign.status = 'INJECTED';
      campaign.sentAt = Date.parse(campaign.scheduleOn);
    }
    return campaign;
  };

  const answer = (c: RestCoreCampaign) => ({
    id: c.id,
    status: c.status,
    countRecipient: c.recipients,
    countInvalidRecipient: 0,
    countInBlackListRecipient: 0,
    countDuplicateRecipient: 0,
    countErrorRendering: 0,
    creditCount: c.recipients * Math.max(1, Math.ceil(c.msg.length / 160)),
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

  const reportRows = (c: RestCoreCampaign) => {
    const sentAt = c.sentAt;
    if (c.status !== 'INJECTED' || sentAt === null) return [];
    const delivered = now() - sentAt >= deliverAfterMs;
    return c.numbers.map((mobile, index) => {
      const code = !delivered ? 9 : undeliveredEvery !== null && index % undeliveredEvery === undeliveredEvery - 1 ? 31 : 16;
      return {
        INT_MOBILE: mobile.startsWith('+') ? mobile : `+${mobile}`,
        STATUS_CODE: code,
        STATUS_TEXT: code === 9 ? "En cours d'envoi" : code === 16 ? 'Délivré' : 'Mobile non disponible',
        DELIVERYDATE: delivered ? new Date(sentAt + 2_000).toISOString() : '',
        ID_LINE: index + 1,
      };
    });
  };

  function login(body: Record<string, unknown>): RestCoreAnswer {
    counts.logins++;
    if (body.login !== options.login || body.password !== options.password) return error(401, 'Unauthorized');
    const token = `Bearer t${randomBytes(12).toString('hex')}`;
    tokens.add(token);
    return { status: 200, body: {}, headers: { authorization: token } };
  }

  function prepareOrInject(body: Record<string, unknown>): RestCoreAnswer {
    if (typeof body.campaignId === 'number') {
      const campaign = campaigns.get(body.campaignId);
      if (!campaign) return error(404, 'Unknown campaign');
      if (campaign.status !== 'DRAFT') return error(400, `Campaign is ${campaign.status}`);
      // Committed: this is what would really send messages.
      counts.injects++;
      campaign.status = campaign.scheduleOn ? 'SCHEDULED' : 'INJECTED';
      campaign.sentAt = campaign.scheduleOn ? null : now();
      options.log?.(`[démo API MediasFlow] campagne ${campaign.id} ${campaign.status === 'SCHEDULED' ? `programmée le ${campaign.scheduleOn}` : 'envoyée (simulation)'}`);
      return ok(answer(campaign));
    }
    const listed = Array.isArray(body.listRecipient) ? body.listRecipient.map((item) => String((item as { mobile?: unknown })?.mobile ?? item)) : [];
    const numbers = typeof body.listsId === 'number' ? (lists.get(body.listsId)?.numbers ?? []) : listed;
    const campaign: RestCoreCampaign = { id: ++nextId, status: 'DRAFT', numbers, recipients: numbers.length, msg: String(body.msg ?? ''), sender: typeof body.sender === 'string' ? body.sender : null, typeSelect: String(body.typeSelect ?? 'MKG'), scheduleOn: typeof body.scheduleOn === 'string' ? body.scheduleOn : null, sentAt: null };
    campaigns.set(campaign.id, campaign);
    counts.prepares++;
    return ok(answer(campaign));
  }

  /** A by-period date ('YYYY-MM-DD' or 'YYYY-MM-DD HH:MM') as an instant, read the account's way; `end` = the end of a whole day. */
  function periodInstant(text: string, end: boolean): number {
    const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
    if (!match) return NaN;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3]) + (end && !match[4] ? 1 : 0)];
    const [hour, minute] = [Number(match[4] ?? 0), Number(match[5] ?? 0)];
    const wall = new Date(Date.UTC(year, month - 1, day, hour, minute));
    if (options.periodDays === 'utc') return wall.getTime();
    return parisWallFieldsToMs(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes());
  }

  /** Guide §2.4: the rows of the campaigns sent in [from, to] (7 days by default, never more). */
  function periodReport(query: Record<string, string>): RestCoreAnswer {
    const start = periodInstant(query.from ?? '', false);
    const end = query.to ? periodInstant(query.to, true) : start + 7 * 86_400_000;
    if (Number.isNaN(start) || Number.isNaN(end) || end < start) return error(400, 'Invalid period');
    if (end - start > 7 * 86_400_000) return error(400, 'Period longer than 7 days');
    const rows = [...campaigns.values()]
      .map(settle)
      .filter((campaign) => campaign.sentAt !== null && campaign.sentAt >= start && campaign.sentAt < end)
      .flatMap((campaign) => reportRows(campaign).map((row) => ({ ID_CAMPAIGN: campaign.id, ...row })));
    return ok(rows);
  }

  function handle(request: RestCoreRequest): RestCoreAnswer {
    const { method, path } = request;
    const body = request.json ?? {};
    if (method === 'POST' && path === '/login') return login(body);
    if (!request.authorization || !tokens.has(request.authorization)) return error(401, 'Unauthorized');
    if (method === 'POST' && path === '/lists/upload') {
      if (typeof request.fileText !== 'string') return error(400, 'File missing');
      const numbers = numbersOfCsv(request.fileText);
      const id = ++nextId;
      lists.set(id, { numbers, text: request.fileText });
      counts.uploads++;
      return ok({ id, campainId: 0, size: numbers.length, validNumberMOBILE: numbers.length, invalidNumberMOBILE: 0, countDuplicateMobile: 0, globalInvalidLine: 0 });
    }
    if (method === 'POST' && path === '/campaigns/inject') return prepareOrInject(body);
    const cancel = /^\/campaigns\/(\d+)\/cancel$/.exec(path);
    if (method === 'POST' && cancel) {
      const campaign = campaigns.get(Number(cancel[1]));
      if (!campaign || settle(campaign).status !== 'SCHEDULED') return error(400, 'Not scheduled');
      if (Date.parse(campaign.scheduleOn!) - now() <= 10_000) return error(400, 'Too late: less than 10 seconds before the scheduled time');
      campaign.status = 'DRAFT';
      return ok(answer(campaign));
    }
    const report = /^\/campaigns\/reportjson\/(\d+)$/.exec(path);
    if (method === 'GET' && report) {
      const campaign = campaigns.get(Number(report[1]));
      if (!campaign) return error(404, 'Unknown campaign');
      return ok(reportRows(settle(campaign)));
    }
    if (method === 'GET' && path === '/campaigns/reportjson') return periodReport(request.query ?? {});
    if (path === '/blacklist' && method === 'GET') return ok(blacklist.map((item) => ({ item, typeItem: 'MOBILE', creationDate: addedAt.get(item) ?? '2026-11-02T10:00:00Z' })));
    if (path === '/blacklist' && method === 'POST') {
      const item = typeof body.item === 'string' ? body.item : '';
      if (item && !blacklist.includes(item)) {
        blacklist.push(item);
        addedAt.set(item, new Date(now()).toISOString());
      }
      return ok({});
    }
    return error(404, 'Not found');
  }

  return {
    handle,
    /** A campaign sent from the extranet (or another computer) at `sentAt`: in the account's by-period reports, unknown to this Dropdesk. */
    addCampaignSentElsewhere(numbers: string[], sentAt: number, msg = 'Envoyée depuis l’extranet'): RestCoreCampaign {
      const campaign: RestCoreCampaign = { id: ++nextId, status: 'INJECTED', numbers, recipients: numbers.length, msg, sender: null, typeSelect: 'MKG', scheduleOn: null, sentAt };
      campaigns.set(campaign.id, campaign);
      return campaign;
    },
    campaigns,
    blacklist,
    counts,
    /** The uploaded lists' CSV text, in upload order. */
    uploadedLists: () => [...lists.values()].map((list) => list.text),
    isAuthorized: (authorization: string | undefined) => authorization !== undefined && tokens.has(authorization),
    /** The token expires (a fault the tests play). */
    revoke: (authorization: string) => void tokens.delete(authorization),
  };
}

export type RestCore = ReturnType<typeof createRestCore>;
