/**
 * One worker per job across processes (the app and the CLI share a queue):
 * <dataDir>/queue/<jobId>.lock, created with O_EXCL ('wx') and holding the
 * owner's pid, host, instance token and time. The holder touches it while it
 * works (heartbeat). A lock is stale when its process is dead (same host) or
 * when it has not been touched for `staleMs`; a stale lock is taken over
 * under a second exclusive file ('.takeover') so two processes never both
 * take it over, and the content is re-checked before it is removed.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface LockInfo {
  pid: number;
  host: string;
  /** Instance token: two queues in one process (tests) are different owners. */
  owner: string;
  at: string;
}

export interface JobLock {
  readonly path: string;
  /** False when another process took the lock over (we stalled past staleMs). */
  stillOwned(): Promise<boolean>;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Untouched this long → stale. The holder touches it every staleMs / 4. */
  staleMs?: number;
  isPidAlive?: (pid: number) => boolean;
}

export const defaultLockStaleMs = 2 * 60_000;
const takeoverStaleMs = 30_000;

export function newLockOwner(): string {
  return randomBytes(8).toString('hex');
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function createExclusive(path: string, content: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

async function readLock(path: string): Promise<{ info: LockInfo | null; raw: string; mtimeMs: number } | null> {
  try {
    const [raw, stat] = await Promise.all([fs.readFile(path, 'utf8'), fs.stat(path)]);
    let info: LockInfo | null = null;
    try {
      info = JSON.parse(raw) as LockInfo;
    } catch {
      // Being written by its creator right now (open then write): judged by its age only.
    }
    return { info, raw, mtimeMs: stat.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function lockPath(queueDir: string, jobId: string): string {
  return join(queueDir, `${jobId}.lock`);
}

/** Who holds the job's lock, if anyone (for messages). */
export async function lockHolder(queueDir: string, jobId: string): Promise<LockInfo | null> {
  return (await readLock(lockPath(queueDir, jobId)))?.info ?? null;
}

/** Takes the job's lock, or returns null when a live owner holds it. */
export async function acquireJobLock(queueDir: string, jobId: string, owner: string, options: LockOptions = {}): Promise<JobLock | null> {
  const staleMs = options.staleMs ?? defaultLockStaleMs;
  const alive = options.isPidAlive ?? isPidAlive;
  const path = lockPath(queueDir, jobId);
  const info: LockInfo = { pid: process.pid, host: hostname(), owner, at: new Date().toISOString() };
  const content = JSON.stringify(info);
  await fs.mkdir(queueDir, { recursive: true });

  const isStale = (found: NonNullable<Awaited<ReturnType<typeof readLock>>>): boolean => {
    if (Date.now() - found.mtimeMs > staleMs) return true;
    const holder = found.info;
    if (!holder) return false;
    return holder.host === info.host && holder.pid !== process.pid && !alive(holder.pid);
  };

  let acquired = await createExclusive(path, content);
  if (!acquired) {
    const found = await readLock(path);
    if (found && !isStale(found)) return null;
    // Stale (or just released): take it over under the takeover guard.
    const guard = `${path}.takeover`;
    if (!(await createExclusive(guard, content))) {
      const guardStat = await fs.stat(guard).catch(() => null);
      if (guardStat && Date.now() - guardStat.mtimeMs > takeoverStaleMs) await fs.rm(guard, { force: true });
      return null;
    }
    try {
      const again = await readLock(path);
      if (again && (!isStale(again) || again.raw !== found?.raw)) return null;
      if (again) await fs.rm(path, { force: true });
      acquired = await createExclusive(path, content);
    } finally {
      await fs.rm(guard, { force: true });
    }
    if (!acquired) return null;
  }

  const stillOwned = async (): Promise<boolean> => (await readLock(path))?.raw === content;
  let released = false;
  const timer = setInterval(() => {
    void stillOwned()
      .then((owned) => {
        if (owned && !released) {
          const at = new Date();
          return fs.utimes(path, at, at);
        }
      })
      .catch(() => undefined);
  }, Math.max(1_000, Math.floor(staleMs / 4)));
  timer.unref();

  return {
    path,
    stillOwned,
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      if (await stillOwned().catch(() => false)) await fs.rm(path, { force: true });
    },
  };
}
