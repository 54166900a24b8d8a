import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSettingsStore } from './file-settings-store';

describe('file settings store (browser mode)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dropdesk-settings-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps the settings in settings.json, in electron-store’s layout, across restarts', async () => {
    const store = createFileSettingsStore(dir);
    expect(store.get().language).toBe('fr');
    store.update({ language: 'en' });
    store.update({ lastFolders: { 'list-import': '/home/marie' } });
    await store.flush();
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { settings: { language: string } };
    expect(onDisk.settings.language).toBe('en');
    const reopened = createFileSettingsStore(dir);
    expect(reopened.get()).toMatchObject({ language: 'en', lastFolders: { 'list-import': '/home/marie' } });
  });
});
