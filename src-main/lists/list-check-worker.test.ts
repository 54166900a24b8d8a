/**
 * The list check in a worker thread (list-check.worker.ts): forced for every
 * size with `workerThresholdBytes: 0`, an import or a reopen gives exactly
 * what the check in this process gives, and a UserFacingError thrown in the
 * worker reaches the IPC caller with the same code, message and parameters.
 * The main-side check functions are wrapped to count their calls here (the
 * worker thread does not see vitest's mocks), which proves the worker ran it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { MainDeps } from '../main-deps';
import { createMemorySettingsStore } from '../settings/memory-settings-store';
import { dispatchRequest } from '../ipc/handler-map';
import { createListService, type ListService } from './list-service';
import { createListHandlers } from './list-handlers';
import { createHandlers } from '../create-handlers';
import { createMainServices } from '../main-services';
import { readListFixture } from '../../test/fixtures/lists/read-list-fixture';
import { packRows, unpackRows } from './packed-rows';
import { rowArrays } from '@shared/lists/list-rows';
import { checkListBytesInTwoWorkers, startListCheckInTwoWorkers } from './list-check-runner';
import { checkListBytes } from '@shared/lists/check-list-bytes';

/** A snapshot with its rows as plain arrays, so two lists held differently (columnar, arrays) compare by value. */
function comparable(snapshot: Awaited<ReturnType<ListService['snapshot']>>) {
  return { ...snapshot, document: { ...snapshot.document, rows: rowArrays(snapshot.document.rows) } };
}

const mainCalls = vi.hoisted(() => ({ checkListBytes: 0, createListState: 0 }));

vi.mock('@shared/lists/check-list-bytes', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@shared/lists/check-list-bytes')>();
  return {
    ...actual,
    checkListBytes: (...args: Parameters<typeof actual.checkListBytes>) => {
      mainCalls.checkListBytes++;
      return actual.checkListBytes(...args);
    },
  };
});
vi.mock('@shared/lists/list-state', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@shared/lists/list-state')>();
  return {
    ...actual,
    createListState: (...args: Parameters<typeof actual.createListState>) => {
      mainCalls.createListState++;
      return actual.createListState(...args);
    },
  };
});

let dataDir: string;
let services: ListService[] = [];

function makeDeps(): MainDeps {
  return {
    dataDir,
    appVersion: 'test',
    settings: createMemorySettingsStore(),
    log: () => {},
    emit: () => {},
    dialogs: { chooseOpenFile: async () => null, chooseSaveFile: async () => null },
  };
}

function newService(workerThresholdBytes?: number): ListService {
  const service = createListService(makeDeps(), { saveDelayMs: 10, workerThresholdBytes });
  services.push(service);
  return service;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-list-check-'));
  mainCalls.checkListBytes = 0;
  mainCalls.createListState = 0;
});

afterEach(async () => {
  await Promise.all(services.map((service) => service.flush()));
  services = [];
  await rm(dataDir, { recursive: true, force: true });
});

const withoutIdentity = <T extends { id: string; updatedAt: string }>({ id: _id, updatedAt: _updatedAt, ...rest }: T) => rest;

async function importAndSnapshot(service: ListService, fileName: string, bytes: Uint8Array) {
  const view = await service.importBytes(fileName, bytes);
  const snapshot = await service.snapshot(view.id);
  const page = await service.rows({ id: view.id, offset: 0, limit: 100, filter: 'all' });
  return { view, snapshot, page };
}

describe('list check in a worker thread', () => {
  it('imports a real file in two parts, a worker each, with the same table, checks and summary as in process', async () => {
    const inProcess = newService(Number.POSITIVE_INFINITY);
    const inWorker = newService(0);
    for (const fixture of ['excel-windows-1252.csv', 'quoted-multiline.csv', 'no-mobile-column.csv', 'mixed-numbers.csv', 'utf8-bom.csv']) {
      const bytes = readListFixture(fixture);
      const expected = await importAndSnapshot(inProcess, fixture, bytes);
      expect(mainCalls.checkListBytes).toBe(1);
      const actual = await importAndSnapshot(inWorker, fixture, bytes);
      expect(mainCalls.checkListBytes, 'the worker service checked on main').toBe(1);
      mainCalls.checkListBytes = 0;

      expect(withoutIdentity(actual.view)).toEqual(withoutIdentity(expected.view));
      expect(comparable(actual.snapshot)).toEqual(comparable(expected.snapshot));
      expect(actual.snapshot.checks.status).toBeInstanceOf(Uint8Array);
      expect(actual.snapshot.checks.normalized).toBeInstanceOf(Float64Array);
      expect(actual.page).toEqual(expected.page);
      expect((await checkListBytesInTwoWorkers(fixture, bytes)).threads, `${fixture} read in two parts`).toBe(2);
    }
  });

  it('reads a list of many parse chunks the same in two parts: quoted line breaks across chunk ends, overseas numbers, duplicates', async () => {
    const inProcess = newService(Number.POSITIVE_INFINITY);
    const inWorker = newService(0);
    const lines = ['Civilité;Nom;Adresse;SMS'];
    for (let i = 0; i < 40_000; i++) {
      const number = [`06${String(i % 30_000).padStart(8, '0')}`, `+262 692 ${String(i).padStart(6, '0')}`, `0690${String(i).padStart(6, '0')}`, '01 23 45 67 89'][i % 4];
      const address = i % 97 === 0 ? `"${i} rue de l'Église\r\nBât. « B »; 2e étage"` : `${i} avenue Foch`;
      lines.push(`M.;Dupré ${i};${address};${number}`);
    }
    const bytes = new Uint8Array(Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
    expect(bytes.length).toBeGreaterThan(3 * 512 * 1024);
    const expected = await importAndSnapshot(inProcess, 'grande.csv', bytes);
    const actual = await importAndSnapshot(inWorker, 'grande.csv', bytes);
    expect(actual.snapshot.document.rows.length).toBe(40_000);
    expect(withoutIdentity(actual.view)).toEqual(withoutIdentity(expected.view));
    expect(comparable(actual.snapshot)).toEqual(comparable(expected.snapshot));

    // The import really read it in two parts, one per worker, cut inside the file.
    const direct = await checkListBytesInTwoWorkers('grande.csv', bytes);
    expect(direct.threads).toBe(2);
    expect(direct.state.summary).toEqual(expected.view.summary);

    // From the dialog: the workers start while the file is read into shared memory.
    const path = join(dataDir, 'grande.csv');
    await writeFile(path, bytes);
    const fromDialog = createListService({ ...makeDeps(), dialogs: { chooseOpenFile: async () => path, chooseSaveFile: async () => null } }, { saveDelayMs: 10, workerThresholdBytes: 0 });
    services.push(fromDialog);
    const viewFromDialog = (await fromDialog.importFromDialog())!;
    expect(withoutIdentity(viewFromDialog)).toEqual(withoutIdentity(expected.view));
    expect(comparable(await fromDialog.snapshot(viewFromDialog.id))).toEqual(comparable(expected.snapshot));
  });

  it('ends the two workers started early when no file comes', async () => {
    const early = startListCheckInTwoWorkers();
    early.cancel();
    // Cancelled before any file: nothing runs and nothing is left unhandled; a fresh pair still answers.
    const bytes = readListFixture('mixed-numbers.csv');
    const late = startListCheckInTwoWorkers();
    expect((await late.check('mixed.csv', bytes)).state.summary).toEqual(checkListBytes(bytes, { fileName: 'mixed.csv' }).summary);
    late.cancel();
  });

  it('reads a file whole in one worker, with the same answer, when it cannot be cut: UTF-16, stray quotes misleading the cut', async () => {
    const utf16 = readListFixture('excel-texte-unicode.txt');
    const whole = checkListBytes(utf16, { fileName: 'unicode.txt' });
    const inWorker = await checkListBytesInTwoWorkers('unicode.txt', utf16);
    expect(inWorker.threads).toBe(1);
    expect(inWorker.state.summary).toEqual(whole.summary);

    // A stray quote early on makes the line breaks after it look quoted, but for one inside a quoted field past the middle: the cut found there is refused.
    const lines = ['Nom;SMS', 'A;x"y'];
    for (let i = 0; i < 3_000; i++) lines.push(`B${i};06${String(i).padStart(8, '0')}`);
    lines.push('C;"multi', 'ligne";0712345678');
    for (let i = 0; i < 1_000; i++) lines.push(`D${i};07${String(i).padStart(8, '0')}`);
    const misleading = new TextEncoder().encode(`${lines.join('\n')}\n`);
    const misleadingWhole = checkListBytes(misleading, { fileName: 'guillemets.csv' });
    const misleadingInWorker = await checkListBytesInTwoWorkers('guillemets.csv', misleading);
    expect(misleadingInWorker.threads).toBe(1);
    expect(misleadingInWorker.state.summary).toEqual(misleadingWhole.summary);
    expect(misleadingInWorker.state.checks).toEqual(misleadingWhole.checks);
  });

  it('a big import is written after it is shown: on disk once flushed, and a fresh service reopens it the same', async () => {
    const importing = newService(0);
    const { view, snapshot } = await importAndSnapshot(importing, 'mixed.csv', readListFixture('mixed-numbers.csv'));
    expect((await importing.metas()).map((meta) => meta.id)).toContain(view.id);
    await importing.flush();
    const reopened = newService(Number.POSITIVE_INFINITY);
    expect(withoutIdentity(await reopened.open(view.id))).toEqual(withoutIdentity(view));
    expect(comparable(await reopened.snapshot(view.id))).toEqual(comparable(snapshot));
  });

  it('reopens a saved list in the worker exactly as in process, and edits it afterwards', async () => {
    const first = newService(Number.POSITIVE_INFINITY);
    const { id } = await first.importBytes('excel-windows-1252.csv', readListFixture('excel-windows-1252.csv'));
    await first.applyEdit(id, { type: 'set-cell', row: 0, column: 1, value: 'Zoé 🌸 ; "cité"' });
    await first.flush();

    mainCalls.createListState = 0;
    const reopenedInWorker = newService(0);
    const viewInWorker = await reopenedInWorker.open(id);
    expect(mainCalls.createListState, 'the worker service checked on main').toBe(0);
    const reopenedInProcess = newService(Number.POSITIVE_INFINITY);
    const viewInProcess = await reopenedInProcess.open(id);
    expect(mainCalls.createListState).toBe(1);

    expect(viewInWorker).toEqual(viewInProcess);
    expect(comparable(await reopenedInWorker.snapshot(id))).toEqual(comparable(await reopenedInProcess.snapshot(id)));
    const edited = await reopenedInWorker.applyEdit(id, { type: 'remove-duplicates' });
    expect(edited.summary.duplicates).toBe(0);
    expect(edited.canUndo).toBe(true);
  });

  it('a UserFacingError thrown in the worker reaches the caller with the same code, message and parameters', async () => {
    const inProcess = newService(Number.POSITIVE_INFINITY);
    const inWorker = newService(0);
    const cases: [string, Uint8Array, string][] = [
      ['vide.csv', new Uint8Array(), 'list-empty'],
      ['entete.csv', readListFixture('header-only.csv'), 'list-empty'],
      ['image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3]), 'list-not-text'],
      ['guillemet.csv', new TextEncoder().encode('Nom;SMS\r\nA;0612345678\r\n"B;0612345679\r\nC;0612345680\r\n'), 'list-unclosed-quote'],
    ];
    for (const [fileName, bytes, code] of cases) {
      const expected = await inProcess.importBytes(fileName, bytes).then(() => undefined, (error: unknown) => error);
      const actual = await inWorker.importBytes(fileName, bytes).then(() => undefined, (error: unknown) => error);
      expect(expected).toBeInstanceOf(UserFacingError);
      expect(actual).toBeInstanceOf(UserFacingError);
      expect((actual as UserFacingError).toIpcError()).toEqual((expected as UserFacingError).toIpcError());
      expect((actual as UserFacingError).code).toBe(code);
    }
    expect((await inWorker.importBytes('guillemet.csv', cases[3][1]).catch((error: UserFacingError) => error.params))).toEqual({ record: 3 });

    // And through the IPC dispatch, as the renderer receives it.
    const deps = makeDeps();
    const main = createMainServices(deps);
    const handlers = { ...createHandlers(deps, main), ...createListHandlers(inWorker) };
    services.push(main.lists);
    const answer = await dispatchRequest(handlers, 'lists:import-bytes', { fileName: 'guillemet.csv', bytes: cases[3][1] });
    const direct = await inProcess.importBytes('guillemet.csv', cases[3][1]).catch((error: UserFacingError) => error.toIpcError());
    expect(answer).toEqual({ ok: false, error: direct });
  });
});

describe('packed rows', () => {
  it('rebuild ragged rows with empty, quoted and non-Latin values exactly', async () => {
    const rows = [['a', '', 'Zoé 🌸'], [], ['x'], ['', ''], ['une valeur assez longue pour une tranche', '€']];
    expect(await unpackRows(packRows(rows), 2)).toEqual(rows);
    expect(await unpackRows(packRows([]))).toEqual([]);
  });
});
