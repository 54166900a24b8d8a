/**
 * A drop reads the list the screen shows: edits go to the list service at
 * once but reach the disk a moment later (debounced save), so a drop that
 * read the saved file could still send a row deleted just before "Envoyer".
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../create-handlers';
import { dispatchRequest } from '../ipc/handler-map';
import type { MainDeps } from '../main-deps';
import { createMainServices } from '../main-services';
import { createMemorySettingsStore } from '../settings/memory-settings-store';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-drop-list-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('drops read the list service’s document', () => {
  it('sends an edit and a deletion made an instant before the drop', async () => {
    const deps: MainDeps = { dataDir, appVersion: 'test', settings: createMemorySettingsStore(), log: () => {}, emit: () => {}, dialogs: { chooseOpenFile: async () => null, chooseSaveFile: async () => null } };
    const services = createMainServices(deps);
    const handlers = createHandlers(deps, services);
    const call = async (channel: string, input: unknown) => {
      const result = await dispatchRequest(handlers, channel, input, () => {});
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as never;
    };
    const bytes = new TextEncoder().encode('Nom;Portable\r\nÉlodie;06 12 34 56 78\r\nPaul;01 23 45 67 89\r\nLoïc;06 98 76 54 32\r\n');
    const list: { id: string } = await call('lists:import-bytes', { fileName: 'clients.csv', bytes });
    const { connection } = await services.connections.save({ name: 'MF', provider: 'mediasflow-sftp', host: '127.0.0.1', port: 22, user: 'u', passwordEnv: 'NONE', hostKey: 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s' });
    await call('lists:edit', { id: list.id, edit: { type: 'set-cell', row: 1, column: 1, value: '06 44 55 66 77' } });
    await call('lists:edit', { id: list.id, edit: { type: 'delete-rows', rows: [2] } });
    const { jobs }: { jobs: { id: string }[] } = await call('drops:submit', { listId: list.id, connectionId: connection.id, campaignName: 'Vite', templateId: '1001', type: 'notification' });
    const folder = join(dataDir, 'queue', jobs[0].id);
    const [file] = await readdir(folder);
    expect((await readFile(join(folder, file), 'utf8')).trim().split('\r\n')).toEqual(['Nom;PORTABLE', 'Élodie;33612345678', 'Paul;33644556677']);
    await services.lists.flush();
  });
});
