/**
 * A drop queued for later is checked against the opt-out list again just
 * before its first upload: a number that answered STOP since the drop was
 * queued is left out. The job's bytes are rebuilt and saved (new file, then
 * the record that points at it, then the old file removed) BEFORE the upload
 * starts — only while no byte can have left: the job has no remote name yet
 * (the queue fixes it, persisted, just before the first byte). A drop where
 * the user chose to include opted-out numbers is left as it is. An opt-out
 * list that cannot be read throws 'opt-outs-unreadable': the queue then
 * leaves the job as it is and uploads nothing.
 */
import { promises as fs } from 'node:fs';
import { isProviderId } from '@shared/providers/provider-ids';
import { getProviderProfile } from '@shared/providers/provider-registry';
import { removeOptedOutRecipients, type DropFileFamily } from '@shared/providers/drop-file-recipients';
import type { JobRecord } from '../queue/job-record';
import { sha256Hex, type JobStore } from '../queue/job-store';

export interface OptOutRecheckDeps {
  store: Pick<JobStore, 'readFile' | 'saveFile' | 'filePath'>;
  /** The opt-out numbers now (throws when the list cannot be read). */
  numberSet(): Promise<ReadonlySet<string>>;
  /** Writes the record (the queue's persist: on disk first, then shown). */
  persist(record: JobRecord): Promise<void>;
  /** The saved file's layout when the job's provider is not a file drop (the REST driver's list is a MediasFlow CSV). */
  family?: DropFileFamily;
}

export interface OptOutRecheck {
  record: JobRecord;
  /** Recipients left out now. */
  removed: number;
  /** True when every recipient opted out: nothing is left to send. */
  emptied: boolean;
}

/** True while no byte of the job can have left: queued or waiting, and no remote name fixed yet. */
export function isBeforeFirstUpload(record: JobRecord): boolean {
  const { job } = record;
  return (job.state === 'queued' || job.state === 'waiting') && job.remoteName === null && job.uploadedBytes === 0;
}

/**
 * The one rule both the file drop and the mail driver follow: the opt-out
 * numbers a job not sent yet must be checked against now — null when the
 * user chose to include opted-out numbers or nobody opted out. Throws when
 * the list cannot be read (the caller sends nothing: fail closed).
 */
export async function optOutsToRecheck(record: Pick<JobRecord, 'optOuts'>, numberSet: () => Promise<ReadonlySet<string>>): Promise<ReadonlySet<string> | null> {
  if (record.optOuts === 'included') return null;
  const optOuts = await numberSet();
  return optOuts.size === 0 ? null : optOuts;
}

export async function recheckOptOutsBeforeFirstUpload(record: JobRecord, deps: OptOutRecheckDeps): Promise<OptOutRecheck> {
  const unchanged: OptOutRecheck = { record, removed: 0, emptied: false };
  if (!isBeforeFirstUpload(record)) return unchanged;
  const optOuts = await optOutsToRecheck(record, deps.numberSet);
  if (!optOuts) return unchanged;
  const data = await deps.store.readFile(record.job.id, record.file).catch(() => null);
  // A missing or changed file is the queue's to report (it never sends it); nothing to rebuild here.
  if (!data || sha256Hex(data) !== record.file.sha256) return unchanged;
  // Only file drops carry a recipients file this can rebuild; anything else is a wiring mistake, never a silent skip.
  const { providerId } = record.job;
  const family = deps.family ?? (isProviderId(providerId) ? getProviderProfile(providerId).family : null);
  if (!family) throw new Error(`opt-out recheck: ${providerId} has no drop file`);
  const filtered = removeOptedOutRecipients(family, data.toString('utf8'), optOuts);
  if (filtered.removed === 0) return unchanged;
  if (filtered.kept === 0) return { record, removed: filtered.removed, emptied: true };
  const bytes = Buffer.from(filtered.text, 'utf8');
  const name = `drop-${sha256Hex(bytes).slice(0, 12)}.csv`;
  const oldPath = deps.store.filePath(record.job.id, record.file);
  const file = await deps.store.saveFile(record.job.id, name, bytes, filtered.kept);
  const next: JobRecord = { ...record, file };
  await deps.persist(next);
  if (deps.store.filePath(record.job.id, file) !== oldPath) await fs.rm(oldPath, { force: true });
  return { record: next, removed: filtered.removed, emptied: false };
}
