/**
 * iSendPro jobs on disk: <dataDir>/isendpro/jobs/<jobId>.json (the job and
 * its batches) and <dataDir>/isendpro/jobs/<jobId>/<emailId>.eml (each
 * batch's mail, byte for byte what is sent). Every write is atomic; a mail
 * file is written before the job file that names it.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { IsendproJob } from '@shared/providers/isendpro/isendpro-job';
import { readJsonFile, writeFileAtomic, writeJsonAtomic } from '../workspace/atomic-write';
import { isendproDir } from './email-id-allocator';

export function isendproJobsDir(dataDir: string): string {
  return join(isendproDir(dataDir), 'jobs');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function createIsendproJobStore(dataDir: string) {
  const dir = isendproJobsDir(dataDir);
  const jobPath = (id: string) => join(dir, `${id}.json`);
  const mailPath = (id: string, mailFile: string) => join(dir, id, mailFile);

  return {
    dir,
    async save(job: IsendproJob): Promise<void> {
      await writeJsonAtomic(jobPath(job.id), job);
    },
    async load(id: string): Promise<IsendproJob | undefined> {
      return readJsonFile<IsendproJob>(jobPath(id));
    },
    async list(): Promise<IsendproJob[]> {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const jobs: IsendproJob[] = [];
      for (const name of names.filter((entry) => entry.endsWith('.json')).sort()) {
        const job = await readJsonFile<IsendproJob>(join(dir, name));
        if (job?.formatVersion === 1) jobs.push(job);
      }
      return jobs;
    },
    async writeMail(id: string, mailFile: string, bytes: Uint8Array): Promise<void> {
      await writeFileAtomic(mailPath(id, mailFile), bytes);
    },
    /** The saved bytes, checked against the SHA-256 recorded with the batch (never send a damaged mail). */
    async readMail(id: string, mailFile: string, sha256: string): Promise<Buffer> {
      const bytes = await fs.readFile(mailPath(id, mailFile));
      if (sha256Hex(bytes) !== sha256) throw new Error(`Saved mail ${mailFile} of job ${id} does not match its SHA-256`);
      return bytes;
    },
  };
}

export type IsendproJobStore = ReturnType<typeof createIsendproJobStore>;
