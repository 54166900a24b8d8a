import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import SftpClient from 'ssh2-sftp-client';
import { Readable, Writable } from 'node:stream';
import { createServer, type AddressInfo } from 'node:net';
import { readFile, rm } from 'node:fs/promises';
import { SftpFileSystem } from '../../../src-main/connectors/sftp-file-system';
import { probeHostKey } from '../../../src-main/connectors/host-key';
import { ConnectorError } from '../../../src-main/connectors/connector-error';
import { testConnection } from '../../../src-main/connectors/test-connection';
import { dropFileExactlyOnce } from '../../../src-main/connectors/exactly-once-upload';
import type { SftpConnectionConfig } from '../../../src-main/connectors/connection-config';
import { SftpTestServer } from '../servers/sftp-test-server';
import { makeCampaignFile, recogniseByIdDelivery } from './campaign-file';

let server: SftpTestServer;
const config = (overrides: Partial<SftpConnectionConfig> = {}): SftpConnectionConfig => ({
  protocol: 'sftp',
  host: server.host,
  port: server.port,
  username: server.username,
  password: server.password,
  pinnedHostKey: server.hostKeyFingerprint,
  timeoutMs: 5_000,
  ...overrides,
});

async function connectError(overrides: Partial<SftpConnectionConfig>): Promise<ConnectorError> {
  const fs = new SftpFileSystem(config(overrides));
  try {
    await fs.connect();
  } catch (error) {
    await fs.close();
    return error as ConnectorError;
  }
  await fs.close();
  throw new Error('connect() should have failed');
}

beforeAll(async () => {
  server = await SftpTestServer.start();
  await server.mkdirs('/Campagnes/SMS', '/Campagnes/VMS', '/Campagnes/Report');
});
afterAll(async () => {
  await server.stop();
});

describe('SFTP host keys', () => {
  it('probeHostKey returns the server fingerprint in OpenSSH format without logging in', async () => {
    const before = server.authAttempts.length;
    const probe = await probeHostKey(server.host, server.port);
    expect(probe.fingerprint).toBe(server.hostKeyFingerprint);
    expect(probe.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(probe.keyType).toBe('ssh-ed25519');
    expect(server.authAttempts.length).toBe(before);
  });

  it('an unpinned server fails with host-key-unknown carrying the fingerprint, before any login', async () => {
    const before = server.authAttempts.length;
    const error = await connectError({ pinnedHostKey: null });
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.kind).toBe('host-key-unknown');
    expect(error.transient).toBe(false);
    expect(error.params.fingerprint).toBe(server.hostKeyFingerprint);
    expect(error.message).toContain(server.hostKeyFingerprint);
    expect(server.authAttempts.length).toBe(before);
  });

  it('connects through ssh2-sftp-client, whose options hand our host-key verifier to ssh2', async () => {
    const connect = vi.spyOn(SftpClient.prototype, 'connect');
    try {
      const error = await connectError({ pinnedHostKey: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
      expect(error.kind).toBe('host-key-mismatch');
      expect(connect).toHaveBeenCalledTimes(1);
      expect(connect.mock.calls[0][0]).toMatchObject({ host: server.host, port: server.port, hostVerifier: expect.any(Function) });
    } finally {
      connect.mockRestore();
    }
  });

  it('a different pinned key fails with host-key-mismatch and the password is never sent', async () => {
    const before = server.authAttempts.length;
    const error = await connectError({ pinnedHostKey: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(error.kind).toBe('host-key-mismatch');
    expect(error.params.fingerprint).toBe(server.hostKeyFingerprint);
    expect(error.message).toMatch(/Attention/);
    expect(server.authAttempts.slice(before)).toEqual([]);
  });
});

describe('SFTP login errors', () => {
  it('a wrong password is an auth error (permanent)', async () => {
    const error = await connectError({ password: 'wrong' });
    expect(error.kind).toBe('auth');
    expect(error.transient).toBe(false);
    expect(error.message).toMatch(/mot de passe/);
  });

  it('a server that is down is a network error (transient)', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const freePort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await connectError({ port: freePort });
    expect(error.kind).toBe('network');
    expect(error.transient).toBe(true);
    expect(error.params.detail).toContain('ECONNREFUSED');
  });
});

describe('SFTP file operations', () => {
  it('lists, stats, uploads with progress, renames, reads, downloads and deletes', async () => {
    const fs = new SftpFileSystem(config());
    await fs.connect();
    try {
      await fs.mkdirp('/Campagnes/Test/Deep');
      await fs.mkdirp('/Campagnes/Test/Deep');
      expect((await fs.stat('/Campagnes/Test/Deep'))?.isDirectory).toBe(true);
      expect(await fs.stat('/Campagnes/Test/nothing.csv')).toBeNull();

      const data = makeCampaignFile(200_000);
      const progress: number[] = [];
      await fs.upload('/Campagnes/Test/a.tmp', data, { onProgress: (bytes) => progress.push(bytes) });
      expect(progress.at(-1)).toBe(data.length);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect((await fs.stat('/Campagnes/Test/a.tmp'))?.size).toBe(data.length);

      await fs.rename('/Campagnes/Test/a.tmp', '/Campagnes/Test/a.csv');
      const names = (await fs.list('/Campagnes/Test')).map((entry) => `${entry.name}:${entry.isDirectory ? 'd' : entry.size}`);
      expect(names.sort()).toEqual(['Deep:d', `a.csv:${data.length}`]);

      const chunks: Buffer[] = [];
      await fs.download('/Campagnes/Test/a.csv', new Writable({ write: (chunk, _e, cb) => (chunks.push(chunk), cb()) }));
      expect(Buffer.concat(chunks).equals(data)).toBe(true);
      expect(await readFile(server.realPath('/Campagnes/Test/a.csv'))).toEqual(data);

      const streamed = makeCampaignFile(150_000, 3);
      const streamedProgress: number[] = [];
      await fs.upload('/Campagnes/Test/s.tmp', Readable.from([streamed.subarray(0, 70_001), streamed.subarray(70_001)]), {
        onProgress: (sent) => streamedProgress.push(sent),
      });
      expect(streamedProgress.at(-1)).toBe(streamed.length);
      expect(await readFile(server.realPath('/Campagnes/Test/s.tmp'))).toEqual(streamed);
      expect(await fs.remove('/Campagnes/Test/s.tmp')).toBe(true);

      await fs.upload('/Campagnes/Test/x.ar', Buffer.from('123456\n'));
      expect(await fs.readText('/Campagnes/Test/x.ar')).toBe('123456\n');

      expect(await fs.remove('/Campagnes/Test/a.csv')).toBe(true);
      expect(await fs.remove('/Campagnes/Test/a.csv')).toBe(false);
      await expect(fs.list('/Nope')).rejects.toMatchObject({ kind: 'folder-missing' });
      await expect(fs.upload('/Nope/file.tmp', Buffer.from('x'))).rejects.toMatchObject({ kind: 'folder-missing' });
    } finally {
      await fs.close();
    }
  });
});

describe('SFTP uploads with a wide window', () => {
  it('a file many windows long lands byte for byte, with progress in order up to its size', async () => {
    const fs = new SftpFileSystem(config());
    await fs.connect();
    try {
      // 64 writes of 32 KiB (this server announces no limit) are 2 MiB in flight: 5 MB takes several windows.
      await fs.mkdirp('/Campagnes/Test');
      const data = makeCampaignFile(5_000_000, 7);
      const progress: number[] = [];
      await fs.upload('/Campagnes/Test/wide.tmp', data, { onProgress: (bytes) => progress.push(bytes) });
      expect(progress.at(-1)).toBe(data.length);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      // Buffer.equals: a deep toEqual over 5 MB takes minutes.
      expect((await readFile(server.realPath('/Campagnes/Test/wide.tmp'))).equals(data)).toBe(true);
      expect(await fs.remove('/Campagnes/Test/wide.tmp')).toBe(true);
    } finally {
      await fs.close();
    }
  });
});

describe('testConnection', () => {
  it('logs in and reports the missing expected folders', async () => {
    const result = await testConnection(config(), ['/Campagnes/SMS', '/Campagnes/VMS', '/Campagnes/Report', '/Campagnes/Absent']);
    expect(result.connected).toBe(true);
    if (!result.connected) return;
    expect(result.protocol).toBe('sftp');
    expect(result.passwordTravelsInClear).toBe(false);
    expect(result.hostKeyFingerprint).toBe(server.hostKeyFingerprint);
    expect(result.missingFolders).toEqual(['/Campagnes/Absent']);
    expect(result.message).toContain('/Campagnes/Absent');
  });

  it('reports an unknown host key with its fingerprint instead of throwing', async () => {
    const result = await testConnection(config({ pinnedHostKey: undefined }), ['/Campagnes/SMS']);
    expect(result.connected).toBe(false);
    if (result.connected) return;
    expect(result.error.kind).toBe('host-key-unknown');
    expect(result.hostKeyFingerprint).toBe(server.hostKeyFingerprint);
  });
});

describe('SFTP exactly-once drop', () => {
  it('uploads once, then a retry finds it already landed', async () => {
    const fs = new SftpFileSystem(config());
    await fs.connect();
    try {
      const data = makeCampaignFile(300_000);
      const finalName = '1234-D0001AB-Soldes été_20250102103000.csv';
      const request = {
        fs,
        folder: '/Campagnes/SMS',
        finalName,
        tempName: `${finalName}.tmp`,
        data,
        searchFolders: ['/Campagnes/SMS/TRAITEMENT OK', '/Campagnes/SMS/TRAITEMENT KO'],
        recognise: recogniseByIdDelivery('D0001AB'),
      };
      const progress: number[] = [];
      const first = await dropFileExactlyOnce({ ...request, onProgress: (bytes) => progress.push(bytes) });
      expect(first).toEqual({ outcome: 'uploaded', folder: '/Campagnes/SMS', name: finalName, bytes: data.length });
      expect(progress.at(-1)).toBe(data.length);
      const second = await dropFileExactlyOnce(request);
      expect(second).toEqual({ outcome: 'already-landed', folder: '/Campagnes/SMS', name: finalName });
      expect(await server.names('/Campagnes/SMS')).toEqual([finalName]);
      expect(await readFile(server.realPath(`/Campagnes/SMS/${finalName}`))).toEqual(data);
    } finally {
      await fs.close();
    }
  });
});

describe('SFTP server that stops answering', () => {
  it('an operation without an answer cuts the connection and fails as network', async () => {
    const fs = new SftpFileSystem(config(), { operationTimeoutMs: 500 });
    await fs.connect();
    server.faults.stallWritesAfterBytes = 40_000;
    try {
      const error = (await fs.upload('/Campagnes/SMS/stall.tmp', makeCampaignFile(100_000)).catch((failure: unknown) => failure)) as ConnectorError;
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error.kind).toBe('network');
      expect(error.params.detail).toContain('no answer');
      await expect(fs.list('/Campagnes/SMS')).rejects.toMatchObject({ kind: 'network' });
    } finally {
      delete server.faults.stallWritesAfterBytes;
      await fs.close();
      await rm(server.realPath('/Campagnes/SMS/stall.tmp'), { force: true });
    }
  });
});
