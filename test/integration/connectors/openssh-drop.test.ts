/**
 * The SFTP connector and the exactly-once drop against Debian's real OpenSSH
 * sshd (internal-sftp) started on 127.0.0.1 by the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { SftpFileSystem } from '../../../src-main/connectors/sftp-file-system';
import { probeHostKey } from '../../../src-main/connectors/host-key';
import { ConnectorError } from '../../../src-main/connectors/connector-error';
import { testConnection } from '../../../src-main/connectors/test-connection';
import { dropFileExactlyOnce } from '../../../src-main/connectors/exactly-once-upload';
import type { SftpConnectionConfig } from '../../../src-main/connectors/connection-config';
import { OpenSshTestServer, sshdUnavailableReason } from '../servers/openssh-test-server';
import { CuttingProxy } from '../servers/cutting-proxy';
import { generateSshKeyPair } from '../../../src-main/demo/demo-host-key';
import { makeCampaignFile, recogniseByIdDelivery } from './campaign-file';

const unavailable = sshdUnavailableReason();
if (unavailable) console.warn(`Skipping the OpenSSH sshd tests: ${unavailable}`);

describe.skipIf(unavailable !== null)('Debian OpenSSH sshd', () => {
  let sshd: OpenSshTestServer;
  let sms: string;
  let acks: string[];

  const config = (overrides: Partial<SftpConnectionConfig> = {}): SftpConnectionConfig => ({
    protocol: 'sftp',
    host: sshd.host,
    port: sshd.port,
    username: sshd.username,
    privateKey: sshd.clientPrivateKey,
    pinnedHostKey: sshd.hostKeyFingerprint,
    timeoutMs: 5_000,
    ...overrides,
  });

  beforeAll(async () => {
    sshd = await OpenSshTestServer.start();
    sms = join(sshd.dropRoot, 'Campagnes', 'SMS');
    acks = [join(sms, 'TRAITEMENT OK'), join(sms, 'TRAITEMENT KO')];
    await mkdir(sms, { recursive: true });
    await mkdir(join(sshd.dropRoot, 'Campagnes', 'VMS'));
    await mkdir(join(sshd.dropRoot, 'Campagnes', 'Report'));
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('probeHostKey gives the same fingerprint as ssh-keygen -lf', async () => {
    const probe = await probeHostKey(sshd.host, sshd.port);
    expect(probe.keyType).toBe('ssh-ed25519');
    expect(probe.fingerprint).toBe(sshd.hostKeyFingerprint);
    const keygen = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', join(sshd.scratch, 'host_key.pub')], { encoding: 'utf8' });
    expect(keygen.split(' ')[1]).toBe(probe.fingerprint);
  });

  it('unknown and changed host keys are refused before authentication', async () => {
    const unknown = await new SftpFileSystem(config({ pinnedHostKey: null })).connect().catch((error: unknown) => error);
    expect(unknown).toMatchObject({ kind: 'host-key-unknown', params: { fingerprint: sshd.hostKeyFingerprint } });
    const changed = await new SftpFileSystem(config({ pinnedHostKey: 'SHA256:Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm8' })).connect().catch((error: unknown) => error);
    expect(changed).toMatchObject({ kind: 'host-key-mismatch' });
  });

  it('a key the server does not know is an auth error', async () => {
    const stranger = generateSshKeyPair().private;
    const error = (await new SftpFileSystem(config({ privateKey: stranger })).connect().catch((failure: unknown) => failure)) as ConnectorError;
    expect(error.kind).toBe('auth');
  });

  it('testConnection finds the MediasFlow folders', async () => {
    const expected = ['SMS', 'VMS', 'Report', 'Absent'].map((name) => join(sshd.dropRoot, 'Campagnes', name));
    const result = await testConnection(config(), expected);
    expect(result.connected, JSON.stringify(result)).toBe(true);
    if (result.connected) expect(result.missingFolders).toEqual([expected[3]]);
  });

  it('drops a campaign end to end exactly once', async () => {
    const data = makeCampaignFile(300_000, 11);
    const finalName = '5555-DDOPENSSH1-Réveil_20250901093000.csv';
    const request = { folder: sms, finalName, tempName: `${finalName}.tmp`, data, searchFolders: acks, recognise: recogniseByIdDelivery('DDOPENSSH1') };
    const fs = new SftpFileSystem(config());
    await fs.connect();
    try {
      let lastProgress = 0;
      const first = await dropFileExactlyOnce({ ...request, fs, onProgress: (bytes) => (lastProgress = bytes) });
      expect(first.outcome).toBe('uploaded');
      expect(lastProgress).toBe(data.length);
      expect(await dropFileExactlyOnce({ ...request, fs })).toMatchObject({ outcome: 'already-landed', name: finalName });
    } finally {
      await fs.close();
    }
    expect((await readdir(sms)).filter((name) => name.includes('DDOPENSSH1'))).toEqual([finalName]);
    expect(await readFile(join(sms, finalName))).toEqual(data);
  });

  it('a cut mid-transfer through a relay, then a retry: one file, no temp', async () => {
    const proxy = await CuttingProxy.start(sshd.port);
    try {
      const data = makeCampaignFile(300_000, 12);
      const finalName = '5555-DDOPENSSH2-Réveil_20250901093000.csv';
      const request = { folder: sms, finalName, tempName: `${finalName}.tmp`, data, searchFolders: acks, recognise: recogniseByIdDelivery('DDOPENSSH2') };
      const viaProxy = config({ port: proxy.port });

      const first = new SftpFileSystem(viaProxy);
      await first.connect();
      proxy.cutAfterClientBytes = 150_000;
      const error = (await dropFileExactlyOnce({ ...request, fs: first }).catch((failure: unknown) => failure)) as ConnectorError;
      await first.close();
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error.kind).toBe('network');
      expect(proxy.cuts).toBe(1);
      expect((await readdir(sms)).filter((name) => name.includes('DDOPENSSH2'))).toEqual([request.tempName]);

      proxy.cutAfterClientBytes = undefined;
      const second = new SftpFileSystem(viaProxy);
      await second.connect();
      try {
        expect((await dropFileExactlyOnce({ ...request, fs: second })).outcome).toBe('uploaded');
      } finally {
        await second.close();
      }
      expect((await readdir(sms)).filter((name) => name.includes('DDOPENSSH2'))).toEqual([finalName]);
      expect(await readFile(join(sms, finalName))).toEqual(data);
    } finally {
      await proxy.stop();
    }
  });
});
