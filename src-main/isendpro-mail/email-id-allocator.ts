/**
 * emailId is iSendPro's idempotency key ("si 2 e-mails sont reçus avec le
 * même emailId, alors le 2nd ne sera pas traité"). Dropdesk allocates it when
 * a batch is created, unique forever for the install: a counter in
 * <dataDir>/isendpro/email-ids.json, taken under the queue's cross-process
 * lock (the app and the CLI share the workspace) and saved atomically before
 * the ids are used. A crash after saving only leaves a gap; an id is never
 * handed out twice. The first id is seeded from the clock (seconds since
 * 2020) so a reinstalled workspace does not start again at 1 and collide
 * with the ids the account already saw.
 */
import { join } from 'node:path';
import { acquireJobLock, newLockOwner } from '../queue/job-lock';
import { readJsonFile, writeJsonAtomic } from '../workspace/atomic-write';

interface EmailIdFile {
  formatVersion: 1;
  next: number;
}

const EPOCH_2020_MS = Date.UTC(2020, 0, 1);

export function isendproDir(dataDir: string): string {
  return join(dataDir, 'isendpro');
}

async function withLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const owner = newLockOwner();
  for (let attempt = 0; attempt < 200; attempt++) {
    const lock = await acquireJobLock(dir, 'email-ids', owner);
    if (lock) {
      try {
        return await work();
      } finally {
        await lock.release();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('The emailId counter is locked by another Dropdesk process');
}

/** `count` consecutive new emailIds (saved as used before they are returned). */
export async function allocateEmailIds(dataDir: string, count: number, now: Date = new Date()): Promise<number[]> {
  const dir = isendproDir(dataDir);
  const path = join(dir, 'email-ids.json');
  return withLock(dir, async () => {
    const file = await readJsonFile<EmailIdFile>(path);
    const seed = Math.max(1, Math.floor((now.getTime() - EPOCH_2020_MS) / 1000)) * 10;
    const first = Math.max(file?.next ?? 0, file ? 1 : seed);
    const next = first + count;
    if (!Number.isSafeInteger(next)) throw new Error('emailId counter overflow');
    await writeJsonAtomic(path, { formatVersion: 1, next } satisfies EmailIdFile);
    return Array.from({ length: count }, (_, index) => first + index);
  });
}
