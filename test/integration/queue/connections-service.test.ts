import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requestSchemas } from '@shared/ipc/schemas';
import { createConnectionHandlers } from '../../../src-main/connections/connection-handlers';
import { createConnectionService } from '../../../src-main/connections/connection-service';
import { unavailableCipher } from '../../../src-main/connections/connection-types';
import type { MainDeps } from '../../../src-main/main-deps';
import { SftpTestServer } from '../servers/sftp-test-server';
import { fakeCipher } from './queue-harness';

let server: SftpTestServer;
let dataDir: string;

beforeAll(async () => {
  server = await SftpTestServer.start();
  await server.mkdirs('/Campagnes/SMS/TRAITEMENT OK', '/Campagnes/SMS/TRAITEMENT KO', '/Campagnes/VMS');
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-connections-'));
});
afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function handlers(cipher = fakeCipher) {
  const events: unknown[] = [];
  const deps = { dataDir, emit: (_event: string, payload: unknown) => events.push(payload), log: () => undefined, secretCipher: cipher } as unknown as MainDeps;
  const map = createConnectionHandlers(deps, createConnectionService({ dataDir, cipher, env: {}, timeoutMs: 5_000 }));
  const call = async <C extends keyof typeof map>(channel: C, input: unknown) => {
    const parsed = requestSchemas[channel].parse(input);
    return (map[channel] as (value: unknown) => unknown)(parsed) as ReturnType<(typeof map)[C]>;
  };
  return { call, events };
}

describe('connections service over its IPC handlers', () => {
  it('first SSH connection: host-key-unknown with the fingerprint, pinned once confirmed, then the folders are checked', async () => {
    const { call, events } = handlers();
    const saved = await call('connections:save', { name: 'MF', provider: 'mediasflow-sftp', host: server.host, port: server.port, user: server.username, password: server.password });
    expect(saved.password).toBe('encrypted');
    const onDisk = await readFile(join(dataDir, 'connections.json'), 'utf8');
    expect(onDisk).not.toContain(server.password);
    expect(events).toHaveLength(1);

    const first = await call('connections:test', { id: saved.connection.id });
    expect(first).toMatchObject({ connected: false, hostKeyFingerprint: server.hostKeyFingerprint, error: { kind: 'host-key-unknown' } });
    const probe = await call('connections:probe-host-key', { id: saved.connection.id });
    expect(probe).toMatchObject({ fingerprint: server.hostKeyFingerprint, pinned: null, matchesPinned: null });
    await call('connections:pin-host-key', { id: saved.connection.id, fingerprint: probe.fingerprint });
    const second = await call('connections:test', { id: saved.connection.id });
    expect(second).toMatchObject({ connected: true, missingFolders: ['/Campagnes/VMS/TRAITEMENT OK', '/Campagnes/VMS/TRAITEMENT KO'] });

    // Another key later blocks the connection.
    await call('connections:pin-host-key', { id: saved.connection.id, fingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(await call('connections:test', { id: saved.connection.id })).toMatchObject({ connected: false, error: { kind: 'host-key-mismatch' } });
  });

  it('without encryption nothing is stored: password-required, and a typed password works for the session only', async () => {
    const { call } = handlers(unavailableCipher);
    const saved = await call('connections:save', { name: 'Sans coffre', provider: 'allmysms-sftp', host: server.host, port: server.port, user: server.username });
    await expect(call('connections:test', { id: saved.connection.id })).rejects.toMatchObject({ code: 'password-required' });
    const result = await call('connections:save', { id: saved.connection.id, name: 'Sans coffre', provider: 'allmysms-sftp', host: server.host, port: server.port, user: server.username, password: 'typed' });
    expect(result.password).toBe('session-only');
    expect(result.connection.passwordSource).toBe('session');
    expect(await readFile(join(dataDir, 'connections.json'), 'utf8')).not.toContain('typed');
  });

  it('refuses a bad input before the handler (schema) and a duplicate name (service)', async () => {
    const { call } = handlers();
    await expect(call('connections:save', { name: 'X', provider: 'ftp-inconnu', host: 'h' })).rejects.toThrow();
    await expect(call('connections:save', { name: 'mf', provider: 'allmysms-ftp', host: 'h', user: 'u' })).rejects.toMatchObject({ code: 'connection-name-taken' });
  });
});
