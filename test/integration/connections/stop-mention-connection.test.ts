/**
 * The per-account STOP mention (issue 9 §4): set from the CLI
 * (`connection add --stop-mention`), saved with the connection, validated by
 * main and the IPC schema, and used by the drop check of a custom sender.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSchemas } from '@shared/ipc/schemas';
import { runCli } from '../../../src-main/cli/main';
import { createConnectionService } from '../../../src-main/connections/connection-service';
import { unavailableCipher } from '../../../src-main/connections/connection-types';
import { prepareDrop } from '../../../src-main/drops/prepare-drop';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-stop-mention-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), stdin: new PassThrough() });
  return { code, stdout, stderr };
}

const add = (name: string, ...extra: string[]) =>
  cli('connection', 'add', '--name', name, '--provider', 'allmysms-ftp', '--host', '127.0.0.1', '--port', '2121', '--user', 'u', '--password-env', 'AMS_PASSWORD', ...extra, '--data-dir', dataDir, '--json');

describe('STOP mention per connection', () => {
  it('is set by connection add --stop-mention and saved with the connection', async () => {
    const added = await add('AMS', '--stop-mention', 'STOP au 36184');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout).connection.stopMention).toBe('STOP au 36184');
    const onDisk = JSON.parse(await readFile(join(dataDir, 'connections.json'), 'utf8'));
    expect(onDisk.connections.find((connection: { name: string }) => connection.name === 'AMS').stopMention).toBe('STOP au 36184');
  });

  it('defaults to none (the provider’s mention) and refuses a mention without its short number', async () => {
    const plain = await add('AMS default');
    expect(JSON.parse(plain.stdout).connection.stopMention).toBeNull();
    const refused = await add('AMS bad', '--stop-mention', 'Désinscription');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain("n'est pas une mention STOP");
  });

  it('is validated by the IPC schema, and kept when an edit leaves it out', async () => {
    expect(requestSchemas['connections:save'].safeParse({ name: 'X', provider: 'demo-allmysms', stopMention: 'STOP au 36184' }).success).toBe(true);
    expect(requestSchemas['connections:save'].safeParse({ name: 'X', provider: 'demo-allmysms', stopMention: '' }).success).toBe(true);
    expect(requestSchemas['connections:save'].safeParse({ name: 'X', provider: 'demo-allmysms', stopMention: 'STOP' }).success).toBe(false);
    const service = createConnectionService({ dataDir, cipher: unavailableCipher, env: {} });
    const demo = await service.save({ name: 'Démo', provider: 'demo-allmysms', stopMention: ' STOP au 36105 ' });
    expect(demo.connection.stopMention).toBe('STOP au 36105');
    const renamed = await service.save({ id: demo.connection.id, name: 'Démo AllMySMS', provider: 'demo-allmysms' });
    expect(renamed.connection.stopMention).toBe('STOP au 36105');
    const reset = await service.save({ id: demo.connection.id, name: 'Démo AllMySMS', provider: 'demo-allmysms', stopMention: '' });
    expect(reset.connection.stopMention).toBeNull();
  });

  it('is the mention the drop check asks for with a custom AllMySMS sender', async () => {
    const service = createConnectionService({ dataDir, cipher: unavailableCipher, env: {} });
    const list = new TextEncoder().encode('MOBILE;PRENOM\r\n06 12 34 56 78;Zoé\r\n');
    const prepare = (connection: string, message: string) =>
      prepareDrop(
        { list: { fileName: 'clients.csv', bytes: list }, connection, channel: 'sms', campaignName: 'Soldes', type: 'notification', message: { text: message, sender: 'Garage' } },
        { dataDir, connections: service, now: () => new Date('2024-11-26T09:00:00Z') },
      );
    const codes = async (connection: string, message: string) => (await prepare(connection, message)).summary.warnings.map((warning) => warning.code);
    // The account says 36184: its mention passes, the spec's default does not.
    expect(await codes('AMS', 'Votre voiture est prête STOP au 36184')).not.toContain('sender-needs-stop');
    const warned = await prepare('AMS', 'Votre voiture est prête STOP au 36180');
    expect(warned.summary.warnings.find((warning) => warning.code === 'sender-needs-stop')).toMatchObject({ params: { mention: 'STOP au 36184' } });
    // No mention set: the spec's "STOP au 36180".
    expect(await codes('AMS default', 'Votre voiture est prête STOP au 36180')).not.toContain('sender-needs-stop');
    expect(await codes('AMS default', 'Votre voiture est prête STOP au 36184')).toContain('sender-needs-stop');
  });
});
