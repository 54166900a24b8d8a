/**
 * A MediasFlow connection's staging folder (set on the connection, in the
 * app or the CLI): the temporary file is uploaded there, outside the drop
 * folder, then renamed into /Campagnes/SMS; the drop folder never holds a
 * '.tmp'.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src-main/cli/main';
import { createRemoteFileSystem } from '../../../src-main/connectors/create-remote-file-system';
import type { ConnectionConfig } from '../../../src-main/connectors/connection-config';
import { SftpTestServer } from '../servers/sftp-test-server';
import { makeWorkspace } from './queue-harness';

let server: SftpTestServer;
let workspace: Awaited<ReturnType<typeof makeWorkspace>>;

beforeAll(async () => {
  server = await SftpTestServer.start();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await server.mkdirs('/Campagnes/SMS', '/Campagnes/VMS', '/Attente');
  workspace = await makeWorkspace({ MF_PASSWORD: server.password });
});
afterEach(async () => {
  await workspace.cleanup();
  await rm(server.realPath('/Campagnes'), { recursive: true, force: true });
  await rm(server.realPath('/Attente'), { recursive: true, force: true });
});

describe('MediasFlow staging folder', () => {
  it('is checked when the connection is saved', async () => {
    const base = { name: 'MF', provider: 'mediasflow-sftp' as const, host: server.host, port: server.port, user: server.username, passwordEnv: 'MF_PASSWORD' };
    await expect(workspace.addConnection({ ...base, stagingFolder: '/Campagnes/SMS/tmp' })).rejects.toMatchObject({ code: 'staging-folder-inside-provider', params: { field: 'stagingFolder' } });
    await expect(workspace.addConnection({ ...base, stagingFolder: 'Attente' })).rejects.toMatchObject({ code: 'staging-folder-not-absolute' });
    const saved = await workspace.addConnection({ ...base, stagingFolder: ' /Attente/ ' });
    expect(saved.connection.stagingFolder).toBe('/Attente');
    const allmysms = await workspace.addConnection({ ...base, name: 'AM', provider: 'allmysms-sftp', stagingFolder: '/Attente' });
    expect(allmysms.connection.stagingFolder).toBeNull();
  });

  it('uploads the temporary file there, then renames it into the drop folder', async () => {
    await workspace.addConnection({ name: 'MF', provider: 'mediasflow-sftp', host: server.host, port: server.port, user: server.username, passwordEnv: 'MF_PASSWORD', hostKey: server.hostKeyFingerprint, stagingFolder: '/Attente' });
    const calls: string[] = [];
    const queue = workspace.newQueue({
      fileSystemFactory: (config: ConnectionConfig) => {
        const fs = createRemoteFileSystem(config);
        return {
          ...fs,
          connect: () => fs.connect(),
          close: () => fs.close(),
          list: (folder) => fs.list(folder),
          stat: (path) => fs.stat(path),
          mkdirp: (folder) => fs.mkdirp(folder),
          upload: (path, source, options) => (calls.push(`upload ${path}`), fs.upload(path, source, options)),
          rename: (from, to) => (calls.push(`rename ${from} → ${to}`), fs.rename(from, to)),
          remove: (path) => fs.remove(path),
          download: (path, destination) => fs.download(path, destination),
          readText: (path, maxBytes) => fs.readText(path, maxBytes),
        };
      },
    });
    await workspace.drop(queue, { connection: 'MF', campaignName: 'Attente', templateId: '2725' });
    await queue.runOnce();
    const [name] = await server.names('/Campagnes/SMS');
    expect(name).toMatch(/^2725-.*\.csv$/);
    expect(calls).toEqual([`upload /Attente/${name.replace(/\.csv$/, '.tmp')}`, `rename /Attente/${name.replace(/\.csv$/, '.tmp')} → /Campagnes/SMS/${name}`]);
    expect(await server.names('/Attente')).toEqual([]);
  });

  it('is set by the CLI with connection add --staging-folder', async () => {
    let stdout = '';
    const code = await runCli(
      ['connection', 'add', '--name', 'MF', '--provider', 'mediasflow-sftp', '--host', server.host, '--port', String(server.port), '--user', 'u', '--password-env', 'MF_PASSWORD', '--staging-folder', '/Attente', '--data-dir', workspace.dataDir, '--json'],
      { stdout: (text) => void (stdout += text), stderr: () => {}, stdin: new PassThrough() },
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).connection.stagingFolder).toBe('/Attente');
  });
});
