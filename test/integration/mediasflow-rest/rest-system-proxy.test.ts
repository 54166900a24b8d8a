/**
 * The system proxy in the app: the REST client is given Electron's
 * session.resolveProxy (here a stand-in answering in the same PAC syntax) and
 * goes through the first usable proxy with a CONNECT tunnel — a real CONNECT
 * proxy on 127.0.0.1 started by the test, which counts what it tunnels —
 * to the HTTPS fake MediasFlow behind it (certificate made by the test).
 * TLS stays end to end: the fake's certificate is checked by the client, not
 * by the proxy. A DIRECT answer bypasses the proxy. HTTPS_PROXY is not read
 * when the system proxy is given.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectionService } from '../../../src-main/connections/connection-service';
import { restClientOptionsFor } from '../../../src-main/connections/rest-connection';
import { startFakeMediasflow, type FakeMediasflow } from './fake-mediasflow';
import { createRestQueue } from './rest-queue-harness';

/** A minimal HTTP CONNECT proxy: tunnels to the asked host:port, counts each CONNECT, plain GETs refused. */
async function startConnectProxy() {
  const connects: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    connects,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let certDir: string;
let cert: string;
let fake: FakeMediasflow;
let proxy: Awaited<ReturnType<typeof startConnectProxy>>;
beforeAll(async () => {
  certDir = await mkdtemp(join(tmpdir(), 'dropdesk-rest-proxy-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')], { stdio: 'ignore' });
  cert = await readFile(join(certDir, 'cert.pem'), 'utf8');
  fake = await startFakeMediasflow({ tls: { key: await readFile(join(certDir, 'key.pem'), 'utf8'), cert } });
  proxy = await startConnectProxy();
});
afterAll(async () => {
  await proxy.stop();
  await fake.stop();
  await rm(certDir, { recursive: true, force: true });
});

const fakeTarget = () => `127.0.0.1:${new URL(fake.baseUrl).port}`;

describe('the system proxy (Electron resolveProxy) for the MediasFlow REST client', () => {
  it('a drop goes through the proxy’s CONNECT tunnel, the certificate checked end to end', async () => {
    const asked: string[] = [];
    const resolveProxy = async (url: string) => {
      asked.push(url);
      return `SOCKS5 127.0.0.1:1; PROXY 127.0.0.1:${proxy.port}; DIRECT`;
    };
    const before = proxy.connects.length;
    const rest = await createRestQueue(fake, { ca: cert, resolveProxy });
    try {
      const job = await rest.enqueue(4);
      await rest.settle();
      expect((await rest.queue.get(job.id)).state).toBe('accepted');
      expect(fake.state.injects).toBe(1);
      const tunnelled = proxy.connects.slice(before);
      expect(tunnelled.length).toBeGreaterThan(0);
      expect(new Set(tunnelled)).toEqual(new Set([fakeTarget()]));
      expect(asked.every((url) => url === fake.baseUrl)).toBe(true);
    } finally {
      await rest.cleanup();
    }
  });

  it('a DIRECT answer bypasses the proxy', async () => {
    const before = proxy.connects.length;
    const injects = fake.state.injects;
    const rest = await createRestQueue(fake, { ca: cert, resolveProxy: async () => 'DIRECT' });
    try {
      const job = await rest.enqueue(3);
      await rest.settle();
      expect((await rest.queue.get(job.id)).state).toBe('accepted');
      expect(fake.state.injects).toBe(injects + 1);
      expect(proxy.connects.length).toBe(before);
    } finally {
      await rest.cleanup();
    }
  });

  it('the app’s wiring: the connection service attaches the system proxy, HTTPS_PROXY is not read; an untrusted certificate behind the proxy is refused by the client', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-rest-proxy-conn-'));
    try {
      const env = { MF_PROXY_PASS: fake.password, HTTPS_PROXY: 'http://127.0.0.1:9' };
      const service = createConnectionService({ dataDir, env, resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}` });
      const { connection } = await service.save({ name: 'API via proxy', provider: 'mediasflow-rest', user: fake.login, passwordEnv: 'MF_PROXY_PASS', rest: { baseUrl: fake.baseUrl } });
      const endpoint = await service.resolveRestEndpoint(connection.id);
      const options = restClientOptionsFor(endpoint, env);
      expect(options.proxyUrl).toBeUndefined();
      expect(await options.resolveProxy!(fake.baseUrl)).toBe(`PROXY 127.0.0.1:${proxy.port}`);
      // Without the system proxy, the environment's proxy is the one followed (CLI, browser mode).
      expect(restClientOptionsFor(await createConnectionService({ dataDir, env }).resolveRestEndpoint(connection.id), env).proxyUrl).toBe('http://127.0.0.1:9');

      // « Tester la connexion »: the tunnel is opened through the proxy, and the client (not the proxy) refuses the test's certificate it was not told to trust.
      const before = proxy.connects.length;
      const requests = fake.state.requests;
      const result = await service.test(connection.id);
      if (result.connected) throw new Error('connected through an untrusted certificate');
      expect(result.error.message).toMatch(/certificat du serveur MediasFlow n'est pas reconnu/);
      expect(proxy.connects.slice(before)).toEqual([fakeTarget()]);
      expect(fake.state.requests).toBe(requests);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('trusted roots', () => {
  it('Node’s own roots, the system’s where this Node can read them, plus a test’s authority', async () => {
    const { trustedRoots } = await import('../../../src-main/connectors/mediasflow-rest/rest-client');
    const tls = await import('node:tls');
    const readsSystem = typeof (tls as unknown as { getCACertificates?: unknown }).getCACertificates === 'function';
    const withExtra = trustedRoots(cert)!;
    expect(withExtra).toContain(cert);
    expect(withExtra.length).toBeGreaterThan(100);
    if (readsSystem) expect(trustedRoots()!.length).toBeGreaterThan(100);
    else expect(trustedRoots()).toBeUndefined();
  });
});
