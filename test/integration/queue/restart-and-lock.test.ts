import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFile, writeFile, rm, access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childScriptArgs } from '../bundled-child';
import { SftpTestServer } from '../servers/sftp-test-server';
import { createRemoteFileSystem } from '../../../src-main/connectors/create-remote-file-system';
import type { RemoteFileSystem } from '../../../src-main/connectors/remote-file-system';
import { listCsv, makeWorkspace } from './queue-harness';

const childScript = fileURLToPath(new URL('./queue-child.ts', import.meta.url));
let server: SftpTestServer;
let workspace: Awaited<ReturnType<typeof makeWorkspace>>;

beforeAll(async () => {
  server = await SftpTestServer.start();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await server.mkdirs('/Campagnes/SMS');
  workspace = await makeWorkspace({ MF_PASSWORD: server.password });
  await writeFile(workspace.listFile, listCsv(400));
  await workspace.addConnection({
    name: 'MF',
    provider: 'mediasflow-sftp',
    host: server.host,
    port: server.port,
    user: server.username,
    passwordEnv: 'MF_PASSWORD',
    hostKey: server.hostKeyFingerprint,
  });
});
afterEach(async () => {
  for (const key of Object.keys(server.faults)) delete (server.faults as Record<string, unknown>)[key];
  await workspace.cleanup();
  await rm(server.realPath('/Campagnes'), { recursive: true, force: true });
});

describe('restart and locks', () => {
  it('a queue process killed mid-upload: a new instance on the same data folder resumes with the same name, one file, no temporary left', async () => {
    const queue = workspace.newQueue({ clock: { now: () => new Date() } });
    const { jobs, prepared } = await workspace.drop(queue, { connection: 'MF', campaignName: 'Reprise', templateId: '77' });
    const id = jobs[0].id;
    server.faults.stallWritesAfterBytes = 2_000;
    const stalled = new Promise<void>((resolve) => server.once('write-stalled', () => resolve()));
    const child = spawn(process.execPath, [...(await childScriptArgs(childScript)), JSON.stringify({ dataDir: workspace.dataDir, env: { MF_PASSWORD: server.password } })], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await stalled;
    const midway = JSON.parse(await readFile(join(workspace.dataDir, 'queue', `${id}.json`), 'utf8'));
    expect(midway.job.state).toBe('uploading');
    await access(join(workspace.dataDir, 'queue', `${id}.lock`));
    child.kill('SIGKILL');
    await exited;
    delete server.faults.stallWritesAfterBytes;
    expect((await server.names('/Campagnes/SMS')).some((name) => name.endsWith('.tmp'))).toBe(true);

    // The app starts again: the dead process's lock is taken over, the upload resumes under the persisted name.
    await queue.runOnce();
    const job = await queue.get(id);
    expect(job.state).toBe('awaiting-ack');
    expect(job.remoteName).toBe(midway.job.remoteName);
    expect(job.history.map((entry) => entry.note).filter(Boolean)).toContain('interrupted');
    expect(await server.names('/Campagnes/SMS')).toEqual([midway.job.remoteName]);
    const landed = await readFile(server.realPath(`/Campagnes/SMS/${job.remoteName}`));
    expect(landed.equals(prepared.parts[0].data)).toBe(true);
  }, 30_000);

  it('two queue instances never work on one job at once; a cancel asked from the other one is applied before the rename', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let uploadStarted!: () => void;
    const started = new Promise<void>((resolve) => (uploadStarted = resolve));
    // Instance A pauses inside the upload (a slow line); B is the CLI next to it.
    const slowFactory = (config: Parameters<typeof createRemoteFileSystem>[0]): RemoteFileSystem => {
      const real = createRemoteFileSystem(config);
      return new Proxy(real, {
        get(target, property, receiver) {
          if (property === 'upload') {
            return async (...args: Parameters<RemoteFileSystem['upload']>) => {
              uploadStarted();
              await gate;
              return target.upload(...args);
            };
          }
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    };
    const a = workspace.newQueue({ fileSystemFactory: slowFactory });
    const b = workspace.newQueue();
    const { jobs } = await workspace.drop(a, { connection: 'MF', campaignName: 'Verrou', templateId: '77' });
    const id = jobs[0].id;
    const running = a.runOnce();
    await started;
    const fromB = await b.runOnce({ pollAllAcks: true });
    expect(fromB.busy).toEqual([id]);
    expect(fromB.worked).toEqual([]);
    await expect(b.retry(id)).rejects.toMatchObject({ code: 'job-busy' });
    const cancel = await b.cancel(id);
    expect(cancel.cancelPending).toBe(true);
    release();
    await running;
    const job = await b.get(id);
    expect(job.state).toBe('cancelled');
    expect(job.history.filter((entry) => entry.event === 'start-upload')).toHaveLength(1);
    expect(await server.names('/Campagnes/SMS')).toEqual([]);
  });
});
