import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConnectionService } from '../connections/connection-service';
import { createDemoRuntime } from './demo-runtime';
import { demoSetupMarkerPath, ensureDemoConnections } from './ensure-demo-connections';

describe('Mode démo at app start', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-demo-setup-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates the four sandbox connections once, and never brings back one the user deleted', async () => {
    const service = createConnectionService({ dataDir });
    const first = await ensureDemoConnections(service, dataDir);
    expect(first.created.map((connection) => [connection.name, connection.provider, connection.profile, connection.demo])).toEqual([
      ['Démo MediasFlow', 'demo-mediasflow', 'mediasflow-sftp', true],
      ['Démo AllMySMS', 'demo-allmysms', 'allmysms-ftp', true],
      ['Démo MediasFlow REST', 'demo-mediasflow-rest', 'mediasflow-rest', true],
      ['Démo iSendPro', 'demo-isendpro-mail', 'isendpro-mail', true],
    ]);
    expect((await ensureDemoConnections(service, dataDir)).created).toEqual([]);
    expect(await service.list()).toHaveLength(4);
    await service.remove(first.created[1].id);
    await service.remove(first.created[2].id);
    expect((await ensureDemoConnections(service, dataDir)).created).toEqual([]);
    expect((await service.list()).map((connection) => connection.name)).toEqual(['Démo iSendPro', 'Démo MediasFlow']);
  });

  it('keeps a name the user already took', async () => {
    const service = createConnectionService({ dataDir });
    await service.save({ name: 'Démo MediasFlow', provider: 'allmysms-ftp', host: 'ftp.example.fr', user: 'moi' });
    const { created } = await ensureDemoConnections(service, dataDir);
    expect(created.map((connection) => connection.name)).toEqual(['Démo MediasFlow 2', 'Démo AllMySMS', 'Démo MediasFlow REST', 'Démo iSendPro']);
  });

  it('a workspace set up before the REST and iSendPro sandboxes gets them once at its next start, beside the connections kept', async () => {
    const service = createConnectionService({ dataDir });
    // What the earlier version left: its marker, and the user deleted « Démo AllMySMS ».
    await service.save({ name: 'Démo MediasFlow', provider: 'demo-mediasflow' });
    await mkdir(join(dataDir, 'demo'), { recursive: true });
    await writeFile(demoSetupMarkerPath(dataDir), JSON.stringify({ formatVersion: 1, connectionsCreatedAt: '2026-06-01T08:00:00.000Z' }));
    const { created } = await ensureDemoConnections(service, dataDir, () => new Date('2026-12-01T09:00:00Z'));
    expect(created.map((connection) => connection.name)).toEqual(['Démo MediasFlow REST', 'Démo iSendPro']);
    expect((await service.list()).map((connection) => connection.provider).sort()).toEqual(['demo-isendpro-mail', 'demo-mediasflow', 'demo-mediasflow-rest']);
    expect(JSON.parse(await readFile(demoSetupMarkerPath(dataDir), 'utf8'))).toEqual({
      formatVersion: 2,
      connectionsCreatedAt: '2026-06-01T08:00:00.000Z',
      offered: ['demo-mediasflow', 'demo-allmysms', 'demo-mediasflow-rest', 'demo-isendpro-mail'],
      updatedAt: '2026-12-01T09:00:00.000Z',
    });
    expect((await ensureDemoConnections(service, dataDir)).created).toEqual([]);
    expect(await service.list()).toHaveLength(3);
  });

  it('does not duplicate a REST sandbox connection the user added by hand', async () => {
    const service = createConnectionService({ dataDir });
    await service.save({ name: 'Ma démo API', provider: 'demo-mediasflow-rest' });
    const { created } = await ensureDemoConnections(service, dataDir);
    expect(created.map((connection) => connection.provider)).toEqual(['demo-mediasflow', 'demo-allmysms', 'demo-isendpro-mail']);
    expect((await service.list()).filter((connection) => connection.provider === 'demo-mediasflow-rest')).toHaveLength(1);
  });

  it('serves the demo connections from the local drop boxes, host key trusted, and stops them', async () => {
    const demo = createDemoRuntime({ dataDir, log: () => {}, timings: { pollIntervalMs: 200 } });
    const service = createConnectionService({ dataDir, demo: demo.endpoints });
    try {
      const { created } = await ensureDemoConnections(service, dataDir);
      const mediasflow = created.find((connection) => connection.provider === 'demo-mediasflow')!;
      // Resolving starts the boxes on first use.
      const config = await service.resolveConfig(mediasflow.id);
      const running = demo.current()!;
      expect(config).toMatchObject({ protocol: 'sftp', host: '127.0.0.1', port: running.mediasflow.port, pinnedHostKey: running.mediasflow.hostKeyFingerprint });
      expect(await demo.start()).toBe(running);

      const sftp = await service.test(mediasflow.id);
      expect(sftp).toMatchObject({ connected: true, missingFolders: [] });
      const ftp = await service.test(created.find((connection) => connection.provider === 'demo-allmysms')!.id);
      expect(ftp).toMatchObject({ connected: true, missingFolders: [] });
      // The REST sandbox answers « Tester la connexion » (login + one read), nothing sent.
      const rest = await service.test(created.find((connection) => connection.provider === 'demo-mediasflow-rest')!.id);
      expect(rest).toMatchObject({ connected: true, protocol: 'http' });
    } finally {
      await demo.stop();
    }
    expect(demo.current()).toBeNull();
    await expect(demo.endpoints.resolve('demo-mediasflow')).rejects.toThrow(/arrêtés/);
    await demo.stop();
  });

  it('starts the boxes on first use only, stops them after a while without use unless a demo job awaits an answer, and starts them again', async () => {
    const started: string[] = [];
    const fake = async () => {
      const id = `boxes-${started.length + 1}`;
      started.push(id);
      const providers = {
        mediasflow: { protocol: 'sftp', host: '127.0.0.1', port: 1, username: 'demo', password: 'x', hostKeyFingerprint: 'SHA256:x', templates: [] },
        allmysms: { protocol: 'ftp', host: '127.0.0.1', port: 2, username: 'demo', password: 'x' },
        stopped: false,
        async stop() {
          providers.stopped = true;
        },
      };
      return providers as unknown as Awaited<ReturnType<NonNullable<Parameters<typeof createDemoRuntime>[0]['startProviders']>>>;
    };
    const demo = createDemoRuntime({ dataDir, log: () => {}, startProviders: fake, idleStopMs: 150 });
    let awaitingAnswer = true;
    demo.setInUseCheck(async () => awaitingAnswer);
    try {
      expect(demo.current()).toBeNull();
      expect(started).toEqual([]);
      await demo.endpoints.resolve('demo-mediasflow');
      const first = demo.current()!;
      expect(started).toEqual(['boxes-1']);
      // Idle, but a demo job still awaits its answer: the boxes stay.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(demo.current()).toBe(first);
      awaitingAnswer = false;
      await expect.poll(() => demo.current(), { timeout: 5_000 }).toBeNull();
      expect((first as unknown as { stopped: boolean }).stopped).toBe(true);
      await demo.endpoints.resolve('demo-allmysms');
      expect(started).toEqual(['boxes-1', 'boxes-2']);
    } finally {
      await demo.stop();
    }
  });

  it('keeps a random password in the workspace, the same at every start', async () => {
    const demo = createDemoRuntime({ dataDir, log: () => {}, timings: { pollIntervalMs: 200 } });
    let password: string;
    try {
      password = (await demo.endpoints.resolve('demo-mediasflow')).password;
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(password).not.toBe('demo');
      expect((await demo.endpoints.resolve('demo-allmysms')).password).toBe(password);
    } finally {
      await demo.stop();
    }
    const saved = JSON.parse(await readFile(join(dataDir, 'demo', 'credentials.json'), 'utf8'));
    expect(saved).toMatchObject({ username: 'demo', password });
    const again = createDemoRuntime({ dataDir, log: () => {}, timings: { pollIntervalMs: 200 } });
    try {
      expect((await again.endpoints.resolve('demo-mediasflow')).password).toBe(password);
    } finally {
      await again.stop();
    }
  });
});
