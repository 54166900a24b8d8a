/**
 * FTP and explicit FTPS connectors and the exactly-once drop against ftp-srv
 * on 127.0.0.1, AllMySMS layout (SEND_SMS, PROCESSING, ARCHIVES, INVALIDS).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFile, rename, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { FtpFileSystem } from '../../../src-main/connectors/ftp-file-system';
import { ConnectorError } from '../../../src-main/connectors/connector-error';
import { testConnection } from '../../../src-main/connectors/test-connection';
import { dropFileExactlyOnce, type DropRequest } from '../../../src-main/connectors/exactly-once-upload';
import type { FtpConnectionConfig } from '../../../src-main/connectors/connection-config';
import { FtpTestServer, opensslAvailable } from '../servers/ftp-test-server';
import { makeCampaignFile, recogniseAllMySms } from './campaign-file';

const allMySmsFolders = ['SEND_SMS', 'PROCESSING', 'ARCHIVES', 'INVALIDS'];
let server: FtpTestServer;
let drop = 0;

const config = (overrides: Partial<FtpConnectionConfig> = {}): FtpConnectionConfig => ({
  protocol: 'ftp',
  host: server.host,
  port: server.port,
  username: server.username,
  password: server.password,
  timeoutMs: 5_000,
  ...overrides,
});

function nextDrop() {
  drop += 1;
  const finalName = `Relance${drop}_20250901093000_HQ.csv`;
  return {
    folder: 'SEND_SMS',
    finalName,
    tempName: finalName.replace(/\.csv$/, '.tmp'),
    data: makeCampaignFile(250_000, drop),
    searchFolders: ['PROCESSING', 'ARCHIVES', 'INVALIDS'],
    recognise: recogniseAllMySms(finalName),
  };
}

async function runDrop(request: Omit<DropRequest, 'fs'>) {
  const fs = new FtpFileSystem(config());
  await fs.connect();
  try {
    return await dropFileExactlyOnce({ ...request, fs });
  } finally {
    await fs.close();
  }
}

async function expectExactlyOneCampaign(finalName: string, data: Buffer) {
  const names = await server.names('SEND_SMS');
  expect(names).toEqual([finalName]);
  expect(await readFile(server.realPath(`SEND_SMS/${finalName}`))).toEqual(data);
}

beforeAll(async () => {
  server = await FtpTestServer.start();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  for (const folder of allMySmsFolders) await rm(server.realPath(folder), { recursive: true, force: true });
  await server.mkdirs(...allMySmsFolders);
});
afterEach(() => {
  for (const key of Object.keys(server.faults)) delete (server.faults as Record<string, unknown>)[key];
});

describe('FTP connector', () => {
  it('flags that the password travels unencrypted on plain FTP', () => {
    const fs = new FtpFileSystem(config());
    expect(fs.protocol).toBe('ftp');
    expect(fs.passwordTravelsInClear).toBe(true);
  });

  it('does the file operations', async () => {
    const fs = new FtpFileSystem(config());
    await fs.connect();
    try {
      await fs.mkdirp('/Deep/Er');
      await fs.mkdirp('/Deep/Er');
      expect((await fs.stat('/Deep/Er'))?.isDirectory).toBe(true);
      expect(await fs.stat('/Deep/none.csv')).toBeNull();
      const data = makeCampaignFile(100_000);
      let last = 0;
      await fs.upload('SEND_SMS/a.tmp', data, { onProgress: (bytes) => (last = bytes) });
      expect(last).toBe(data.length);
      expect((await fs.stat('SEND_SMS/a.tmp'))?.size).toBe(data.length);
      await fs.rename('SEND_SMS/a.tmp', 'SEND_SMS/a.csv');
      expect((await fs.list('SEND_SMS')).map((entry) => entry.name)).toEqual(['a.csv']);
      await fs.upload('ARCHIVES/note.txt', Buffer.from('Accusé\n'));
      expect(await fs.readText('ARCHIVES/note.txt')).toBe('Accusé\n');
      expect(await fs.remove('SEND_SMS/a.csv')).toBe(true);
      expect(await fs.remove('SEND_SMS/a.csv')).toBe(false);
      await expect(fs.list('/Nope')).rejects.toMatchObject({ kind: 'folder-missing' });
    } finally {
      await fs.close();
    }
  });

  it('a wrong password is an auth error', async () => {
    const fs = new FtpFileSystem(config({ password: 'wrong' }));
    const error = (await fs.connect().catch((failure: unknown) => failure)) as ConnectorError;
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.kind).toBe('auth');
    expect(error.transient).toBe(false);
  });

  it('a server that is down is a network error', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const freePort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = (await new FtpFileSystem(config({ port: freePort })).connect().catch((failure: unknown) => failure)) as ConnectorError;
    expect(error.kind).toBe('network');
    expect(error.transient).toBe(true);
  });

  it('testConnection reports the missing AllMySMS folders', async () => {
    await rm(server.realPath('INVALIDS'), { recursive: true });
    const result = await testConnection(config(), allMySmsFolders);
    expect(result.connected).toBe(true);
    if (!result.connected) return;
    expect(result.passwordTravelsInClear).toBe(true);
    expect(result.missingFolders).toEqual(['INVALIDS']);
  });
});

describe('exactly-once drop over FTP', () => {
  it('uploads as .tmp then renames to .csv; a retry after processing into ARCHIVES sends nothing', async () => {
    const request = nextDrop();
    expect(await runDrop(request)).toMatchObject({ outcome: 'uploaded', name: request.finalName });
    await expectExactlyOneCampaign(request.finalName, request.data);
    // AllMySMS moves it through PROCESSING to ARCHIVES with its TreatedByMSI_ prefix.
    await rename(server.realPath(`SEND_SMS/${request.finalName}`), server.realPath(`ARCHIVES/TreatedByMSI_${request.finalName}`));
    expect(await runDrop(request)).toEqual({ outcome: 'already-landed', folder: 'ARCHIVES', name: `TreatedByMSI_${request.finalName}` });
    expect(await server.names('SEND_SMS')).toEqual([]);
  });

  it('recognises a copy rejected into INVALIDS with a reason', async () => {
    const request = nextDrop();
    await server.mkdirs('INVALIDS');
    await rename(
      await (async () => {
        await runDrop(request);
        return server.realPath(`SEND_SMS/${request.finalName}`);
      })(),
      server.realPath(`INVALIDS/TreatedByMSI_Not_enough_credits_${request.finalName}`),
    );
    expect((await runDrop(request)).outcome).toBe('already-landed');
  });

  it('(c) connection cut mid-transfer → network error, then the retry lands one file and no temp', async () => {
    const request = nextDrop();
    server.faults.cutConnectionAfterBytes = 100_000;
    const error = (await runDrop(request).catch((failure: unknown) => failure)) as ConnectorError;
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.kind).toBe('network');
    delete server.faults.cutConnectionAfterBytes;
    expect((await runDrop(request)).outcome).toBe('uploaded');
    await expectExactlyOneCampaign(request.finalName, request.data);
  });

  it('(d) refused rename → name-refused, temp cleaned; the retry lands one file once allowed', async () => {
    const request = nextDrop();
    server.faults.refuseRename = true;
    const error = (await runDrop(request).catch((failure: unknown) => failure)) as ConnectorError;
    expect(error.kind).toBe('name-refused');
    expect(await server.names('SEND_SMS')).toEqual([]);
    server.faults.refuseRename = false;
    expect((await runDrop(request)).outcome).toBe('uploaded');
    await expectExactlyOneCampaign(request.finalName, request.data);
  });

  it('(e) full disk → server-full, temp cleaned; the retry lands one file once space is freed', async () => {
    const request = nextDrop();
    server.faults.diskFullAfterBytes = 60_000;
    const error = (await runDrop(request).catch((failure: unknown) => failure)) as ConnectorError;
    expect(error.kind).toBe('server-full');
    expect(error.transient).toBe(true);
    expect(await server.names('SEND_SMS')).toEqual([]);
    delete server.faults.diskFullAfterBytes;
    expect((await runDrop(request)).outcome).toBe('uploaded');
    await expectExactlyOneCampaign(request.finalName, request.data);
  });
});

describe.skipIf(!opensslAvailable())('explicit FTPS', () => {
  let secureServer: FtpTestServer;
  beforeAll(async () => {
    secureServer = await FtpTestServer.start({ tls: true });
    await secureServer.mkdirs(...allMySmsFolders);
  });
  afterAll(async () => {
    await secureServer.stop();
  });
  const secureConfig = (overrides: Partial<FtpConnectionConfig> = {}): FtpConnectionConfig => ({
    protocol: 'ftp',
    host: secureServer.host,
    port: secureServer.port,
    username: secureServer.username,
    password: secureServer.password,
    secure: true,
    trustedCertificatePem: secureServer.certificatePem!,
    timeoutMs: 5_000,
    ...overrides,
  });

  it('drops a file over AUTH TLS with the certificate trusted, password not in clear', async () => {
    const fs = new FtpFileSystem(secureConfig());
    expect(fs.protocol).toBe('ftps');
    expect(fs.passwordTravelsInClear).toBe(false);
    await fs.connect();
    try {
      const finalName = 'Secure_20250901093000_HQ.csv';
      const data = makeCampaignFile(80_000, 7);
      const result = await dropFileExactlyOnce({
        fs,
        folder: 'SEND_SMS',
        finalName,
        tempName: 'Secure_20250901093000_HQ.tmp',
        data,
        searchFolders: ['PROCESSING', 'ARCHIVES', 'INVALIDS'],
        recognise: recogniseAllMySms(finalName),
      });
      expect(result.outcome).toBe('uploaded');
      expect(await readFile(secureServer.realPath(`SEND_SMS/${finalName}`))).toEqual(data);
    } finally {
      await fs.close();
    }
  });

  it('an untrusted certificate fails as tls-failed before the password is sent', async () => {
    const before = secureServer.loginAttempts;
    const error = (await new FtpFileSystem(secureConfig({ trustedCertificatePem: undefined })).connect().catch((failure: unknown) => failure)) as ConnectorError;
    expect(error.kind).toBe('tls-failed');
    expect(error.transient).toBe(false);
    expect(secureServer.loginAttempts).toBe(before);
  });

  it('FTPS against a server without TLS fails as tls-failed', async () => {
    const error = (await new FtpFileSystem(config({ secure: true })).connect().catch((failure: unknown) => failure)) as ConnectorError;
    expect(error.kind).toBe('tls-failed');
  });
});
