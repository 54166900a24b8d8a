/**
 * The reports in the workspace: <dataDir>/reports/<jobId>/ holds every
 * downloaded version as the provider wrote it, and state.json remembers what
 * was downloaded (with each version's figures, so lists and evolution charts
 * never re-parse) and when the provider was last asked. Atomic writes only.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { ReportSummary } from '@shared/reports/summarize-report';
import { readJsonFile, writeJsonAtomic } from '../workspace/atomic-write';

export interface StoredReportVersion {
  fileName: string;
  /** Where it was found on the server ('/Campagnes/Report/…' or '…/archive/…'). */
  remotePath: string;
  archived: boolean;
  /** Generation stamp 'YYYYMMDDHHMMSS' (Paris) and the same instant in ISO. */
  generatedAtStamp: string;
  generatedAt: string;
  bytes: number;
  downloadedAt: string;
  summary: ReportSummary;
  encoding: string;
}

export interface ReportState {
  formatVersion: 1;
  jobId: string;
  campaignId: string | null;
  /** Oldest first. */
  versions: StoredReportVersion[];
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  lastError: { code: string; message: string } | null;
}

export function emptyReportState(jobId: string, campaignId: string | null): ReportState {
  return { formatVersion: 1, jobId, campaignId, versions: [], lastCheckedAt: null, lastSuccessAt: null, consecutiveFailures: 0, lastError: null };
}

/** A report name is written by the provider: keep only a plain file name inside our folder. */
export function isSafeReportFileName(name: string): boolean {
  return /^[^/\\\0]+$/.test(name) && !name.startsWith('.') && name !== 'state.json' && !name.endsWith('.tmp');
}

export function createReportStore(dataDir: string) {
  const root = join(dataDir, 'reports');
  const jobDir = (jobId: string) => join(root, jobId);
  const statePath = (jobId: string) => join(jobDir(jobId), 'state.json');

  return {
    root,
    jobDir,
    filePath: (jobId: string, fileName: string) => join(jobDir(jobId), fileName),
    async readState(jobId: string): Promise<ReportState | undefined> {
      try {
        const state = await readJsonFile<ReportState>(statePath(jobId));
        return state && state.jobId === jobId && Array.isArray(state.versions) ? state : undefined;
      } catch {
        return undefined;
      }
    },
    writeState: (state: ReportState) => writeJsonAtomic(statePath(state.jobId), state),
    /** Names of the report files already on disk (a crash between saving a file and the state leaves one there). */
    async filesOnDisk(jobId: string): Promise<Set<string>> {
      try {
        return new Set((await fs.readdir(jobDir(jobId))).filter(isSafeReportFileName));
      } catch {
        return new Set();
      }
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
