import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCampaignStore } from './campaign-store';

describe('campaign store', () => {
  let dataDir: string;
  let clock = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1, 8, 0, clock++)).toISOString();

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-campaigns-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('creates, reads, updates and deletes drafts as JSON files', async () => {
    const store = createCampaignStore(dataDir, { now });
    const draft = await store.create({ name: 'Soldes d’été', listId: 'l1' });
    expect(draft).toMatchObject({ name: 'Soldes d’été', listId: 'l1', channel: 'sms', type: 'marketing', message: '', maxSegments: 10, allowUcs2: true });
    expect(draft.id).toMatch(/^[a-z0-9]+$/);

    const onDisk = JSON.parse(await readFile(join(dataDir, 'campaigns', `${draft.id}.json`), 'utf8'));
    expect(onDisk).toEqual(draft);

    const updated = await store.update(draft.id, { message: 'Bonjour ${Prénom}', defaultForHeader: { Prénom: 'client' } });
    expect(updated).toMatchObject({ message: 'Bonjour ${Prénom}', defaultForHeader: { Prénom: 'client' }, createdAt: draft.createdAt });
    expect(updated.updatedAt > draft.updatedAt).toBe(true);

    // An update that changes nothing keeps the timestamp.
    expect((await store.update(draft.id, { message: 'Bonjour ${Prénom}' })).updatedAt).toBe(updated.updatedAt);

    await store.delete(draft.id);
    await expect(store.get(draft.id)).rejects.toMatchObject({ code: 'campaign-not-found' });
    expect(await store.list()).toEqual([]);
  });

  it('reopens what was saved (a restart) and lists the most recent first', async () => {
    const first = createCampaignStore(dataDir, { now });
    const a = await first.create({ name: 'A' });
    const b = await first.create({ name: 'B' });
    await first.update(a.id, { sender: 'MAGASIN' });

    const reopened = createCampaignStore(dataDir, { now });
    expect((await reopened.list()).map((meta) => meta.name)).toEqual(['A', 'B']);
    expect(await reopened.get(a.id)).toMatchObject({ sender: 'MAGASIN' });
    expect(await reopened.get(b.id)).toMatchObject({ name: 'B' });
  });

  it('keeps rapid autosaves in order and leaves no temporary file', async () => {
    const store = createCampaignStore(dataDir, { now });
    const draft = await store.create({ name: 'Rapide' });
    const typed = 'Bonjour à tous';
    await Promise.all([...typed].map((_, i) => store.update(draft.id, { message: typed.slice(0, i + 1) })));
    expect((await store.get(draft.id)).message).toBe(typed);
    expect(await readdir(join(dataDir, 'campaigns'))).toEqual([`${draft.id}.json`]);
  });

  it('skips an unreadable draft instead of hiding the others, and refuses ids that are not ours', async () => {
    const store = createCampaignStore(dataDir, { now, log: () => {} });
    const good = await store.create({ name: 'Bon' });
    await writeFile(join(dataDir, 'campaigns', 'cbroken000000.json'), '{ not json');
    expect((await store.list()).map((meta) => meta.id)).toEqual([good.id]);
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'campaign-not-found' });
  });
});
