/**
 * "Mode démo" for MediasFlow's SMS REST API: a local sandbox on 127.0.0.1
 * (plain http, loopback only) serving the account core of
 * mediasflow-rest-core.ts — the same core the tests' fake wraps with its
 * OpenAPI validation and fault hooks. State is in memory (the demo is a
 * sandbox: nothing is ever sent).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createRestCore, type RestCoreAnswer, type RestCoreCampaign, type RestCoreRequest } from './mediasflow-rest-core';

export interface RestSandboxOptions {
  login: string;
  password: string;
  port?: number;
  /** After the send, how long each recipient stays "en cours d'envoi" (default 4 s). */
  deliverAfterMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

export interface RestSandbox {
  baseUrl: string;
  port: number;
  campaigns: Map<number, RestCoreCampaign>;
  /** A campaign the demo account "sent from the extranet" (in its by-period reports only). */
  addCampaignSentElsewhere(numbers: string[], sentAt: number): RestCoreCampaign;
  stop(): Promise<void>;
}

export const restSandboxBasePath = '/MediasflowApi/v1';

/** An HTTP request → the core's request (JSON body, or the multipart list's file). */
export async function readRestCoreRequest(req: IncomingMessage, raw: Buffer, path: string): Promise<RestCoreRequest> {
  const type = req.headers['content-type'] ?? '';
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams);
  const request: RestCoreRequest = { method: req.method ?? 'GET', path, authorization: req.headers.authorization, query };
  if (type.startsWith('multipart/form-data')) {
    const file = (await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData()).get('File');
    request.fileText = file instanceof Blob ? await file.text() : null;
  } else if (raw.length > 0 && type.startsWith('application/json')) request.json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  return request;
}

export function writeRestCoreAnswer(res: ServerResponse, answer: RestCoreAnswer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  res.end(JSON.stringify(answer.body));
}

export async function startRestSandbox(options: RestSandboxOptions): Promise<RestSandbox> {
  const core = createRestCore({ login: options.login, password: options.password, deliverAfterMs: options.deliverAfterMs, now: options.now, log: options.log });
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith(restSandboxBasePath)) return writeRestCoreAnswer(res, { status: 404, body: { error: 'Not found' } });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    writeRestCoreAnswer(res, core.handle(await readRestCoreRequest(req, Buffer.concat(chunks), url.pathname.slice(restSandboxBasePath.length))));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) writeRestCoreAnswer(res, { status: 500, body: { error: String(error) } });
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
    baseUrl: `http://127.0.0.1:${port}${restSandboxBasePath}`,
    port,
    campaigns: core.campaigns,
    addCampaignSentElsewhere: (numbers, sentAt) => core.addCampaignSentElsewhere(numbers, sentAt),
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
