/**
 * Browser mode's HTTP server: the built renderer and the one transport to the
 * main-process handlers, on 127.0.0.1 only.
 *   GET  /?key=SECRET                 → session cookie, redirect to /
 *   GET  /, /assets/…                 → the renderer build (with the desktop window's CSP)
 *   POST /api/invoke/<channel>        → dispatchRequest (same zod validation), answered with the IpcResult
 *   GET  /api/events                  → main → renderer events (server-sent events)
 *   GET  /api/downloads/<token>       → a file a handler wrote for the user (export)
 *   POST /api/downloads/<token>/delivered → resolves once the browser has it
 * Every request passes the gate (request-gate.ts) first; a refusal is a plain
 * 403 and nothing is read, written or dispatched. No CORS headers, ever.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { z } from 'zod';
import type { EventChannel, EventPayload } from '@shared/ipc/channels';
import type { IpcResult } from '@shared/ipc/ipc-result';
import { browserModeHeaders, browserModeMaxBodyBytes, fileOpeningChannels } from '@shared/ipc/browser-files';
import { decodeWire, encodeWire } from '@shared/ipc/wire-codec';
import { dispatchRequest, type HandlerMap } from '../ipc/handler-map';
import { contentSecurityPolicy } from '../electron/content-security-policy';
import { checkOriginAndHost, checkRequest, sameSecret, type GateConfig, type GateRefusal } from './request-gate';
import { safeDownloadName, type BrowserDialogs, type PendingDownload } from './browser-dialogs';

export interface BrowserModeServerOptions {
  handlers: HandlerMap;
  dialogs: BrowserDialogs;
  /** The renderer build folder (index.html + assets); pages wait while it is still being built. */
  rendererDir: string | Promise<string>;
  /** Session folder for uploaded and downloadable files (removed on close). */
  sessionDir: string;
  /** 0 or absent: a free port. */
  port?: number;
  log: (message: string, error?: unknown) => void;
  /** Told of every refused request (tests, diagnostics). */
  onRefused?: (refusal: GateRefusal | 'key', method: string, url: string) => void;
  /** When a download counts as delivered; default: once the browser has fetched all of it. */
  downloadDelivered?: (token: string, served: Promise<void>) => Promise<void>;
}

export interface BrowserModeServer {
  port: number;
  /** The clean address (no secret). */
  origin: string;
  /** The address to open once, with the secret: `http://127.0.0.1:PORT/?key=…`. */
  url: string;
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  /** Stops accepting requests and ends the event streams. */
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

const commonHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const envelopeSchema = z.object({ input: z.unknown().optional() }).strict();
const fileNameSchema = z.string().min(1).max(500);

class BodyTooLarge extends Error {}

function limitBytes(max: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > max) callback(new BodyTooLarge(`over ${max} bytes`));
      else callback(null, chunk);
    },
  });
}

async function readBody(request: IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > max) throw new BodyTooLarge(`over ${max} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function plain(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { ...commonHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A handler's answer `{ path, … }` for a file it wrote for download names the downloaded file instead. */
function namedAfterDownload(result: IpcResult<unknown>, download: PendingDownload): IpcResult<unknown> {
  if (!result.ok || !result.value || typeof result.value !== 'object') return result;
  const value = result.value as Record<string, unknown>;
  return value.path === download.path ? { ok: true, value: { ...value, path: download.name } } : result;
}

export async function startBrowserModeServer(options: BrowserModeServerOptions): Promise<BrowserModeServer> {
  const { handlers, dialogs, sessionDir, log } = options;
  const secret = randomBytes(24).toString('base64url');
  const sessionToken = randomBytes(24).toString('base64url');
  const eventStreams = new Set<ServerResponse>();
  const downloads = new Map<string, PendingDownload & { served: Promise<void>; markServed: () => void }>();
  await mkdir(sessionDir, { recursive: true });
  // Known once the server listens (the port is part of it).
  const gateRef: { current?: GateConfig } = {};

  const refuse = (response: ServerResponse, request: IncomingMessage, refusal: GateRefusal | 'key') => {
    options.onRefused?.(refusal, request.method ?? '', request.url ?? '');
    plain(response, 403, 'Accès refusé.');
  };

  const gateRequest = (request: IncomingMessage) => ({
    method: request.method ?? 'GET',
    host: request.headers.host,
    origin: typeof request.headers.origin === 'string' ? request.headers.origin : undefined,
    cookie: request.headers.cookie,
  });

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    let rendererDir: string;
    try {
      rendererDir = await options.rendererDir;
    } catch {
      return plain(response, 500, 'L’interface n’a pas pu être construite : voyez le terminal de « npm start ».');
    }
    const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^[/\\]+/, '');
    const file = join(rendererDir, relative);
    if (!file.startsWith(rendererDir + sep)) return plain(response, 404, 'Introuvable.');
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        ...commonHeaders,
        'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': contentSecurityPolicy,
      });
      response.end(body);
    } catch {
      plain(response, 404, 'Introuvable.');
    }
  }

  async function invoke(channel: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const context = { channel, openFile: null as string | null, downloads: [] as PendingDownload[] };
    let input: unknown;
    if (type === 'application/octet-stream') {
      // A file-opening request: the body is the file the user picked in the page.
      const rawName = request.headers[browserModeHeaders.fileName];
      let name: string;
      try {
        name = fileNameSchema.parse(decodeURIComponent(String(rawName ?? '')));
      } catch {
        return plain(response, 400, 'Nom de fichier manquant ou invalide.');
      }
      if (!Object.prototype.hasOwnProperty.call(fileOpeningChannels, channel)) {
        return plain(response, 400, 'Ce canal ne reçoit pas de fichier.');
      }
      const folder = join(sessionDir, 'uploads', randomUUID());
      await mkdir(folder, { recursive: true });
      const path = join(folder, safeDownloadName(name));
      try {
        await pipeline(request, limitBytes(browserModeMaxBodyBytes), createWriteStream(path));
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        if (error instanceof BodyTooLarge) return plain(response, 413, 'Fichier trop volumineux.');
        throw error;
      }
      context.openFile = path;
    } else if (type === 'application/json') {
      let envelope: z.infer<typeof envelopeSchema>;
      try {
        envelope = envelopeSchema.parse(decodeWire(await readBody(request, browserModeMaxBodyBytes)));
      } catch (error) {
        if (error instanceof BodyTooLarge) return plain(response, 413, 'Requête trop volumineuse.');
        return plain(response, 400, 'Requête illisible.');
      }
      input = envelope.input;
    } else {
      return plain(response, 415, 'Type de contenu refusé.');
    }

    let result = await dialogs.runInRequest(context, () => dispatchRequest(handlers, channel, input, log));
    const ready: string[] = [];
    for (const download of context.downloads) {
      const written = await stat(download.path).then(
        (info) => info.isFile(),
        () => false,
      );
      if (!written) continue;
      let markServed = () => {};
      const served = new Promise<void>((resolve) => (markServed = resolve));
      downloads.set(download.token, { ...download, served, markServed });
      ready.push(download.token);
      // The session folder is no place to tell the user about: the file is where the browser saves it.
      result = namedAfterDownload(result, download);
    }
    response.writeHead(200, {
      ...commonHeaders,
      'Content-Type': 'application/json; charset=utf-8',
      ...(ready.length > 0 ? { [browserModeHeaders.downloads]: ready.join(',') } : {}),
    });
    response.end(encodeWire(result));
  }

  function serveDownload(token: string, response: ServerResponse): void {
    const download = downloads.get(token);
    if (!download) return plain(response, 404, 'Introuvable.');
    response.writeHead(200, {
      ...commonHeaders,
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': contentDisposition(download.name),
    });
    pipeline(createReadStream(download.path), response).then(
      () => download.markServed(),
      (error: unknown) => log(`Téléchargement de ${download.name} interrompu`, error),
    );
  }

  async function awaitDelivery(token: string, response: ServerResponse): Promise<void> {
    const download = downloads.get(token);
    if (!download) return plain(response, 404, 'Introuvable.');
    const delivered = options.downloadDelivered ? options.downloadDelivered(token, download.served) : download.served;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 60_000)));
    await Promise.race([delivered, timeout]);
    clearTimeout(timer);
    downloads.delete(token);
    await rm(join(download.path, '..'), { recursive: true, force: true });
    response.writeHead(204, commonHeaders).end();
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      ...commonHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    response.write('retry: 1000\n\n');
    eventStreams.add(response);
    response.on('close', () => eventStreams.delete(response));
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const gate = gateRef.current;
    if (!gate) return plain(response, 503, 'Démarrage en cours.');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const forGate = gateRequest(request);

    // The secret printed at start, exchanged once for the session cookie.
    if (method === 'GET' && url.pathname === '/' && url.searchParams.has('key')) {
      const refusal = checkOriginAndHost(forGate, gate);
      if (refusal) return refuse(response, request, refusal);
      if (!sameSecret(url.searchParams.get('key') ?? undefined, secret)) return refuse(response, request, 'key');
      response.writeHead(303, {
        ...commonHeaders,
        'Set-Cookie': `${gate.cookieName}=${sessionToken}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
      response.end();
      return;
    }

    const refusal = checkRequest(forGate, gate);
    if (refusal) return refuse(response, request, refusal);

    if (method === 'POST' && url.pathname.startsWith('/api/invoke/')) {
      return invoke(decodeURIComponent(url.pathname.slice('/api/invoke/'.length)), request, response);
    }
    const delivered = /^\/api\/downloads\/([\w-]+)\/delivered$/.exec(url.pathname);
    if (method === 'POST' && delivered) return awaitDelivery(delivered[1], response);
    if (method !== 'GET' && method !== 'HEAD') return plain(response, 405, 'Méthode refusée.');
    if (url.pathname === '/api/events') return openEventStream(response);
    const download = /^\/api\/downloads\/([\w-]+)$/.exec(url.pathname);
    if (download) return serveDownload(download[1], response);
    if (url.pathname.startsWith('/api/')) return plain(response, 404, 'Introuvable.');
    return serveStatic(decodeURIComponent(url.pathname), response);
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(`Mode navigateur : requête ${request.method} ${request.url} en échec`, error);
      plain(response, 500, 'Erreur interne.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('browser mode: the server has no port');
  const port = address.port;
  // Cookies are per host, not per port: one name per server so two instances never mix.
  gateRef.current = { port, cookieName: `dropdesk-${port}`, sessionToken };
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    url: `${origin}/?key=${secret}`,
    emit(event, payload) {
      const frame = `data: ${encodeWire({ event, payload })}\n\n`;
      for (const stream of eventStreams) stream.write(frame);
    },
    async close() {
      for (const stream of eventStreams) stream.end();
      eventStreams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rm(sessionDir, { recursive: true, force: true });
    },
  };
}
