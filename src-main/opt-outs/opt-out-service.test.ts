import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOptOutService, optOutsBackupPath, optOutsFilePath } from './opt-out-service';

let dir: string;
const saves: (string | null)[] = [];
const opens: (string | null)[] = [];
const dialogs = { chooseOpenFile: async () => opens.shift() ?? null, chooseSaveFile: async () => saves.shift() ?? null };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dropdesk-opt-outs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('opt-out service', () => {
  it('adds, merges report entries (earliest wins), removes, and persists atomically', async () => {
    const changes: number[] = [];
    const service = createOptOutService({ dataDir: dir, dialogs, now: () => new Date('2024-12-01T10:00:00Z'), onChange: (list) => changes.push(list.entries.length) });
    await service.add({ number: '06 12 34 56 78' });
    await expect(service.add({ number: 'pas un numéro' })).rejects.toMatchObject({ code: 'opt-out-invalid-number' });
    const merged = await service.mergeFromReport([
      { number: '33612345678', reason: 'stop', code: 17, date: '2024-11-26T10:00:00.000Z', sourceCampaign: '636956' },
      { number: '33698765432', reason: 'blacklist', code: 14, date: '2024-11-26T10:00:00.000Z', sourceCampaign: '636956' },
    ]);
    expect(merged).toEqual({ added: 1, updated: 1 });
    const list = await service.read();
    expect(list.entries.map((entry) => [entry.number, entry.reason])).toEqual([
      ['33612345678', 'stop'],
      ['33698765432', 'blacklist'],
    ]);
    expect(JSON.parse(await readFile(optOutsFilePath(dir), 'utf8')).entries).toHaveLength(2);
    expect([...(await service.numberSet())]).toEqual(['33612345678', '33698765432']);
    await service.remove({ numbers: ['+33 6 98 76 54 32'] });
    expect((await service.read()).entries).toHaveLength(1);
    expect(changes).toEqual([1, 2, 1]);
  });

  it('exports then imports through the dialogs, reporting unreadable lines', async () => {
    const service = createOptOutService({ dataDir: dir, dialogs, now: () => new Date('2024-12-01T10:00:00Z') });
    await service.add({ number: '+33 6 12 34 56 78' });
    const exported = join(dir, 'export.csv');
    saves.push(exported);
    expect(await service.exportToDialog()).toEqual({ path: exported, count: 1 });
    const other = join(dir, 'import.csv');
    await writeFile(other, 'Numéro\n07 81 23 45 67\nabc\n+32 470 12 34 56\n');
    opens.push(other);
    expect(await service.importFromDialog()).toEqual({ added: 2, updated: 0, rejected: [{ line: 3, value: 'abc' }], total: 3 });
    const fresh = createOptOutService({ dataDir: join(dir, 'other') });
    opens.push(exported);
    expect(await createOptOutService({ dataDir: join(dir, 'other'), dialogs }).importFromDialog()).toMatchObject({ added: 1, total: 1 });
    expect((await fresh.read()).entries[0]).toMatchObject({ number: '33612345678', reason: 'manual' });
    expect(await service.importFromDialog()).toBeNull();
  });

  describe('fails closed', () => {
    it('reads a missing file as an empty list', async () => {
      const service = createOptOutService({ dataDir: dir });
      expect(await service.read()).toEqual({ entries: [] });
      expect(await service.status()).toEqual({ readable: true, problem: null, entries: 0, backup: null });
    });

    it.each([
      ['bad JSON', '{"formatVersion":1,"entries":[{"number":"336'],
      ['a foreign shape', '{"entries":"none"}'],
      ['a bad entry', '{"formatVersion":1,"entries":[{"number":"pas un numéro","reason":"stop","code":17,"date":"x","sourceCampaign":null}]}'],
    ])('refuses every read and change of a file with %s, and never overwrites it', async (_label, content) => {
      await writeFile(optOutsFilePath(dir), content);
      const service = createOptOutService({ dataDir: dir });
      const unreadable = { code: 'opt-outs-unreadable', message: expect.stringContaining("La liste d'opposition est illisible : aucun envoi tant qu'elle n'est pas réparée") };
      await expect(service.read()).rejects.toMatchObject(unreadable);
      await expect(service.numberSet()).rejects.toMatchObject(unreadable);
      await expect(service.add({ number: '06 12 34 56 78' })).rejects.toMatchObject(unreadable);
      await expect(service.mergeFromReport([{ number: '33612345678', reason: 'stop', code: 17, date: '2024-11-26T10:00:00.000Z', sourceCampaign: '1' }])).rejects.toMatchObject(unreadable);
      await expect(service.remove({ numbers: ['33612345678'] })).rejects.toMatchObject(unreadable);
      const other = join(dir, 'import.csv');
      await writeFile(other, 'Numéro\n07 81 23 45 67\n');
      await expect(service.importFile(other)).rejects.toMatchObject(unreadable);
      expect(await readFile(optOutsFilePath(dir), 'utf8')).toBe(content);
      expect(await service.status()).toMatchObject({ readable: false, entries: null, backup: null });
    });

    it('keeps the last good copy beside the list and restores it, the damaged file kept aside', async () => {
      const service = createOptOutService({ dataDir: dir, now: () => new Date('2024-12-01T10:00:00Z') });
      await service.add({ number: '06 12 34 56 78' });
      await service.add({ number: '07 81 23 45 67' });
      expect(JSON.parse(await readFile(optOutsBackupPath(dir), 'utf8')).entries).toHaveLength(2);
      await expect(service.restoreBackup()).rejects.toMatchObject({ code: 'opt-outs-readable' });
      await writeFile(optOutsFilePath(dir), 'garbage');
      expect(await service.status()).toMatchObject({ readable: false, backup: { entries: 2 } });
      expect((await service.restoreBackup()).entries.map((entry) => entry.number)).toEqual(['33612345678', '33781234567']);
      expect((await service.read()).entries).toHaveLength(2);
      const aside = (await readdir(dir)).filter((name) => name.startsWith('opt-outs.json.illisible-'));
      expect(aside).toHaveLength(1);
      expect(await readFile(join(dir, aside[0]), 'utf8')).toBe('garbage');
    });

    it('is repaired from a CSV when no copy is usable', async () => {
      await writeFile(optOutsFilePath(dir), '{');
      const service = createOptOutService({ dataDir: dir, dialogs, now: () => new Date('2024-12-01T10:00:00Z') });
      await expect(service.restoreBackup()).rejects.toMatchObject({ code: 'opt-outs-no-backup' });
      const csv = join(dir, 'export.csv');
      await writeFile(csv, 'Numéro\n07 81 23 45 67\n+32 470 12 34 56\n');
      opens.push(csv);
      expect(await service.replaceFromDialog()).toEqual({ added: 2, updated: 0, rejected: [], total: 2 });
      expect((await service.read()).entries.map((entry) => entry.number)).toEqual(['32470123456', '33781234567']);
      expect(await service.status()).toMatchObject({ readable: true, entries: 2, backup: { entries: 2 } });
    });
  });
});
