/**
 * Which report versions the user has opened (issue 11 §9): for each
 * campaign, how many versions it had when its report was last opened, in
 * <dataDir>/reports/read.json (atomic writes, one write at a time). A
 * campaign's unread count is its versions beyond that; the "Rapports"
 * navigation item shows the total.
 */
import { join } from 'node:path';
import type { UnreadReportsView } from '@shared/ipc/channels/reports';
import { readJsonFile, writeJsonAtomic } from '../workspace/atomic-write';

interface ReadFile {
  formatVersion: 1;
  /** jobId → versions seen when its report was last opened. */
  seen: Record<string, number>;
}

/** Unread versions per campaign, from the versions each has and the versions seen (pure). */
export function unreadReports(versionsByJob: ReadonlyMap<string, number>, seen: Readonly<Record<string, number>>): UnreadReportsView {
  const byJob: Record<string, number> = {};
  let total = 0;
  for (const [jobId, versions] of versionsByJob) {
    const unread = Math.max(0, versions - (seen[jobId] ?? 0));
    if (unread === 0) continue;
    byJob[jobId] = unread;
    total += unread;
  }
  return { total, byJob };
}

export function createReportReadState(dataDir: string) {
  const path = join(dataDir, 'reports', 'read.json');
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<Record<string, number>> {
    const file = await readJsonFile<ReadFile>(path).catch(() => undefined);
    return file && typeof file.seen === 'object' && file.seen !== null ? file.seen : {};
  }

  return {
    read,
    /** Remembers that `versions` versions of the campaign have been seen (never fewer than before). */
    markRead(jobId: string, versions: number): Promise<void> {
      const run = queue.catch(() => undefined).then(async () => {
        const seen = await read();
        if ((seen[jobId] ?? 0) >= versions) return;
        await writeJsonAtomic(path, { formatVersion: 1, seen: { ...seen, [jobId]: versions } } satisfies ReadFile);
      });
      queue = run;
      return run;
    },
  };
}

export type ReportReadState = ReturnType<typeof createReportReadState>;
