import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConnectionService } from '../connections/connection-service';
import { createDemoRuntime } from './demo-runtime';
import { ensureDemoConnections } from './ensure-demo-connections';

describe('Mode démo at app start', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-demo-setup-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates the two sandbox connections once, and never brings back one the user deleted', async () => {
    const service = createConnectionService({ dataDir });
    const first = await ensureDemoConnections(service, dataDir);
    expect(first.created.map((connection) => [connection.name, connection.provider, connection.demo])).toEqual([
      ['Démo MediasFlow', 'demo-mediasflow', true],
      ['Démo AllMySMS', 'demo-allmysms', true],
    ]);
    expect((await ensureDemoConnections(service, dataDir)).created).toEqual([]);
    await service.remove(first.created[1].id);
    expect((await ensureDemoConnections(service, dataDir)).created).toEqual([]);
    expect((await service.list()).map((connection) => connection.name)).toEqual(['Démo MediasFlow']);
  });

  it('keeps a name the user already took', async () => {
    const service = createConnectionService({ dataDir });
    await service.save({ name: 'Démo MediasFlow', provider: 'allmysms-ftp', host: 'ftp.example.fr', user: 'moi' });
    const { created } = await ensureDemoConnections(service, dataDir);
    expect(created.map((connection) => connection.name)).toEqual(['Démo MediasFlow 2', 'Démo AllMySMS']);
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
    } finally {
      await demo.stop();
    }
    expect(demo.current()).toBeNull();
    await expect(demo.endpoints.resolve('demo-mediasflow')).rejects.toThrow(/arrêtés/);
    await demo.stop();
  });
});
