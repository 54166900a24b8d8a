/**
 * The queue on disk: <dataDir>/queue/<jobId>.json (atomic writes) and the
 * prepared file in <dataDir>/queue/<jobId>/. The JSON is the commit point: a
 * folder without its JSON is what a crash during enqueue left, never a job.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile, writeFileAtomic, writeJsonAtomic } from '../workspace/atomic-write';
import type { JobRecord, PreparedFileRef } from './job-record';

const jobIdPattern = /^j[a-z0-9]{6,40}$/;

export function newJobId(now: Date): string {
  return `j${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`;
}

export function isJobId(value: string): boolean {
  return jobIdPattern.test(value);
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function createJobStore(dataDir: string) {
  const queueDir = join(dataDir, 'queue');
  const recordPath = (id: string) => join(queueDir, `${id}.json`);
  const filesDir = (id: string) => join(queueDir, id);

  async function read(id: string): Promise<JobRecord | undefined> {
    if (!isJobId(id)) return undefined;
    try {
      const record = await readJsonFile<JobRecord>(recordPath(id));
      return record && record.job && record.job.id === id ? record : undefined;
    } catch {
      // Atomic writes never leave a torn JSON: an unreadable one is a foreign file.
      return undefined;
    }
  }

  async function ids(): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(queueDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).filter(isJobId);
  }

  async function readAll(): Promise<JobRecord[]> {
    const records = await Promise.all((await ids()).map((id) => read(id)));
    return records
      .filter((record): record is JobRecord => record !== undefined)
      .sort((a, b) => a.job.createdAt.localeCompare(b.job.createdAt) || a.job.id.localeCompare(b.job.id));
  }

  async function write(record: JobRecord): Promise<void> {
    await writeJsonAtomic(recordPath(record.job.id), record);
  }

  /** Saves the prepared file (before the record exists: the record commits it). */
  async function saveFile(id: string, name: string, data: Uint8Array, recipients: number): Promise<PreparedFileRef> {
    await writeFileAtomic(join(filesDir(id), name), data);
    return { name, bytes: data.length, sha256: sha256Hex(data), recipients };
  }

  function filePath(id: string, file: PreparedFileRef): string {
    return join(filesDir(id), file.name);
  }

  async function readFile(id: string, file: PreparedFileRef): Promise<Buffer> {
    return fs.readFile(filePath(id, file));
  }

  function openFileStream(id: string, file: PreparedFileRef) {
    return createReadStream(filePath(id, file));
  }

  /** Removes prepared-file folders without a record (a crash between saving the file and the record). */
  async function removeOrphans(): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(queueDir);
    } catch {
      return [];
    }
    const recorded = new Set(names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)));
    const orphans = names.filter((name) => isJobId(name) && !recorded.has(name));
    const removed: string[] = [];
    for (const name of orphans) {
      const stat = await fs.stat(join(queueDir, name)).catch(() => null);
      // Only old ones: a folder a moment old may belong to an enqueue in progress in another process.
      if (stat?.isDirectory() && Date.now() - stat.mtimeMs > 10 * 60_000) {
        await fs.rm(join(queueDir, name), { recursive: true, force: true });
        removed.push(name);
      }
    }
    return removed;
  }

  return { queueDir, recordPath, read, readAll, ids, write, saveFile, filePath, readFile, openFileStream, removeOrphans };
}

export type JobStore = ReturnType<typeof createJobStore>;
