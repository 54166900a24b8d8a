/**
 * Lists on disk, under `<dataDir>/lists/<id>/`:
 * - `data-<revision>.csv`: the table exactly as the user has it (UTF-8, `;`,
 *   header, CRLF, quoted only when needed);
 * - `meta.json`: name, source file, detected encoding and delimiter, mobile
 *   column, figures for the overview, timestamps, and which data file is current.
 *
 * A save writes a new data file atomically, then meta.json atomically, then
 * removes the old data file. meta.json is the commit point: a crash at any
 * moment leaves a meta.json that names a complete data file of the same
 * version, so the previous version is never damaged.
 *
 * Big lists also get a reopen cache, `<dataDir>/list-cache/<id>-<revision>.bin`
 * (list-cache.ts): the parsed rows and check results, written before meta.json
 * and only ever used when it matches meta.json's data file and revision.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Delimiter, ListMeta, TextEncoding } from '@shared/lists/list-types';
import type { ListDocument } from '@shared/lists/list-document';
import { serializeCsvChunks } from '@shared/lists/serialize-csv';
import { parseSavedCsv } from '@shared/lists/parse-csv';
import { arrayRows } from '@shared/lists/list-rows';
import { readJsonFile, writeFileAtomic } from '../workspace/atomic-write';
import { decodeListCache, type ListCacheContent, type ListCacheKey } from './list-cache';

export interface StoredListMeta {
  formatVersion: 1;
  id: string;
  name: string;
  sourceFileName: string;
  encoding: TextEncoding;
  delimiter: Delimiter;
  /** By position: two columns may share a name. */
  mobileColumnIndex: number | null;
  mobileColumnCandidates: string[];
  dataFile: string;
  revision: number;
  rows: number;
  sendable: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredList {
  meta: StoredListMeta;
  document: ListDocument;
}

/** Writes go through this seam so tests can make one fail mid-save. */
export interface ListFileWriter {
  writeFile(path: string, data: string | Uint8Array | AsyncIterable<Uint8Array>): Promise<void>;
}

export const atomicWriter: ListFileWriter = { writeFile: writeFileAtomic };

/** What a save may write beside the data file: the reopen cache, built once the data file's size and revision are known. */
export interface CacheRequest {
  /** Smaller data files are parsed faster than a cache is read: no cache for them. */
  minDataChars: number;
  encode: (key: Omit<ListCacheKey, 'ruleVersion'>) => Promise<readonly Uint8Array[] | null>;
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createListStore(dataDir: string, writer: ListFileWriter = atomicWriter) {
  const listsDir = join(dataDir, 'lists');
  const listDir = (id: string) => join(listsDir, id);
  const metaPath = (id: string) => join(listDir(id), 'meta.json');
  const cacheDir = join(dataDir, 'list-cache');
  const cachePath = (id: string, revision: number) => join(cacheDir, `${id}-${revision}.bin`);

  async function save(
    meta: Omit<StoredListMeta, 'dataFile' | 'revision'> & { revision?: number },
    document: ListDocument,
    cache?: CacheRequest,
  ): Promise<StoredListMeta> {
    const previous = await readMeta(meta.id);
    const revision = Math.max(meta.revision ?? 0, previous?.revision ?? 0) + 1;
    const dataFile = `data-${revision}.csv`;
    const parts = await serializeYielding(document);
    await writer.writeFile(join(listDir(meta.id), dataFile), encodedPieces(parts));
    const stored: StoredListMeta = { ...meta, formatVersion: 1, revision, dataFile, mobileColumnIndex: document.mobileColumn };
    const json = JSON.stringify(stored, null, 2);
    await writer.writeFile(metaPath(meta.id), json);
    if (previous && previous.dataFile !== dataFile) {
      await fs.rm(join(listDir(meta.id), previous.dataFile), { force: true });
    }
    committedRevision.set(meta.id, revision);
    await removeCaches(meta.id, revision);
    // The cache is written after the commit, without holding the save up: until it is there, a reopen reads the CSV.
    if (cache && totalLength(parts) >= cache.minDataChars) track(writeCache(meta.id, revision, () => cache.encode({ dataFile, revision })));
    return stored;
  }

  const pending = new Set<Promise<void>>();
  // The revision each list's last save committed: a cache write that ends after a newer save removes its own file.
  const committedRevision = new Map<string, number>();
  function track(work: Promise<void>): void {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  }

  /** Resolves once every cache write started so far is done. */
  async function idle(): Promise<void> {
    while (pending.size > 0) await Promise.all([...pending]);
  }

  /** Writes the reopen cache of one revision; a cache that cannot be written is simply not there (the CSV is the truth). */
  async function writeCache(id: string, revision: number, encode: () => Promise<readonly Uint8Array[] | null>): Promise<void> {
    try {
      const bytes = await encode();
      if (bytes) await writer.writeFile(cachePath(id, revision), piecesYielding(bytes));
      // A newer save (its removeCaches already ran) or a deletion came while this was encoded: this file is stale.
      if (committedRevision.get(id) !== revision) await fs.rm(cachePath(id, revision), { force: true });
    } catch {
      await fs.rm(cachePath(id, revision), { force: true }).catch(() => {});
    }
  }

  /** The cached rows and checks of the list's current revision, or null (absent, stale, other rule version). */
  async function loadCache(id: string, key: ListCacheKey): Promise<ListCacheContent | null> {
    let file: Buffer;
    try {
      file = await fs.readFile(cachePath(id, key.revision));
    } catch {
      return null;
    }
    return decodeListCache(file, key, yieldNow);
  }

  /** Removes the list's cache files, but the one of `keepRevision`. */
  async function removeCaches(id: string, keepRevision?: number): Promise<void> {
    const names = await fs.readdir(cacheDir).catch(() => [] as string[]);
    const keep = keepRevision === undefined ? null : `${id}-${keepRevision}.bin`;
    await Promise.all(
      names
        .filter((name) => name !== keep && (name.startsWith(`${id}-`) || name.startsWith(`.${id}-`)))
        .map((name) => fs.rm(join(cacheDir, name), { force: true })),
    );
  }

  /** Rewrites meta.json only (name, figures…) when the table itself has not changed since the last save. */
  async function saveMeta(meta: Omit<StoredListMeta, 'dataFile' | 'revision'>): Promise<StoredListMeta> {
    const previous = await readMeta(meta.id);
    if (!previous) throw new Error(`meta.json de la liste ${meta.id} absent`);
    const stored: StoredListMeta = { ...meta, formatVersion: 1, revision: previous.revision, dataFile: previous.dataFile };
    await writer.writeFile(metaPath(meta.id), JSON.stringify(stored, null, 2));
    return stored;
  }

  async function readMeta(id: string): Promise<StoredListMeta | undefined> {
    try {
      return await readJsonFile<StoredListMeta>(metaPath(id));
    } catch {
      // A meta.json that cannot be parsed is treated as absent; atomic writes make this a foreign file.
      return undefined;
    }
  }

  async function load(id: string): Promise<StoredList | undefined> {
    const meta = await readMeta(id);
    if (!meta) return undefined;
    const text = await fs.readFile(join(listDir(id), meta.dataFile), 'utf8');
    const [columns = [], ...rows] = parseSavedCsv(text, ';');
    const mobileColumn = meta.mobileColumnIndex !== null && meta.mobileColumnIndex < columns.length ? meta.mobileColumnIndex : null;
    return { meta, document: { columns, rows: arrayRows(rows), mobileColumn } };
  }

  async function listMetas(): Promise<StoredListMeta[]> {
    let ids: string[];
    try {
      ids = await fs.readdir(listsDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const metas = await Promise.all(ids.map((id) => readMeta(id)));
    return metas.filter((meta): meta is StoredListMeta => meta !== undefined);
  }

  async function remove(id: string): Promise<void> {
    committedRevision.delete(id);
    await idle();
    await fs.rm(listDir(id), { recursive: true, force: true });
    await removeCaches(id);
  }

  /** Data files a crash left behind (written but never committed by meta.json). */
  async function removeStrayFiles(id: string, current: string): Promise<void> {
    const names = await fs.readdir(listDir(id)).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => name !== current && name !== 'meta.json' && /^(data-\d+\.csv|\..*\.tmp)$/.test(name))
        .map((name) => fs.rm(join(listDir(id), name), { force: true })),
    );
  }

  return { save, saveMeta, load, readMeta, listMetas, remove, removeStrayFiles, listDir, writeCache: (id: string, revision: number, encode: () => Promise<readonly Uint8Array[] | null>) => {
      // A reopen writes the cache of the revision it read; a save of this process may know a newer one.
      if (!committedRevision.has(id)) committedRevision.set(id, revision);
      track(writeCache(id, revision, encode));
    }, loadCache, idle };
}

export type ListStore = ReturnType<typeof createListStore>;

/** Serialises in pieces, letting IPC requests run in between (a 1,000,000-row list takes about a second). */
async function serializeYielding(document: ListDocument): Promise<string[]> {
  const parts: string[] = [];
  for (const part of serializeCsvChunks(document.columns, document.rows, { chunkRows: 5_000 })) {
    parts.push(part);
    await yieldNow();
  }
  return parts;
}

/** The pieces as UTF-8, one at a time with a turn of the event loop between them (never one 60 MB string or buffer). */
async function* encodedPieces(parts: readonly string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) {
    yield Buffer.from(part, 'utf8');
    await yieldNow();
  }
}

async function* piecesYielding(pieces: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const piece of pieces) {
    yield piece;
    await yieldNow();
  }
}

function totalLength(parts: readonly string[]): number {
  let length = 0;
  for (const part of parts) length += part.length;
  return length;
}

export function toListMeta(meta: Pick<StoredListMeta, 'id' | 'name' | 'rows' | 'sendable' | 'updatedAt'>): ListMeta {
  return { id: meta.id, name: meta.name, rows: meta.rows, sendable: meta.sendable, updatedAt: meta.updatedAt };
}
