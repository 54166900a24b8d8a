/**
 * The reopen cache (list-cache.ts): a big list reopens from it with exactly
 * the rows, checks and figures a full read of its CSV gives, without parsing
 * or validating anything; a cache of another revision or number rule, or a
 * damaged one, is ignored and the CSV is read as before.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MainDeps } from '../main-deps';
import { createMemorySettingsStore } from '../settings/memory-settings-store';
import { createListService, type ListService } from './list-service';
import { readListFixture } from '../../test/fixtures/lists/read-list-fixture';
import { rowArrays } from '@shared/lists/list-rows';

const mainCalls = vi.hoisted(() => ({ parses: 0, checks: 0 }));

vi.mock('@shared/lists/parse-csv', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@shared/lists/parse-csv')>();
  return {
    ...actual,
    parseSavedCsv: (...args: Parameters<typeof actual.parseSavedCsv>) => {
      mainCalls.parses++;
      return actual.parseSavedCsv(...args);
    },
  };
});
vi.mock('@shared/lists/list-state', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@shared/lists/list-state')>();
  return {
    ...actual,
    createListState: (...args: Parameters<typeof actual.createListState>) => {
      mainCalls.checks++;
      return actual.createListState(...args);
    },
  };
});

let dataDir: string;
let services: ListService[] = [];

function newService(workerThresholdBytes: number): ListService {
  const deps: MainDeps = {
    dataDir,
    appVersion: 'test',
    settings: createMemorySettingsStore(),
    log: () => {},
    emit: () => {},
    dialogs: { chooseOpenFile: async () => null, chooseSaveFile: async () => null },
  };
  const service = createListService(deps, { saveDelayMs: 10, workerThresholdBytes });
  services.push(service);
  return service;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-list-cache-'));
  mainCalls.parses = 0;
  mainCalls.checks = 0;
});

afterEach(async () => {
  await Promise.all(services.map((service) => service.flush()));
  services = [];
  await rm(dataDir, { recursive: true, force: true });
});

async function everything(service: ListService, id: string) {
  return {
    view: await service.open(id),
    snapshot: await service.snapshot(id).then((snapshot) => ({ ...snapshot, document: { ...snapshot.document, rows: rowArrays(snapshot.document.rows) } })),
    page: await service.rows({ id, offset: 0, limit: 100, filter: 'all' }),
    invalid: await service.rows({ id, offset: 0, limit: 100, filter: 'invalid' }),
  };
}

const cacheFiles = async () => (await readdir(join(dataDir, 'list-cache')).catch(() => [] as string[])).filter((name) => name.endsWith('.bin'));

describe('reopen cache', () => {
  it('reopens an edited list from its cache exactly as a full read of the CSV, parsing and validating nothing', async () => {
    const first = newService(0);
    const { id } = await first.importBytes('excel-windows-1252.csv', readListFixture('excel-windows-1252.csv'));
    await first.applyEdit(id, { type: 'set-cell', row: 0, column: 1, value: 'Zoé 🌸 ; "cité"' });
    await first.applyEdit(id, { type: 'insert-row', at: 2, values: ['Mme', 'Œdipe'] });
    await first.flush();
    expect(await cacheFiles()).toEqual([expect.stringMatching(new RegExp(`^${id}-\\d+\\.bin$`))]);

    mainCalls.parses = 0;
    mainCalls.checks = 0;
    const fromCache = await everything(newService(0), id);
    expect(mainCalls).toEqual({ parses: 0, checks: 0 });
    const fromCsv = await everything(newService(Number.POSITIVE_INFINITY), id);
    expect(mainCalls.parses).toBe(1);
    expect(fromCache).toEqual(fromCsv);
  });

  it('ignores a cache of another number rule or a damaged one, reads the CSV and writes the cache again', async () => {
    const first = newService(0);
    const { id } = await first.importBytes('mixed.csv', readListFixture('mixed-numbers.csv'));
    await first.flush();
    const [name] = await cacheFiles();
    const path = join(dataDir, 'list-cache', name);
    const original = await readFile(path);
    const expected = await everything(newService(Number.POSITIVE_INFINITY), id);

    // Another libphonenumber-js version: the header's rule version differs.
    const text = original.toString('latin1');
    await writeFile(path, Buffer.from(text.replace('|libphonenumber-js@', '|libphonenumber-js@0.0.0-'), 'latin1'));
    const afterRuleChange = newService(0);
    expect(await everything(afterRuleChange, id)).toEqual(expected);
    await afterRuleChange.flush();
    await vi.waitFor(async () => expect((await readFile(path)).equals(original)).toBe(true));

    // Truncated.
    await writeFile(path, original.subarray(0, original.length - 9));
    expect(await everything(newService(0), id)).toEqual(expected);
  });

  it('is removed with its list and replaced on every save', async () => {
    const service = newService(0);
    const { id } = await service.importBytes('two.csv', readListFixture('two-candidates.csv'));
    await service.applyEdit(id, { type: 'set-cell', row: 0, column: 0, value: 'Martine' });
    await service.flush();
    expect(await cacheFiles()).toEqual([expect.stringMatching(new RegExp(`^${id}-\\d+\\.bin$`))]);
    await service.remove(id);
    expect(await cacheFiles()).toEqual([]);
  });
});
