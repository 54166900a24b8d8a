/**
 * Browser mode's server against real HTTP requests (node:http, so the tests
 * can send any Host header): the secret exchange, every refusal on HTTP and on
 * the event stream with nothing changed, and the transport itself (zod
 * validation, a picked file, a download).
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../create-handlers';
import { createMainServices } from '../main-services';
import { createMemorySettingsStore } from '../settings/memory-settings-store';
import type { MainDeps } from '../main-deps';
import type { SettingsStore } from '../settings/settings-store';
import { contentSecurityPolicy } from '../electron/content-security-policy';
import { decodeWire, encodeWire } from '@shared/ipc/wire-codec';
import { browserModeHeaders } from '@shared/ipc/browser-files';
import { createBrowserDialogs } from './browser-dialogs';
import { startBrowserModeServer, type BrowserModeServer } from './browser-mode-server';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; firstChunkOnly?: boolean },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, setHost: !options.headers?.Host },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (options.firstChunkOnly) {
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
            request.destroy();
          }
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    request.on('error', (error) => (options.firstChunkOnly ? undefined : reject(error)));
    request.end(options.body);
  });
}

describe('browser-mode server', () => {
  let dataDir: string;
  let server: BrowserModeServer;
  let settings: SettingsStore;
  let cookie: string;
  let host: string;
  let origin: string;
  const emitted: string[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-browser-mode-'));
    const rendererDir = join(dataDir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Dropdesk</title>');
    settings = createMemorySettingsStore();
    const dialogs = createBrowserDialogs(join(dataDir, 'session'));
    const deps: MainDeps = {
      dataDir,
      appVersion: '0.0.0-test',
      dialogs,
      settings,
      emit: (event) => void emitted.push(event),
      log: () => {},
    };
    server = await startBrowserModeServer({
      handlers: createHandlers(deps, createMainServices(deps)),
      dialogs,
      rendererDir,
      sessionDir: join(dataDir, 'session'),
      log: () => {},
      onRefused: (reason) => void refused.push(reason),
    });
    host = `127.0.0.1:${server.port}`;
    origin = `http://${host}`;
    const exchange = await send(server.port, { path: new URL(server.url).pathname + new URL(server.url).search });
    cookie = String(exchange.headers['set-cookie']?.[0] ?? '').split(';')[0];
  });

  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const updateLanguage = (headers: Record<string, string>) =>
    send(server.port, {
      method: 'POST',
      path: '/api/invoke/settings:update',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: encodeWire({ input: { language: 'en' } }),
    });

  it('listens on 127.0.0.1 and prints an address carrying a secret', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?key=[\\w-]{32}$`));
  });

  it('exchanges the secret for an HttpOnly, SameSite=Strict cookie and removes it from the address', async () => {
    const exchange = await send(server.port, { path: new URL(server.url).pathname + new URL(server.url).search });
    expect(exchange.status).toBe(303);
    expect(exchange.headers.location).toBe('/');
    const setCookie = String(exchange.headers['set-cookie']?.[0]);
    expect(setCookie).toMatch(new RegExp(`^dropdesk-${server.port}=[\\w-]+; HttpOnly; SameSite=Strict; Path=/$`));
    // The cookie is not the secret itself.
    expect(setCookie).not.toContain(new URL(server.url).searchParams.get('key'));
  });

  it('refuses a wrong secret, and a right one under a foreign Host', async () => {
    const wrong = await send(server.port, { path: '/?key=guessed' });
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const rebound = await send(server.port, { path: new URL(server.url).pathname + new URL(server.url).search, headers: { Host: `evil.example:${server.port}` } });
    expect(rebound.status).toBe(403);
    expect(rebound.headers['set-cookie']).toBeUndefined();
  });

  it('serves the page only with the cookie, with the desktop window’s CSP', async () => {
    expect((await send(server.port, { path: '/' })).status).toBe(403);
    const page = await send(server.port, { path: '/', headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(page.body.toString()).toContain('<title>Dropdesk</title>');
  });

  it('answers a request from its own page with the IpcResult', async () => {
    const before = settings.get();
    const reply = await updateLanguage({ Cookie: cookie, Origin: origin });
    expect(reply.status).toBe(200);
    expect(decodeWire(reply.body.toString())).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(settings.get().language).toBe('en');
    settings.update({ language: before.language });
    // localhost is the same machine and port.
    const viaLocalhost = await updateLanguage({ Cookie: cookie, Origin: `http://localhost:${server.port}`, Host: `localhost:${server.port}` });
    expect(viaLocalhost.status).toBe(200);
    settings.update({ language: before.language });
  });

  describe.each([
    ['no session cookie', () => ({ Origin: origin })],
    ['a wrong session cookie', () => ({ Origin: origin, Cookie: `dropdesk-${server.port}=forged` })],
    ['a foreign Host (DNS rebinding)', () => ({ Origin: origin, Cookie: cookie, Host: `attacker.example:${server.port}` })],
    ['a foreign Origin', () => ({ Origin: 'https://attacker.example', Cookie: cookie })],
    ['another local port as Origin', () => ({ Origin: `http://127.0.0.1:${server.port + 1}`, Cookie: cookie })],
    ['no Origin on a POST', () => ({ Cookie: cookie })],
  ])('with %s', (_label, headers) => {
    it('refuses settings:update with a plain 403 and changes nothing', async () => {
      const before = JSON.stringify(settings.get());
      const emittedBefore = emitted.length;
      const reply = await updateLanguage(headers());
      expect(reply.status).toBe(403);
      expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
      expect(JSON.stringify(settings.get())).toBe(before);
      expect(emitted.length).toBe(emittedBefore);
    });

    it('refuses the event stream', async () => {
      const withoutPostRule = headers();
      // A GET may omit Origin: the event-stream refusal for "no Origin" is covered by the other cases.
      const reply = await send(server.port, { path: '/api/events', headers: withoutPostRule, firstChunkOnly: true });
      if ('Origin' in withoutPostRule || !('Cookie' in withoutPostRule)) expect(reply.status).toBe(403);
      else expect(reply.status).toBe(200);
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  it('refuses what a foreign form could post (no JSON content type), with nothing changed', async () => {
    const before = JSON.stringify(settings.get());
    const reply = await send(server.port, {
      method: 'POST',
      path: '/api/invoke/settings:update',
      headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'text/plain' },
      body: encodeWire({ input: { language: 'en' } }),
    });
    expect(reply.status).toBe(415);
    expect(JSON.stringify(settings.get())).toBe(before);
  });

  it('refuses a CORS preflight and never sends CORS headers', async () => {
    const preflight = await send(server.port, {
      method: 'OPTIONS',
      path: '/api/invoke/settings:update',
      headers: { Origin: 'https://attacker.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('validates inputs with the same zod schemas as the desktop bridge', async () => {
    const reply = await send(server.port, {
      method: 'POST',
      path: '/api/invoke/settings:update',
      headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' },
      body: encodeWire({ input: { language: 'de' } }),
    });
    expect(decodeWire(reply.body.toString())).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('streams main’s events to the page once the cookie is there', async () => {
    const stream = new Promise<string>((resolve) => {
      const request = httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Cookie: cookie } }, (response) => {
        expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('settings:changed')) {
            resolve(text);
            request.destroy();
          }
        });
        // The stream is open: emit once it is registered.
        setTimeout(() => server.emit('settings:changed', settings.get()), 50);
      });
      request.on('error', () => {});
      request.end();
    });
    const frame = (await stream).split('\n').find((line) => line.startsWith('data: '));
    expect(decodeWire(frame!.slice('data: '.length))).toMatchObject({ event: 'settings:changed', payload: { language: 'fr' } });
  });

  it('imports a file the page picked (its bytes are the body) and hands an export back as a download', async () => {
    const fixture = await readFile(join(process.cwd(), 'test/fixtures/lists/excel-windows-1252.csv'));
    const imported = await send(server.port, {
      method: 'POST',
      path: '/api/invoke/lists:import-dialog',
      headers: {
        Cookie: cookie,
        Origin: origin,
        'Content-Type': 'application/octet-stream',
        [browserModeHeaders.fileName]: encodeURIComponent('excel-windows-1252.csv'),
      },
      body: fixture,
    });
    const view = decodeWire(imported.body.toString()) as { ok: true; value: { id: string; encoding: string } };
    expect(view).toMatchObject({ ok: true, value: { encoding: 'windows-1252' } });

    const exported = await send(server.port, {
      method: 'POST',
      path: '/api/invoke/lists:export',
      headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' },
      body: encodeWire({ input: { id: view.value.id, encoding: 'utf-8', sendableOnly: false } }),
    });
    // The path told to the user is the downloaded file's name, not the session folder.
    expect(decodeWire(exported.body.toString())).toEqual({ ok: true, value: { rows: 11, path: 'excel-windows-1252.csv' } });
    const token = String(exported.headers[browserModeHeaders.downloads]);
    expect(token).toMatch(/^[\w-]+$/);
    expect((await send(server.port, { path: `/api/downloads/${token}` })).status).toBe(403);
    const file = await send(server.port, { path: `/api/downloads/${token}`, headers: { Cookie: cookie } });
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(file.body.toString('utf8')).toContain('Prénom');
  });

  it('cancels a file-opening request sent without a file', async () => {
    const reply = await send(server.port, {
      method: 'POST',
      path: '/api/invoke/lists:import-dialog',
      headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' },
      body: encodeWire({}),
    });
    expect(decodeWire(reply.body.toString())).toEqual({ ok: true, value: null });
  });

  it('logged each refusal', () => {
    expect(refused).toEqual(expect.arrayContaining(['session', 'host', 'origin', 'key']));
  });
});

describe('browser dialogs', () => {
  it('refuse, visibly, a file asked for by a channel the page does not pick files for', async () => {
    const dialogs = createBrowserDialogs(join(tmpdir(), 'dropdesk-unused'));
    const ask = () => dialogs.chooseOpenFile({ purpose: 'list-import', filters: [] });
    await expect(dialogs.runInRequest({ channel: 'lists:rename', openFile: null, downloads: [] }, ask)).rejects.toThrow(/fileOpeningChannels/);
    expect(await dialogs.runInRequest({ channel: 'lists:import-dialog', openFile: '/tmp/a.csv', downloads: [] }, ask)).toBe('/tmp/a.csv');
    // Outside any request (the CLI-like direct calls of tests): nothing to open.
    expect(await ask()).toBeNull();
  });
});
