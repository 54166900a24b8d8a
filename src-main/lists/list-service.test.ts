import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MainDeps } from '../main-deps';
import { createMemorySettingsStore } from '../settings/memory-settings-store';
import { createHandlers } from '../create-handlers';
import { dispatchRequest } from '../ipc/handler-map';
import { createListService, type ListService } from './list-service';
import { atomicWriter, type ListFileWriter } from './list-store';
import { createMainServices } from '../main-services';
import { readListFixture, listFixturePath } from '../../test/fixtures/lists/read-list-fixture';
import type { ListMeta } from '@shared/lists/list-types';

let dataDir: string;
let outDir: string;
let events: ListMeta[][];
let nextOpenPath: string | null;
let nextSavePath: string | null;

function makeDeps(): MainDeps {
  return {
    dataDir,
    appVersion: 'test',
    settings: createMemorySettingsStore(),
    log: () => {},
    emit: (event, payload) => {
      if (event === 'lists:changed') events.push(payload as ListMeta[]);
    },
    dialogs: {
      chooseOpenFile: async () => nextOpenPath,
      chooseSaveFile: async () => nextSavePath,
    },
  };
}

/** Every service a test creates, flushed before its temp folder goes (no save may outlive it). */
let services: ListService[] = [];
function track(service: ListService): ListService {
  services.push(service);
  return service;
}
const newService = (writer?: ListFileWriter) => track(createListService(makeDeps(), { saveDelayMs: 10, writer }));

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-lists-'));
  outDir = await mkdtemp(join(tmpdir(), 'dropdesk-export-'));
  events = [];
  nextOpenPath = null;
  nextSavePath = null;
});

afterEach(async () => {
  await Promise.all(services.map((service) => service.flush()));
  services = [];
  await rm(dataDir, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

describe('list service', () => {
  it('imports bytes, shows the summary and pages rows with their verdict', async () => {
    const service = newService();
    const view = await service.importBytes('excel-windows-1252.csv', readListFixture('excel-windows-1252.csv'));
    expect(view).toMatchObject({
      name: 'excel-windows-1252',
      sourceFileName: 'excel-windows-1252.csv',
      encoding: 'windows-1252',
      delimiter: ';',
      mobileColumn: 'SMS',
      canUndo: false,
      canRedo: false,
    });
    expect(view.summary).toMatchObject({ rows: 11, valid: 10, invalid: 1, duplicates: 1, sendable: 9 });
    expect(events.at(-1)).toEqual([expect.objectContaining({ id: view.id, rows: 11, sendable: 9 })]);

    const invalid = await service.rows({ id: view.id, offset: 0, limit: 50, filter: 'invalid' });
    expect(invalid).toEqual({
      total: 1,
      offset: 0,
      rows: [{ index: 9, values: ['Mme', 'Léa', 'Petit', '2 rue Haute', '67000', 'Strasbourg', '5 €', '01 23 45 67 89'], status: 'invalid', reason: 'landline' }],
    });
    const found = await service.rows({ id: view.id, offset: 0, limit: 50, filter: 'all', search: 'bordeaux' });
    expect(found.rows.map((row) => row.index)).toEqual([3, 7]);
    expect(found.rows[0]).toMatchObject({ status: 'valid', normalized: '33698765432', country: 'FR' });
  });

  it('imports through the dialog and refuses unreadable or empty files with a plain message', async () => {
    const service = newService();
    nextOpenPath = listFixturePath('tab-delimited.txt');
    expect(await service.importFromDialog()).toMatchObject({ name: 'tab-delimited', delimiter: '\t', mobileColumn: 'GSM' });
    nextOpenPath = null;
    expect(await service.importFromDialog()).toBeNull();
    nextOpenPath = join(outDir, 'missing.csv');
    await expect(service.importFromDialog()).rejects.toMatchObject({ code: 'file-unreadable' });
    nextOpenPath = outDir;
    await expect(service.importFromDialog()).rejects.toMatchObject({ code: 'file-unreadable' });
    await expect(service.importBytes('vide.csv', new Uint8Array())).rejects.toMatchObject({ code: 'list-empty' });
    await expect(newServiceWithLimit(10).importBytes('x.csv', new Uint8Array(11))).rejects.toMatchObject({ code: 'list-too-big' });
  });

  it('edits, revalidates, undoes and redoes', async () => {
    const service = newService();
    const { id } = await service.importBytes('mixed.csv', readListFixture('mixed-numbers.csv'));
    let view = await service.applyEdit(id, { type: 'set-cell', row: 1, column: 1, value: '07 81 23 45 00' });
    expect(view.summary).toMatchObject({ valid: 10, invalid: 4 });
    expect(view.canUndo).toBe(true);
    view = await service.applyEdit(id, { type: 'remove-duplicates' });
    expect(view.summary).toMatchObject({ rows: 10, duplicates: 0, sendable: 6 });
    view = await service.applyEdit(id, { type: 'remove-invalid' });
    expect(view.summary).toMatchObject({ rows: 6, invalid: 0, sendable: 6 });
    view = await service.undo(id);
    view = await service.undo(id);
    expect(view.summary).toMatchObject({ rows: 14, valid: 10, duplicates: 4 });
    expect(view.canRedo).toBe(true);
    view = await service.redo(id);
    expect(view.summary.rows).toBe(10);
    view = await service.applyEdit(id, { type: 'rename-column', column: 1, name: 'Portable' });
    expect(view).toMatchObject({ mobileColumn: 'Portable', canRedo: false });
  });

  it('lets the user choose the mobile column when none or several match', async () => {
    const service = newService();
    const view = await service.importBytes('two.csv', readListFixture('two-candidates.csv'));
    expect(view).toMatchObject({ mobileColumn: null, mobileColumnCandidates: ['SMS', 'Mobile'] });
    expect(view.summary).toMatchObject({ valid: 0, invalid: 0, sendable: 0 });
    const chosen = await service.setMobileColumn(view.id, 'Mobile');
    expect(chosen).toMatchObject({ mobileColumn: 'Mobile', canUndo: true });
    expect(chosen.summary.sendable).toBe(2);
    await expect(service.setMobileColumn(view.id, 'Fax')).rejects.toMatchObject({ code: 'column-not-found' });
  });

  it('saves edits and reopens them exactly from disk in a new service', async () => {
    const first = newService();
    const { id } = await first.importBytes('quoted.csv', readListFixture('quoted-multiline.csv'));
    await first.applyEdit(id, { type: 'insert-row', at: 3, values: ['Neuf', ' "cité" ; ici ', '0699999999', ''] });
    await first.applyEdit(id, { type: 'insert-column', at: 1, name: 'Prénom' });
    await first.applyEdit(id, { type: 'set-cell', row: 0, column: 1, value: 'Zoé 🌸' });
    await first.flush();

    const second = newService();
    expect((await second.metas()).map((meta) => meta.id)).toEqual([id]);
    const view = await second.open(id);
    expect(view).toMatchObject({ columns: ['Nom', 'Prénom', 'Adresse', 'Mobile', 'Note'], mobileColumn: 'Mobile', canUndo: false });
    const page = await second.rows({ id, offset: 0, limit: 10, filter: 'all' });
    expect(page.rows.map((row) => row.values)).toEqual([
      ['Durand', 'Zoé 🌸', '12 rue des Lilas; Bât. B', '0611111111', 'Dit "bonjour"'],
      ['Morel', '', 'Résidence Les Pins\r\nAppartement 4', '0622222222', 'ok'],
      ['Blanc', '', '3 impasse du Moulin', '0633333333', 'ligne 1\r\nligne 2'],
      ['Neuf', '', ' "cité" ; ici ', '0699999999', ''],
    ]);
    expect(await readdir(join(dataDir, 'lists', id))).toEqual(expect.arrayContaining(['meta.json']));
    expect((await readdir(join(dataDir, 'lists', id))).filter((name) => name.endsWith('.csv'))).toHaveLength(1);
  });

  it('saves by itself after the debounce delay', async () => {
    const service = newService();
    const { id } = await service.importBytes('two.csv', readListFixture('two-candidates.csv'));
    await service.applyEdit(id, { type: 'set-cell', row: 0, column: 0, value: 'Martine' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reopened = newService();
    const page = await reopened.rows({ id, offset: 0, limit: 1, filter: 'all' });
    expect(page.rows[0].values[0]).toBe('Martine');
  });

  it('renames, duplicates and deletes, announcing each change', async () => {
    const service = newService();
    const { id } = await service.importBytes('mixed.csv', readListFixture('mixed-numbers.csv'));
    await service.applyEdit(id, { type: 'remove-invalid' });
    await service.flush();
    const dataFiles = async () => (await readdir(join(dataDir, 'lists', id))).filter((name) => name.endsWith('.csv'));
    const before = await dataFiles();
    const renamed = await service.rename(id, '  Clients mars  ');
    expect(renamed.name).toBe('Clients mars');
    // A rename rewrites meta.json only, not the rows.
    expect(await dataFiles()).toEqual(before);
    expect(await newService().metas()).toEqual([expect.objectContaining({ id, name: 'Clients mars', rows: 9 })]);
    const copy = await service.duplicate(id);
    expect(copy).toMatchObject({ name: 'Clients mars (copie)', canUndo: false });
    expect(copy.summary.rows).toBe(9);
    expect(events.at(-1)!.map((meta) => meta.name).sort()).toEqual(['Clients mars', 'Clients mars (copie)']);
    await service.remove(id);
    expect(events.at(-1)!.map((meta) => meta.id)).toEqual([copy.id]);
    await expect(service.open(id)).rejects.toMatchObject({ code: 'list-not-found' });
    expect(await newService().metas()).toEqual([expect.objectContaining({ id: copy.id, rows: 9 })]);
    const other = newService();
    await expect(other.remove(id)).rejects.toMatchObject({ code: 'list-not-found' });
    expect(await other.remove(copy.id)).toEqual({ deleted: true });
    expect(await newService().metas()).toEqual([]);
    await expect(service.open('../../etc')).rejects.toMatchObject({ code: 'list-not-found' });
  });

  it('exports UTF-8 ; CSV, sendable rows only on request, and Windows-1252 with € as 0x80', async () => {
    const service = newService();
    const { id } = await service.importBytes('excel.csv', readListFixture('excel-windows-1252.csv'));
    nextSavePath = join(outDir, 'export.csv');
    expect(await service.exportList({ id, encoding: 'utf-8', sendableOnly: false })).toEqual({ path: nextSavePath, rows: 11 });
    const utf8 = await readFile(nextSavePath);
    expect(utf8.subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = utf8.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('Civilité;Prénom;Nom;Adresse;CP;Ville;Prix;SMS');
    expect(text.split('\r\n')[1]).toBe('Mme;Jacqueline;Gaillard;12 Avenue des Antiquaires;75017;Paris;17 €;0624170068');
    expect(text.split('\r\n')).toHaveLength(13);

    nextSavePath = join(outDir, 'export-1252.csv');
    expect(await service.exportList({ id, encoding: 'windows-1252', sendableOnly: true })).toEqual({ path: nextSavePath, rows: 9 });
    const bytes = await readFile(nextSavePath);
    expect(bytes.includes(Buffer.from('17 \x80;', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from('Civilit\xe9;Pr\xe9nom', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from('R\x9cux', 'latin1'))).toBe(true);
    expect(bytes.toString('latin1').split('\r\n')).toHaveLength(11);
    expect(bytes.toString('latin1')).not.toContain('01 23 45 67 89');

    nextSavePath = null;
    expect(await service.exportList({ id, encoding: 'utf-8', sendableOnly: false })).toBeNull();
  });

  it('refuses a Windows-1252 export that would lose characters', async () => {
    const service = newService();
    const { id } = await service.importBytes('utf8.csv', readListFixture('utf8-bom.csv'));
    nextSavePath = join(outDir, 'x.csv');
    await expect(service.exportList({ id, encoding: 'windows-1252', sendableOnly: false })).rejects.toMatchObject({
      code: 'export-unencodable',
      params: expect.objectContaining({ count: 4 }),
    });
  });

  it('a failed save leaves the previous version readable', async () => {
    let failNext = false;
    const flakyWriter: ListFileWriter = {
      async writeFile(path, data) {
        if (failNext && path.endsWith('.csv')) throw new Error('disque plein');
        return atomicWriter.writeFile(path, data);
      },
    };
    const service = newService(flakyWriter);
    const { id } = await service.importBytes('two.csv', readListFixture('two-candidates.csv'));
    failNext = true;
    await service.applyEdit(id, { type: 'set-cell', row: 0, column: 0, value: 'Perdu' });
    await expect(service.rename(id, 'Nouveau nom')).rejects.toMatchObject({ code: 'list-save-failed' });
    const reopened = newService();
    const view = await reopened.open(id);
    expect(view.name).toBe('two');
    expect((await reopened.rows({ id, offset: 0, limit: 1, filter: 'all' })).rows[0].values[0]).toBe('Martin');
  });

  it('a crash between the data file and meta.json keeps the committed version', async () => {
    const service = newService();
    const { id } = await service.importBytes('two.csv', readListFixture('two-candidates.csv'));
    const folder = join(dataDir, 'lists', id);
    // What a crash right after writing the next data file (before meta.json) leaves behind.
    await writeFile(join(folder, 'data-2.csv'), 'Nom;SMS\r\nà moitié');
    await writeFile(join(folder, '.meta.json.abc.tmp'), '{"trunc');
    const reopened = newService();
    const page = await reopened.rows({ id, offset: 0, limit: 5, filter: 'all' });
    expect(page.total).toBe(2);
    expect(page.rows[0].values).toEqual(['Martin', '0611111111', '0699999999']);
    expect((await readdir(folder)).sort()).toEqual(['data-1.csv', 'meta.json']);
  });

  it('ignores folders without a valid meta.json in the overview', async () => {
    await mkdir(join(dataDir, 'lists', 'broken'), { recursive: true });
    await writeFile(join(dataDir, 'lists', 'broken', 'meta.json'), '{oops');
    expect(await newService().metas()).toEqual([]);
  });

  it('answers through the IPC dispatch, with clear errors for bad input', async () => {
    const deps = makeDeps();
    const services = createMainServices(deps);
    const handlers = createHandlers(deps, services);
    track(services.lists);
    const bytes = readListFixture('utf8-bom.csv');
    const imported = await dispatchRequest(handlers, 'lists:import-bytes', { fileName: 'a.csv', bytes });
    expect(imported).toMatchObject({ ok: true, value: { mobileColumn: 'Portable' } });
    const id = (imported as { value: { id: string } }).value.id;
    expect(await dispatchRequest(handlers, 'lists:rows', { id, offset: 0, limit: 0, filter: 'all' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await dispatchRequest(handlers, 'lists:open', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'list-not-found' } });
    expect(await dispatchRequest(handlers, 'lists:list', undefined)).toMatchObject({ ok: true, value: [expect.objectContaining({ id })] });
  });
});

function newServiceWithLimit(maxImportBytes: number): ListService {
  return track(createListService(makeDeps(), { maxImportBytes }));
}
