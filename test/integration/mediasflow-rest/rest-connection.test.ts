/**
 * MediasFlow REST connections in the main connection store: settings with
 * their documented defaults, HTTPS only (loopback http for tests and the
 * demo), the password encrypted as for SFTP or read from the environment,
 * and "Tester la connexion" = log in + one read-only call (never a send);
 * 401/403 → the plain-French hint that the IP may not be authorised.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionSaveSchema } from '../../../shared/ipc/schemas/connections';
import { createConnectionService } from '../../../src-main/connections/connection-service';
import { fakeCipher } from '../queue/queue-harness';
import { startFakeMediasflow, type FakeMediasflow } from './fake-mediasflow';

let fake: FakeMediasflow;
let dataDir: string;
beforeAll(async () => {
  fake = await startFakeMediasflow();
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-rest-conn-'));
});
afterAll(async () => {
  await fake.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('mediasflow-rest connections', () => {
  it('stores the REST settings in a nested object with the documented defaults, the password encrypted', async () => {
    const service = createConnectionService({ dataDir, cipher: fakeCipher, env: {} });
    const input = { name: 'API défaut', provider: 'mediasflow-rest' as const, user: 'agence', password: 'secret' };
    expect(connectionSaveSchema.safeParse(input).success).toBe(true);
    const { connection, password } = await service.save(input);
    expect(password).toBe('encrypted');
    expect(connection.profile).toBe('mediasflow-rest');
    expect(connection.rest).toEqual({ baseUrl: 'https://app.mediasflow.com/MediasflowApi/v1', brand: null, loginPath: '/login', loginField: 'login', passwordField: 'password' });
    expect(connection.host).toBe('app.mediasflow.com');
    const file = await readFile(join(dataDir, 'connections.json'), 'utf8');
    expect(file).not.toContain('secret');
    // Editing keeps the settings not given.
    const edited = await service.save({ id: connection.id, name: 'API défaut', provider: 'mediasflow-rest', user: 'agence', rest: { brand: 'GARAGE' } });
    expect(edited.connection.rest?.brand).toBe('GARAGE');
    expect(edited.connection.rest?.baseUrl).toBe('https://app.mediasflow.com/MediasflowApi/v1');
    expect(edited.password).toBe('unchanged');
  });

  it('refuses plain http to a remote host, and a missing login', async () => {
    const service = createConnectionService({ dataDir, env: {} });
    await expect(service.save({ name: 'API http', provider: 'mediasflow-rest', user: 'agence', rest: { baseUrl: 'http://app.mediasflow.com/api/v1' } })).rejects.toThrow(/HTTPS/);
    await expect(service.save({ name: 'API sans login', provider: 'mediasflow-rest', user: ' ', rest: { baseUrl: 'https://app.mediasflow.com/api/v1' } })).rejects.toThrow(/identifiant/);
    const loopback = await service.save({ name: 'API locale', provider: 'mediasflow-rest', user: 'agence', passwordEnv: 'MF_PASS', rest: { baseUrl: 'http://127.0.0.1:9/api/v1' } });
    expect(loopback.connection.rest?.baseUrl).toBe('http://127.0.0.1:9/api/v1');
  });

  it('"Tester la connexion" logs in and reads once, never sends', async () => {
    const service = createConnectionService({ dataDir, env: { MF_TEST_PASS: fake.password } });
    const { connection } = await service.save({ name: 'API fake', provider: 'mediasflow-rest', user: fake.login, passwordEnv: 'MF_TEST_PASS', rest: { baseUrl: fake.baseUrl } });
    const before = { ...fake.state };
    const result = await service.test(connection.id);
    expect(result.connected, JSON.stringify(result)).toBe(true);
    if (result.connected) expect(result.protocol).toBe('http');
    expect(fake.state.logins).toBe(before.logins + 1);
    expect(fake.state.prepares).toBe(before.prepares);
    expect(fake.state.injects).toBe(0);
    expect(fake.state.uploads).toBe(before.uploads);
    expect(fake.state.violations).toEqual([]);
  });

  it('a refused login suggests the IP address may not be authorised', async () => {
    const service = createConnectionService({ dataDir, env: {} });
    const { connection } = await service.save({ name: 'API mauvais mot de passe', provider: 'mediasflow-rest', user: fake.login, rest: { baseUrl: fake.baseUrl } });
    await expect(service.test(connection.id)).rejects.toMatchObject({ code: 'password-required' });
    const result = await service.test(connection.id, { password: 'faux' });
    expect(result.connected).toBe(false);
    if (!result.connected) {
      expect(result.error.kind).toBe('auth');
      expect(result.error.message).toMatch(/adresse IP de ce poste/);
    }
    expect(fake.state.injects).toBe(0);
  });

  it('a demo REST connection needs the sandbox (the CLI has none)', async () => {
    const service = createConnectionService({ dataDir, env: {} });
    const { connection } = await service.save({ name: 'Démo API', provider: 'demo-mediasflow-rest' });
    expect(connection.demo).toBe(true);
    await expect(service.resolveRestEndpoint(connection.id)).rejects.toMatchObject({ code: 'demo-unavailable' });
    const withSandbox = createConnectionService({ dataDir, env: {}, demo: { resolve: async () => { throw new Error('unused'); }, resolveRest: async () => ({ baseUrl: fake.baseUrl, login: fake.login, password: fake.password }) } });
    expect(await withSandbox.resolveRestEndpoint(connection.id)).toMatchObject({ baseUrl: fake.baseUrl });
  });
});
