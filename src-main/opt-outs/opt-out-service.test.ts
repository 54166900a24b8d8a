import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOptOutService, optOutsFilePath } from './opt-out-service';

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
});
