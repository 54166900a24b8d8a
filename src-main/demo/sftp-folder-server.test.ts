import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2, { type ParsedKey } from 'ssh2';
import { SftpFileSystem } from '../connectors/sftp-file-system';
import { sha256Fingerprint } from '../connectors/host-key';
import { startSftpFolderServer, type SftpFolderServer } from './sftp-folder-server';
import { generateSshKeyPair } from './demo-host-key';

let root: string;
let server: SftpFolderServer;
let fingerprint: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dropdesk-folder-server-'));
  const hostKey = generateSshKeyPair();
  fingerprint = sha256Fingerprint((ssh2.utils.parseKey(hostKey.public) as ParsedKey).getPublicSSH());
  server = await startSftpFolderServer({ root, username: 'demo', password: 'demo-password', hostKey: hostKey.private });
});
afterAll(async () => {
  await server.stop();
  await rm(root, { recursive: true, force: true });
});

describe('the SFTP folder server (demo box and tests)', () => {
  it('listens on 127.0.0.1 with every fault hook off by default', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.faults).toEqual({});
  });

  it('serves its folder: upload, rename that never overwrites, list; the login is recorded', async () => {
    const fs = new SftpFileSystem({ protocol: 'sftp', host: server.host, port: server.port, username: 'demo', password: 'demo-password', pinnedHostKey: fingerprint, timeoutMs: 10_000 });
    await fs.connect();
    try {
      await writeFile(join(root, 'taken.csv'), 'already here\n');
      await fs.upload('/new.tmp', Buffer.from('MOBILE\n33612345678\n'));
      await expect(fs.rename('/new.tmp', '/taken.csv')).rejects.toMatchObject({ kind: 'name-refused' });
      await fs.rename('/new.tmp', '/new.csv');
      expect((await fs.list('/')).map((entry) => entry.name).sort()).toEqual(['new.csv', 'taken.csv']);
      expect(await readFile(join(root, 'taken.csv'), 'utf8')).toBe('already here\n');
      expect(server.authAttempts.some((attempt) => attempt.method === 'password' && attempt.username === 'demo')).toBe(true);
    } finally {
      await fs.close();
    }
  });
});
