/**
 * HTTPS with a certificate made in the test (openssl): trusted through the
 * client's `ca`, the drop goes through; not trusted, the job fails at once in
 * plain French with nothing sent — certificates are always checked. Plain
 * http is refused except towards loopback.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBaseUrl, proxyFor } from '../../../src-main/connectors/mediasflow-rest/rest-client';
import { startFakeMediasflow, type FakeMediasflow } from './fake-mediasflow';
import { createRestQueue } from './rest-queue-harness';

let certDir: string;
let cert: string;
let fake: FakeMediasflow;
beforeAll(async () => {
  certDir = await mkdtemp(join(tmpdir(), 'dropdesk-rest-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')], { stdio: 'ignore' });
  cert = await readFile(join(certDir, 'cert.pem'), 'utf8');
  fake = await startFakeMediasflow({ tls: { key: await readFile(join(certDir, 'key.pem'), 'utf8'), cert } });
});
afterAll(async () => {
  await fake.stop();
  await rm(certDir, { recursive: true, force: true });
});

describe('MediasFlow REST over HTTPS', () => {
  it('drops through HTTPS when the certificate is trusted', async () => {
    expect(fake.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:/);
    const rest = await createRestQueue(fake, { ca: cert });
    try {
      const job = await rest.enqueue(4);
      await rest.settle();
      expect((await rest.queue.get(job.id)).state).toBe('accepted');
      expect(fake.state.injects).toBe(1);
    } finally {
      await rest.cleanup();
    }
  });

  it('an unknown certificate fails the job at once, in plain French, with nothing sent', async () => {
    const before = fake.state.requests;
    const rest = await createRestQueue(fake);
    try {
      const job = await rest.enqueue(4);
      await rest.settle();
      const final = await rest.queue.get(job.id);
      expect(final.state).toBe('failed');
      expect(final.reason?.message).toMatch(/certificat du serveur MediasFlow n'est pas reconnu/);
      expect(fake.state.requests).toBe(before);
      expect(fake.state.injects).toBe(1);
    } finally {
      await rest.cleanup();
    }
  });

  it('refuses plain http except to loopback, and follows HTTPS_PROXY / NO_PROXY', () => {
    expect(() => checkBaseUrl('http://app.mediasflow.com/MediasflowApi/v1')).toThrow(/HTTPS/);
    expect(checkBaseUrl('http://127.0.0.1:8080/v1').hostname).toBe('127.0.0.1');
    expect(checkBaseUrl('http://localhost:8080/v1').hostname).toBe('localhost');
    expect(() => checkBaseUrl('pas une adresse')).toThrow(/invalide/);
    const url = new URL('https://app.mediasflow.com/MediasflowApi/v1');
    expect(proxyFor(url, { HTTPS_PROXY: 'http://proxy:3128' })).toBe('http://proxy:3128');
    expect(proxyFor(url, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.mediasflow.com' })).toBeNull();
    expect(proxyFor(url, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'mediasflow.com' })).toBeNull();
    expect(proxyFor(url, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'example.org' })).toBe('http://proxy:3128');
    expect(proxyFor(url, {})).toBeNull();
  });
});
