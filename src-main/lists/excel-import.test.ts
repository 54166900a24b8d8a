import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MainDeps } from '../main-deps';
import { createMemorySettingsStore } from '../settings/memory-settings-store';
import { createListService, type ListService } from './list-service';
import { listFixturePath, readListFixture } from '../../test/fixtures/lists/read-list-fixture';

let dataDir: string;
let nextOpenPath: string | null;
let lastFilters: unknown;
let service: ListService;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-excel-'));
  nextOpenPath = null;
  const deps: MainDeps = {
    dataDir,
    appVersion: 'test',
    settings: createMemorySettingsStore(),
    log: () => {},
    emit: () => {},
    dialogs: {
      chooseOpenFile: async (options) => {
        lastFilters = options.filters;
        return nextOpenPath;
      },
      chooseSaveFile: async () => null,
    },
  };
  service = createListService(deps, { saveDelayMs: 10 });
});

afterEach(async () => {
  await service.flush();
  await rm(dataDir, { recursive: true, force: true });
});

describe('importing Excel files directly', () => {
  it('imports an .xlsx through the dialog with the same summary as a CSV', async () => {
    nextOpenPath = listFixturePath('excel-accents.xlsx');
    const view = await service.importFromDialog();
    expect(lastFilters).toEqual([expect.objectContaining({ extensions: expect.arrayContaining(['csv', 'txt', 'xlsx']) })]);
    expect(view).toMatchObject({
      name: 'excel-accents',
      encoding: 'xlsx',
      columns: ['Prénom', 'Nom', 'SMS', 'Portable bureau', 'Montant', 'Inscrit le'],
      mobileColumn: 'SMS',
    });
    expect(view?.summary).toMatchObject({ rows: 3, valid: 3, invalid: 0, sendable: 3 });
    const page = await service.rows({ id: view!.id, offset: 0, limit: 10, filter: 'all' });
    expect(page.rows.map((row) => row.values[1])).toEqual(['Lefèvre', "N'Guyen; fils", 'Cœur']);
  });

  it('imports Excel « Texte Unicode » (UTF-16 LE with BOM, tabs)', async () => {
    const view = await service.importBytes('excel-texte-unicode.txt', readListFixture('excel-texte-unicode.txt'));
    expect(view).toMatchObject({ encoding: 'utf-16', delimiter: '\t', columns: ['Prénom', 'Nom', 'SMS'], mobileColumn: 'SMS' });
    expect(view.summary).toMatchObject({ rows: 3, valid: 3, sendable: 3 });
    const page = await service.rows({ id: view.id, offset: 0, limit: 10, filter: 'all' });
    expect(page.rows.map((row) => row.values[1])).toEqual(['Lefèvre', 'Œuvre « été »', 'Żółć']);
  });
});
