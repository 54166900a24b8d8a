/**
 * The local opt-out list, <dataDir>/opt-outs.json (atomic writes, re-read on
 * every call so the app sees what the CLI added): fed by every fetched report
 * (STOP 17, blacklist 14/15/18/116), edited, imported and exported by the
 * user, and read by the lists to exclude those numbers before a drop.
 *
 * Fails closed: a missing file is an empty list, but a file that exists and
 * cannot be read or parsed makes every read throw 'opt-outs-unreadable' (so
 * every drop is blocked) and is never overwritten by an ordinary change.
 * Every write also saves the new list to opt-outs.json.bak (the last good
 * copy); the repair is restoreBackup() or replaceFromFile() (a CSV), which
 * keep the damaged file aside. Writes are serialised across processes (the
 * app's report poller and the CLI `report` both add numbers) by a lock file,
 * <dataDir>/opt-outs.lock, taken like the queue's job locks.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { decodeReportBytes } from '@shared/reports/report-encoding';
import {
  emptyOptOutList,
  exportOptOutsCsv,
  importOptOutsCsv,
  mergeOptOuts,
  normaliseOptOutNumber,
  optOutNumberSet,
  removeOptOuts,
  upsertOptOut,
  type OptOutEntry,
  type OptOutList,
} from '@shared/reports/opt-outs';
import type { Dialogs } from '../main-deps';
import { acquireJobLock, newLockOwner, type JobLock } from '../queue/job-lock';
import { writeFileAtomic } from '../workspace/atomic-write';
import { optOutsUnreadableMessage, parseOptOutsFile, serializeOptOutsFile } from './opt-outs-file';

export interface OptOutImportResult {
  added: number;
  updated: number;
  rejected: { line: number; value: string }[];
  total: number;
}

export interface OptOutServiceOptions {
  dataDir: string;
  dialogs?: Dialogs;
  now?: () => Date;
  /** Told after every change (the app emits 'opt-outs:changed'). */
  onChange?: (list: OptOutList) => void;
  /** Longest wait for another process's write (default 30 s). */
  lockTimeoutMs?: number;
}

export interface OptOutStatus {
  /** False when opt-outs.json exists but cannot be read or parsed: every drop is blocked. */
  readable: boolean;
  /** Why it is unreadable (technical, for the details). */
  problem: string | null;
  entries: number | null;
  /** The last good copy kept beside it, if usable. */
  backup: { entries: number } | null;
}

export function optOutsFilePath(dataDir: string): string {
  return join(dataDir, 'opt-outs.json');
}

export function optOutsBackupPath(dataDir: string): string {
  return join(dataDir, 'opt-outs.json.bak');
}

const lockName = 'opt-outs';

export function optOutsUnreadableError(problem?: string): UserFacingError {
  return new UserFacingError(
    'opt-outs-unreadable',
    `${optOutsUnreadableMessage}. Ouvrez Rapports → Liste d'opposition pour restaurer la dernière copie ou importer un fichier CSV.`,
    problem ? { problem } : undefined,
  );
}

type FileRead = { state: 'missing' } | { state: 'ok'; list: OptOutList } | { state: 'unreadable'; problem: string };

async function readListFile(path: string): Promise<FileRead> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', problem: (error as Error).message };
  }
  const parsed = parseOptOutsFile(text);
  return parsed.ok ? { state: 'ok', list: parsed.list } : { state: 'unreadable', problem: parsed.problem };
}

const csvFilters = [{ name: 'CSV', extensions: ['csv', 'txt'] }];

export function createOptOutService(options: OptOutServiceOptions) {
  const path = optOutsFilePath(options.dataDir);
  const backupPath = optOutsBackupPath(options.dataDir);
  const now = options.now ?? (() => new Date());
  const lockTimeoutMs = options.lockTimeoutMs ?? 30_000;
  const owner = newLockOwner();
  let writing: Promise<unknown> = Promise.resolve();

  async function read(): Promise<OptOutList> {
    const file = await readListFile(path);
    if (file.state === 'unreadable') throw optOutsUnreadableError(file.problem);
    return file.state === 'ok' ? file.list : emptyOptOutList();
  }

  /** The cross-process lock, waited for (another process holds it for one short write). */
  async function lockFile(): Promise<JobLock> {
    const deadline = Date.now() + lockTimeoutMs;
    for (;;) {
      const held = await acquireJobLock(options.dataDir, lockName, owner);
      if (held) return held;
      if (Date.now() > deadline) {
        throw new UserFacingError('opt-outs-busy', "La liste d'opposition est en cours de modification par un autre programme Dropdesk. Réessayez dans un instant.");
      }
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
    }
  }

  /** Writes the list and its last good copy (the copy first: a crash between leaves two good files). */
  async function writeList(list: OptOutList): Promise<void> {
    const text = serializeOptOutsFile(list);
    await writeFileAtomic(backupPath, text);
    await writeFileAtomic(path, text);
  }

  /** Under the in-process queue and the cross-process lock. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = writing.catch(() => undefined).then(async () => {
      const held = await lockFile();
      try {
        return await work();
      } finally {
        await held.release().catch(() => undefined);
      }
    });
    writing = run;
    return run;
  }

  /** Read-modify-write; refused (nothing written) while the file is unreadable. */
  function update<T>(change: (list: OptOutList) => { list: OptOutList; result: T }): Promise<T> {
    return exclusive(async () => {
      const { list, result } = change(await read());
      await writeList(list);
      options.onChange?.(list);
      return result;
    });
  }

  /** Replaces an unreadable file by `list`, keeping the damaged one aside (never deleted). */
  function repairWith(list: OptOutList): Promise<void> {
    return exclusive(async () => {
      const current = await readListFile(path);
      if (current.state === 'unreadable') {
        const aside = `${path}.illisible-${now().toISOString().replace(/[:.]/g, '-')}`;
        await fs.rename(path, aside);
      } else if (current.state === 'ok') {
        throw new UserFacingError('opt-outs-readable', "La liste d'opposition est lisible : il n'y a rien à réparer.");
      }
      await writeList(list);
      options.onChange?.(list);
    });
  }

  async function status(): Promise<OptOutStatus> {
    const [file, backup] = await Promise.all([readListFile(path), readListFile(backupPath)]);
    return {
      readable: file.state !== 'unreadable',
      problem: file.state === 'unreadable' ? file.problem : null,
      entries: file.state === 'ok' ? file.list.entries.length : file.state === 'missing' ? 0 : null,
      backup: backup.state === 'ok' ? { entries: backup.list.entries.length } : null,
    };
  }

  async function readImport(filePath: string) {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(filePath);
    } catch (error) {
      throw new UserFacingError('opt-out-import-unreadable', `Le fichier ${filePath} n'a pas pu être lu (${(error as Error).message}). Vérifiez qu'il existe et qu'il n'est pas ouvert ailleurs.`, { path: filePath });
    }
    const { text } = decodeReportBytes(new Uint8Array(bytes));
    return importOptOutsCsv(text, { defaultDate: now() });
  }

  function requireNumber(value: string): string {
    const number = normaliseOptOutNumber(value);
    if (number === null) {
      throw new UserFacingError('opt-out-invalid-number', `« ${value} » n'est pas un numéro de téléphone. Saisissez-le comme 06 12 34 56 78 ou +33 6 12 34 56 78.`, { value });
    }
    return number;
  }

  return {
    read,
    status,
    async numberSet(): Promise<Set<string>> {
      return optOutNumberSet(await read());
    },
    /** Entries from a report: earliest date wins (see shared/reports/opt-outs). */
    mergeFromReport(entries: readonly OptOutEntry[]): Promise<{ added: number; updated: number }> {
      if (entries.length === 0) return Promise.resolve({ added: 0, updated: 0 });
      return update((list) => {
        const merged = mergeOptOuts(list, entries);
        return { list: merged.list, result: { added: merged.added, updated: merged.updated } };
      });
    },
    async add(input: { number: string }): Promise<OptOutList> {
      const number = requireNumber(input.number);
      return update((list) => {
        const next = upsertOptOut(list, { number, reason: 'manual', code: null, date: now().toISOString(), sourceCampaign: null });
        return { list: next, result: next };
      });
    },
    remove(input: { numbers: string[] }): Promise<OptOutList> {
      const numbers = input.numbers.map((value) => normaliseOptOutNumber(value) ?? value);
      return update((list) => {
        const next = removeOptOuts(list, numbers);
        return { list: next, result: next };
      });
    },
    /** Reads a CSV/TXT of numbers (our export or any file with a number column). */
    async importFile(filePath: string): Promise<OptOutImportResult> {
      const imported = await readImport(filePath);
      return update((list) => {
        const merged = mergeOptOuts(list, imported.entries);
        return { list: merged.list, result: { added: merged.added, updated: merged.updated, rejected: imported.rejected, total: merged.list.entries.length } };
      });
    },
    async importFromDialog(): Promise<OptOutImportResult | null> {
      const chosen = await options.dialogs?.chooseOpenFile({ purpose: 'opt-outs-import', filters: csvFilters });
      return chosen ? this.importFile(chosen) : null;
    },
    /** Repair: the last good copy (opt-outs.json.bak) becomes the list again. */
    async restoreBackup(): Promise<OptOutList> {
      const backup = await readListFile(backupPath);
      if (backup.state !== 'ok') {
        throw new UserFacingError('opt-outs-no-backup', "Aucune copie de la liste d'opposition n'est utilisable. Importez un fichier CSV des numéros opposés (par exemple le dernier export).");
      }
      await repairWith(backup.list);
      return backup.list;
    },
    /** Repair: a CSV of numbers (our export or any file with a number column) becomes the list. */
    async replaceFromFile(filePath: string): Promise<OptOutImportResult> {
      const imported = await readImport(filePath);
      const { list, added } = mergeOptOuts(emptyOptOutList(), imported.entries);
      await repairWith(list);
      return { added, updated: 0, rejected: imported.rejected, total: list.entries.length };
    },
    async replaceFromDialog(): Promise<OptOutImportResult | null> {
      const chosen = await options.dialogs?.chooseOpenFile({ purpose: 'opt-outs-import', filters: csvFilters });
      return chosen ? this.replaceFromFile(chosen) : null;
    },
    async exportToDialog(): Promise<{ path: string; count: number } | null> {
      const list = await read();
      const chosen = await options.dialogs?.chooseSaveFile({ purpose: 'opt-outs-export', defaultName: 'liste-opposition.csv', filters: csvFilters });
      if (!chosen) return null;
      await writeFileAtomic(chosen, new TextEncoder().encode(exportOptOutsCsv(list)));
      return { path: chosen, count: list.entries.length };
    },
  };
}

export type OptOutService = ReturnType<typeof createOptOutService>;
