/**
 * The recipient lists of the workspace, in plain Node: import, check, edit
 * with undo/redo, save (debounced, atomic), reopen, rename, duplicate, delete,
 * export. Lists being worked on stay in memory; others are read from disk
 * when opened. The IPC handlers (list-handlers.ts) are thin wrappers.
 */
import { promises as fs } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { ExportEncoding, ListEdit, ListMeta, ListSummary, ListView, RowFilter, RowPage } from '@shared/lists/list-types';
import { checkListBytes } from '@shared/lists/check-list-bytes';
import type { ListChecks } from '@shared/lists/check-rows';
import { statusCode } from '@shared/lists/check-rows';
import { editToOp, type DocumentOp, type ListDocument } from '@shared/lists/list-document';
import { applyWithHistory, canRedo, canUndo, emptyHistory, redoStep, undoStep, type EditHistory, type HistoryStep } from '@shared/lists/edit-history';
import { createListState, recheckAfterOp, type ListState } from '@shared/lists/list-state';
import type { ColumnStats } from '@shared/lists/summarize';
import { matchingRowIndices, pageRows } from '@shared/lists/row-query';
import { countIncludedRows, serializeCsv } from '@shared/lists/serialize-csv';
import { listTooBigError, unknownColumnError } from '@shared/lists/list-errors';
import { resolveColumnByName } from '@shared/lists/mobile-column';
import type { MainDeps } from '../main-deps';
import { atomicWriter, createListStore, toListMeta, type CacheRequest, type ListFileWriter, type StoredListMeta } from './list-store';
import { encodeExport } from './list-export';
import { isXlsxFile, xlsxToCsvBytes } from './xlsx-to-csv';
import { loadSavedListInWorker, startListCheckInTwoWorkers, type TwoPartListCheck } from './list-check-runner';
import { readFileShared } from './read-shared-file';
import { encodeListCache } from './list-cache';
import { packColumnar } from './packed-rows';
import { tableRows } from '@shared/lists/list-rows';
import { hasWidth, type ColumnarTable } from '@shared/lists/columnar-table';
import { numberRuleVersion } from '@shared/lists/number-rule-version';

export interface ListServiceOptions {
  /** Delay between the last edit and the save. */
  saveDelayMs?: number;
  /** Largest file accepted for import. */
  maxImportBytes?: number;
  writer?: ListFileWriter;
  now?: () => Date;
  /**
   * Files (imported, or a saved list's data file) of at least this many bytes
   * are checked in a worker thread, so the main process keeps pumping messages
   * (Windows marks a window "not responding" after 5 s). Smaller ones are
   * checked here: a worker costs tens of milliseconds to start, more than
   * checking a small list. 0 sends every list to the worker.
   */
  workerThresholdBytes?: number;
}

type ListInfo = Omit<StoredListMeta, 'formatVersion' | 'dataFile' | 'revision' | 'mobileColumnIndex' | 'rows' | 'sendable'>;

interface OpenList {
  info: ListInfo;
  document: ListDocument;
  checks: ListChecks;
  columnStats: readonly ColumnStats[];
  summary: ListSummary;
  history: EditHistory;
  /** Bumped on every change; the row query cache and the saver compare it. */
  version: number;
  savedVersion: number;
  /** The document as last written to disk: when it is still current, a save rewrites meta.json only. */
  savedDocument?: ListDocument;
  saveTimer?: ReturnType<typeof setTimeout>;
  /** The save in progress, so saves of one list never overlap. */
  saving?: Promise<void>;
  rowCache?: { key: string; indices: Int32Array | null };
  deleted?: boolean;
  /** The same rows column by column, while `document` is still the one they were read as (saves reuse it for the reopen cache). */
  columnar?: { document: ListDocument; table: ColumnarTable };
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

const importFilters = [{ name: 'Listes CSV, texte ou Excel', extensions: ['csv', 'txt', 'xlsx'] }];
const exportFilters = [{ name: 'CSV', extensions: ['csv'] }];
const listIdPattern = /^[A-Za-z0-9-]{1,100}$/;
const defaultMaxImportBytes = 400 * 1024 * 1024;
/** About 20,000 rows: checked here in well under 100 ms. */
const defaultWorkerThresholdBytes = 2 * 1024 * 1024;

export function createListService(deps: MainDeps, options: ListServiceOptions = {}) {
  const saveDelayMs = options.saveDelayMs ?? 300;
  const maxImportBytes = options.maxImportBytes ?? defaultMaxImportBytes;
  const workerThresholdBytes = options.workerThresholdBytes ?? defaultWorkerThresholdBytes;
  const now = options.now ?? (() => new Date());
  const store = createListStore(deps.dataDir, options.writer ?? atomicWriter);
  const open = new Map<string, OpenList>();
  const loading = new Map<string, Promise<OpenList>>();

  // ---- state helpers -------------------------------------------------------

  function view(list: OpenList): ListView {
    const { document, info, summary, history } = list;
    return {
      id: info.id,
      name: info.name,
      sourceFileName: info.sourceFileName,
      encoding: info.encoding,
      delimiter: info.delimiter,
      columns: [...document.columns],
      mobileColumn: document.mobileColumn === null ? null : document.columns[document.mobileColumn],
      mobileColumnCandidates: info.mobileColumnCandidates,
      summary,
      canUndo: canUndo(history),
      canRedo: canRedo(history),
      updatedAt: info.updatedAt,
    };
  }

  /** Moves the list to the state after `step`, rechecking only what the operation touched. */
  function applyStep(list: OpenList, step: HistoryStep): void {
    const before: ListState = { document: list.document, checks: list.checks, columnStats: list.columnStats, summary: list.summary };
    const { checks, columnStats, summary } = recheckAfterOp(before, step.op, step.document);
    list.document = step.document;
    list.history = step.history;
    list.checks = checks;
    list.columnStats = columnStats;
    list.summary = summary;
    list.version++;
    list.rowCache = undefined;
    list.info = { ...list.info, updatedAt: now().toISOString() };
    scheduleSave(list);
  }

  async function get(id: string): Promise<OpenList> {
    // Ids become folder names: anything but our own id shape (no dots, no slashes) is unknown.
    if (!listIdPattern.test(id)) throw listNotFound(id);
    const inMemory = open.get(id);
    if (inMemory) return inMemory;
    let pending = loading.get(id);
    if (!pending) {
      pending = loadFromDisk(id).finally(() => loading.delete(id));
      loading.set(id, pending);
    }
    return pending;
  }

  async function loadFromDisk(id: string): Promise<OpenList> {
    let stored;
    try {
      stored = await loadStored(id);
    } catch (error) {
      deps.log(`Liste ${id} illisible`, error);
      throw new UserFacingError(
        'list-unreadable',
        'Cette liste est illisible sur le disque. Importez à nouveau le fichier d’origine.',
        { id },
      );
    }
    if (!stored) throw listNotFound(id);
    const { meta, document } = stored;
    await store.removeStrayFiles(id, meta.dataFile);
    const { checks, columnStats, summary } = stored.state ?? createListState(document);
    const columnar = stored.columnar ? { document, table: stored.columnar } : undefined;
    const list: OpenList = {
      info: {
        id: meta.id,
        name: meta.name,
        sourceFileName: meta.sourceFileName,
        encoding: meta.encoding,
        delimiter: meta.delimiter,
        mobileColumnCandidates: meta.mobileColumnCandidates,
        createdAt: meta.createdAt,
        updatedAt: meta.updatedAt,
      },
      document,
      checks,
      columnStats,
      summary,
      history: emptyHistory,
      version: 0,
      savedVersion: 0,
      savedDocument: document,
      columnar,
    };
    open.set(id, list);
    // Read from the CSV (no cache yet, or one of an older number rule): write the cache now, so the next reopen skips the parse and the check.
    if (columnar && !stored.fromCache && hasWidth(columnar.table, document.columns.length)) {
      store.writeCache(id, meta.revision, () =>
        encodeListCache({ columns: document.columns, table: columnar.table, checks, columnStats, summary }, { dataFile: meta.dataFile, revision: meta.revision, ruleVersion: numberRuleVersion() }, yieldNow),
      );
    }
    return list;
  }

  /**
   * The saved list: small ones read here; big ones from their reopen cache
   * (rows and checks as saved, nothing parsed or validated), else read and
   * checked in a worker.
   */
  async function loadStored(
    id: string,
  ): Promise<{ meta: StoredListMeta; document: ListDocument; state?: ListState; columnar?: ColumnarTable; fromCache?: boolean } | undefined> {
    const meta = await store.readMeta(id);
    if (!meta) return undefined;
    const size = await fs.stat(join(store.listDir(id), meta.dataFile)).then((stat) => stat.size, () => 0);
    if (size < workerThresholdBytes) return store.load(id);
    const cached = await store.loadCache(id, { dataFile: meta.dataFile, revision: meta.revision, ruleVersion: numberRuleVersion() });
    if (cached) {
      const mobileColumn = cached.checks.mobileColumn;
      const document: ListDocument = { columns: cached.columns, rows: tableRows(cached.table), mobileColumn };
      const { checks, columnStats, summary } = cached;
      return { meta, document, state: { document, checks, columnStats, summary }, columnar: cached.table, fromCache: true };
    }
    const loaded = await loadSavedListInWorker(deps.dataDir, id);
    return loaded && { meta: loaded.meta, document: loaded.state.document, state: loaded.state, columnar: loaded.columnar };
  }

  // ---- saving --------------------------------------------------------------

  function scheduleSave(list: OpenList): void {
    if (list.saveTimer) clearTimeout(list.saveTimer);
    // A big list takes a while to write: wait longer so a burst of edits makes one save (1,000,000 rows → +1 s).
    const delay = saveDelayMs + Math.floor(list.summary.rows / 1000);
    list.saveTimer = setTimeout(() => {
      list.saveTimer = undefined;
      saveNow(list).catch((error) => deps.log(`Enregistrement de la liste ${list.info.id} impossible`, error));
    }, delay);
  }

  /** Saves if anything changed since the last save; waits for a save in progress first. */
  async function saveNow(list: OpenList): Promise<void> {
    if (list.saveTimer) {
      clearTimeout(list.saveTimer);
      list.saveTimer = undefined;
    }
    while (list.saving) await list.saving.catch(() => {});
    if (list.deleted || list.savedVersion === list.version) return;
    const version = list.version;
    const { document, summary, info, checks, columnStats } = list;
    // The cache holds the rows as the CSV reads back: every row as wide as the header.
    const width = document.columns.length;
    const columnar = list.columnar?.document === document && hasWidth(list.columnar.table, width) ? list.columnar.table : undefined;
    const cache: CacheRequest = {
      minDataChars: workerThresholdBytes,
      encode: async (key) =>
        encodeListCache(
          { columns: document.columns, table: columnar ?? (await packColumnar(document.rows, width)), checks, columnStats, summary },
          { ...key, ruleVersion: numberRuleVersion() },
          yieldNow,
        ),
    };
    const meta = {
      ...info,
      formatVersion: 1 as const,
      mobileColumnIndex: document.mobileColumn,
      rows: summary.rows,
      sendable: summary.sendable,
    };
    const write = list.savedDocument === document ? store.saveMeta(meta) : store.save(meta, document, cache);
    list.saving = write
      .then(async () => {
        list.savedVersion = version;
        list.savedDocument = document;
        deps.emit('lists:changed', await metas());
      })
      .finally(() => {
        list.saving = undefined;
      });
    return list.saving;
  }

  async function flushList(list: OpenList): Promise<void> {
    try {
      await saveNow(list);
    } catch (error) {
      deps.log(`Enregistrement de la liste ${list.info.id} impossible`, error);
      throw new UserFacingError(
        'list-save-failed',
        "La liste n'a pas pu être enregistrée (disque plein ou protégé ?). La version précédente est intacte ; libérez de la place puis réessayez.",
      );
    }
  }

  async function metas(): Promise<ListMeta[]> {
    const stored = await store.listMetas();
    const byId = new Map(stored.map((meta) => [meta.id, toListMeta(meta)]));
    for (const list of open.values()) {
      if (list.deleted) continue;
      byId.set(list.info.id, toListMeta({ ...list.info, rows: list.summary.rows, sendable: list.summary.sendable }));
    }
    return [...byId.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.name.localeCompare(b.name));
  }

  // ---- creation --------------------------------------------------------------

  async function createList(
    fields: Omit<ListInfo, 'id' | 'createdAt' | 'updatedAt'>,
    document: ListDocument,
    state?: Omit<ListState, 'document'>,
    columnar?: ColumnarTable,
    saveInBackground = false,
  ): Promise<OpenList> {
    const timestamp = now().toISOString();
    const { checks, columnStats, summary } = state ?? createListState(document);
    const list: OpenList = {
      columnar: columnar && { document, table: columnar },
      info: { ...fields, id: randomUUID(), createdAt: timestamp, updatedAt: timestamp },
      document,
      checks,
      columnStats,
      summary,
      history: emptyHistory,
      version: 1,
      savedVersion: 0,
    };
    open.set(list.info.id, list);
    if (saveInBackground) {
      // Written while the user already sees the list (yielding as every save does); a failure is logged and retried by the next save or the flush before quitting, as an edit's save is.
      saveNow(list).catch((error) => deps.log(`Enregistrement de la liste ${list.info.id} impossible`, error));
      return list;
    }
    try {
      await flushList(list);
    } catch (error) {
      open.delete(list.info.id);
      throw error;
    }
    return list;
  }

  async function importBytes(fileName: string, fileBytes: Uint8Array, early?: TwoPartListCheck): Promise<ListView> {
    if (fileBytes.length > maxImportBytes) throw listTooBigError(Math.round(maxImportBytes / 1024 / 1024));
    // A workbook becomes CSV text here, at the edge; the engine then checks it like any CSV.
    const workbook = isXlsxFile(fileName, fileBytes);
    const bytes = workbook ? await xlsxToCsvBytes(fileName, fileBytes) : fileBytes;
    const big = bytes.length >= workerThresholdBytes;
    const result = big ? await (early ?? startListCheckInTwoWorkers()).check(fileName, bytes) : checkInProcess(fileName, bytes);
    const list = await createList(
      {
        name: listNameFromFile(fileName),
        sourceFileName: fileName,
        encoding: workbook ? 'xlsx' : result.encoding,
        delimiter: result.delimiter,
        mobileColumnCandidates: result.mobileColumnCandidates,
      },
      result.state.document,
      result.state,
      result.columnar,
      // A big list's CSV takes seconds to write: the summary and the grid do not wait for it (the source file is still on the user's disk meanwhile).
      big,
    );
    return view(list);
  }

  async function importFromDialog(): Promise<ListView | null> {
    const path = await deps.dialogs.chooseOpenFile({ purpose: 'list-import', filters: importFilters });
    if (!path) return null;
    let bytes: Uint8Array;
    /** A big list's two workers, started while its file is read (a workbook is first converted here). */
    let early: TwoPartListCheck | undefined;
    try {
      try {
        const stat = await fs.stat(path);
        if (stat.isDirectory()) throw new Error('directory');
        if (stat.size > maxImportBytes) throw listTooBigError(Math.round(maxImportBytes / 1024 / 1024));
        if (stat.size >= workerThresholdBytes && !/\.xlsx$/i.test(path)) early = startListCheckInTwoWorkers();
        // Their bytes are read into shared memory, which both read without a copy.
        bytes = early ? await readFileShared(path) : await fs.readFile(path);
      } catch (error) {
        if (error instanceof UserFacingError) throw error;
        throw new UserFacingError(
          'file-unreadable',
          `Le fichier « ${basename(path)} » n'a pas pu être lu. Vérifiez qu'il existe et qu'il n'est pas ouvert dans un autre programme, puis réessayez.`,
          { file: basename(path) },
        );
      }
      return await importBytes(basename(path), bytes, early);
    } finally {
      early?.cancel();
    }
  }

  // ---- edits -----------------------------------------------------------------

  async function applyEdit(id: string, edit: ListEdit): Promise<ListView> {
    const list = await get(id);
    const op = editToOp(list.document, list.checks, edit);
    if (op) applyOpWithHistory(list, op);
    return view(list);
  }

  function applyOpWithHistory(list: OpenList, op: DocumentOp): void {
    applyStep(list, applyWithHistory(list.document, list.history, op));
  }

  async function undo(id: string): Promise<ListView> {
    const list = await get(id);
    const step = undoStep(list.document, list.history);
    if (step) applyStep(list, step);
    return view(list);
  }

  async function redo(id: string): Promise<ListView> {
    const list = await get(id);
    const step = redoStep(list.document, list.history);
    if (step) applyStep(list, step);
    return view(list);
  }

  async function setMobileColumn(id: string, column: string): Promise<ListView> {
    const list = await get(id);
    const index = resolveColumnByName(list.document.columns, column);
    if (index === null) throw unknownColumnError(column, list.document.columns);
    if (index !== list.document.mobileColumn) applyOpWithHistory(list, { type: 'set-mobile-column', column: index });
    return view(list);
  }

  async function rows(input: { id: string; offset: number; limit: number; filter: RowFilter; search?: string; keep?: number[] }): Promise<RowPage> {
    const list = await get(input.id);
    const key = `${list.version}\u0000${input.filter}\u0000${input.search?.trim() ?? ''}\u0000${input.keep?.join(',') ?? ''}`;
    if (list.rowCache?.key !== key) {
      list.rowCache = { key, indices: matchingRowIndices(list.document, list.checks, input.filter, input.search, input.keep) };
    }
    return pageRows(list.document, list.checks, list.rowCache.indices, input.offset, input.limit);
  }

  // ---- workspace ---------------------------------------------------------------

  async function rename(id: string, name: string): Promise<ListView> {
    const list = await get(id);
    await flushList(list);
    list.info = { ...list.info, name: name.trim(), updatedAt: now().toISOString() };
    list.version++;
    await flushList(list);
    return view(list);
  }

  async function duplicate(id: string): Promise<ListView> {
    const source = await get(id);
    await flushList(source);
    const copy = await createList(
      {
        name: `${source.info.name} (copie)`,
        sourceFileName: source.info.sourceFileName,
        encoding: source.info.encoding,
        delimiter: source.info.delimiter,
        mobileColumnCandidates: source.info.mobileColumnCandidates,
      },
      source.document,
      { checks: source.checks, columnStats: source.columnStats, summary: source.summary },
    );
    return view(copy);
  }

  async function remove(id: string): Promise<{ deleted: true }> {
    if (!listIdPattern.test(id)) throw listNotFound(id);
    // A list that is not open is deleted without reading its rows.
    const list = open.get(id) ?? (loading.has(id) ? await get(id) : undefined);
    if (list) {
      if (list.saveTimer) clearTimeout(list.saveTimer);
      list.deleted = true;
      await list.saving?.catch(() => {});
      open.delete(id);
    } else if (!(await store.readMeta(id))) {
      throw listNotFound(id);
    }
    await store.remove(id);
    deps.emit('lists:changed', await metas());
    return { deleted: true };
  }

  async function exportList(input: { id: string; encoding: ExportEncoding; sendableOnly: boolean }): Promise<{ path: string; rows: number } | null> {
    const list = await get(input.id);
    await flushList(list);
    const { document, checks } = list;
    const includeRow = input.sendableOnly ? (index: number) => checks.status[index] === statusCode.valid : undefined;
    const text = serializeCsv(document.columns, document.rows, { includeRow });
    const bytes = encodeExport(text, input.encoding);
    const path = await deps.dialogs.chooseSaveFile({
      purpose: 'list-export',
      defaultName: `${safeFileName(list.info.name)}.csv`,
      filters: exportFilters,
    });
    if (!path) return null;
    try {
      await atomicWriter.writeFile(path, bytes);
    } catch (error) {
      deps.log(`Export vers ${path} impossible`, error);
      throw new UserFacingError(
        'export-failed',
        `Le fichier « ${basename(path)} » n'a pas pu être écrit. Choisissez un autre dossier ou fermez le fichier s'il est ouvert dans Excel, puis réessayez.`,
        { file: basename(path) },
      );
    }
    return { path, rows: countIncludedRows(document.rows.length, includeRow) };
  }

  /** Saves every list with pending changes; the app calls it before quitting. */
  async function flush(): Promise<void> {
    await Promise.all([...open.values()].map((list) => saveNow(list).catch((error) => deps.log('Enregistrement impossible', error))));
    await store.idle();
  }

  return {
    metas,
    importBytes: (fileName: string, bytes: Uint8Array) => importBytes(fileName, bytes),
    importFromDialog,
    open: async (id: string) => view(await get(id)),
    rows,
    applyEdit,
    undo,
    redo,
    setMobileColumn,
    rename,
    duplicate,
    remove,
    exportList,
    flush,
    /** For the campaign composer (src-main/campaigns): the list as it stands, table and checks. */
    snapshot: async (id: string) => {
      const list = await get(id);
      return { document: list.document, checks: list.checks, summary: list.summary };
    },
    /** Saves one list's pending changes, so a worker re-reading it from disk sees them. */
    flushOne: async (id: string) => flushList(await get(id)),
  };
}

export type ListService = ReturnType<typeof createListService>;

function listNotFound(id: string): UserFacingError {
  return new UserFacingError('list-not-found', "Cette liste n'existe plus (supprimée ?). Rechargez la page des listes.", { id });
}

function checkInProcess(fileName: string, bytes: Uint8Array) {
  const result = checkListBytes(bytes, { fileName });
  const { encoding, delimiter, mobileColumnCandidates, checks, columnStats, summary, columnar } = result;
  return { encoding, delimiter, mobileColumnCandidates, columnar, state: { document: result.table, checks, columnStats, summary } };
}

function listNameFromFile(fileName: string): string {
  const name = basename(fileName, extname(fileName)).trim();
  return name === '' ? 'Liste sans nom' : name;
}

/** Characters Windows forbids in file names become "_" in the suggested export name. */
function safeFileName(name: string): string {
  const safe = [...name].map((character) => (character.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(character) ? '_' : character));
  return safe.join('').trim() || 'liste';
}
