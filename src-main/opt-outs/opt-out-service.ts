/**
 * The local opt-out list, <dataDir>/opt-outs.json (atomic writes, re-read on
 * every call so the app sees what the CLI added): fed by every fetched report
 * (STOP 17, blacklist 14/15/18/116), edited, imported and exported by the
 * user, and read by the lists to exclude those numbers before a drop.
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
import { readJsonFile, writeFileAtomic, writeJsonAtomic } from '../workspace/atomic-write';

interface OptOutsFile extends OptOutList {
  formatVersion: 1;
}

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
}

export function optOutsFilePath(dataDir: string): string {
  return join(dataDir, 'opt-outs.json');
}

const csvFilters = [{ name: 'CSV', extensions: ['csv', 'txt'] }];

export function createOptOutService(options: OptOutServiceOptions) {
  const path = optOutsFilePath(options.dataDir);
  const now = options.now ?? (() => new Date());
  let writing: Promise<unknown> = Promise.resolve();

  async function read(): Promise<OptOutList> {
    const file = await readJsonFile<OptOutsFile>(path).catch(() => undefined);
    return Array.isArray(file?.entries) ? { entries: file.entries } : emptyOptOutList();
  }

  /** Read-modify-write, one at a time within this process. */
  function update<T>(change: (list: OptOutList) => { list: OptOutList; result: T }): Promise<T> {
    const run = writing.catch(() => undefined).then(async () => {
      const { list, result } = change(await read());
      const file: OptOutsFile = { formatVersion: 1, entries: list.entries };
      await writeJsonAtomic(path, file);
      options.onChange?.(list);
      return result;
    });
    writing = run;
    return run;
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
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(filePath);
      } catch (error) {
        throw new UserFacingError('opt-out-import-unreadable', `Le fichier ${filePath} n'a pas pu être lu (${(error as Error).message}). Vérifiez qu'il existe et qu'il n'est pas ouvert ailleurs.`, { path: filePath });
      }
      const { text } = decodeReportBytes(new Uint8Array(bytes));
      const imported = importOptOutsCsv(text, { defaultDate: now() });
      return update((list) => {
        const merged = mergeOptOuts(list, imported.entries);
        return { list: merged.list, result: { added: merged.added, updated: merged.updated, rejected: imported.rejected, total: merged.list.entries.length } };
      });
    },
    async importFromDialog(): Promise<OptOutImportResult | null> {
      const chosen = await options.dialogs?.chooseOpenFile({ purpose: 'opt-outs-import', filters: csvFilters });
      return chosen ? this.importFile(chosen) : null;
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
