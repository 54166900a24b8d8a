/**
 * Recipient lists at 1,000,000 rows (issue 2): `list check` on a generated
 * Excel-like Windows-1252 list (7 columns, mixed number formats), beside a
 * plain papaparse parse of the same file, each in a fresh process for its own
 * time and peak memory; then, in this process, what the editable grid does
 * after an import: first page, search, an edit and its full recheck, remove
 * duplicates, undo, and a save to disk. Figures go to stdout.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBenchList, benchDataDir } from './bench-data';
import { checkListBytes, checkDocument } from '../shared/lists/check-list-bytes';
import { editToOp } from '../shared/lists/list-document';
import { recheckAfterOp, type ListState } from '../shared/lists/list-state';
import { applyWithHistory, emptyHistory, undoStep } from '../shared/lists/edit-history';
import { matchingRowIndices, pageRows } from '../shared/lists/row-query';
import { createListStore } from '../src-main/lists/list-store';

/** 1,000,000 as the issue measures; DROPDESK_BENCH_ROWS=200000 for a quicker run while developing. */
const ROWS = Number(process.env.DROPDESK_BENCH_ROWS ?? 1_000_000);
const RUNS = 3;
const repoRoot = fileURLToPath(new URL('../', import.meta.url));

interface PhaseResult {
  phase: string;
  ms: number;
  rows: number;
  maxRssMb: number;
}

async function runPhase(phase: string, file: string): Promise<PhaseResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/lists-bench-phase.ts', phase, file], {
    cwd: repoRoot,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as PhaseResult;
}

interface Stall {
  totalMs: number;
  longestStallMs: number;
  eventLoopDelayMaxMs: number;
}

interface ServiceFigures {
  import: Stall;
  reopen: Stall;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function time<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: Math.round(performance.now() - started), value };
}

export async function run(): Promise<Record<string, unknown>> {
  const file = await generateBenchList(ROWS);
  const sizeMb = +(statSync(file).size / 1024 / 1024).toFixed(1);
  console.log(`lists: ${ROWS} rows, ${sizeMb} MiB Windows-1252 (${file.replace(repoRoot, '')})`);

  // Alternate the two phases so a busy machine penalises both alike; keep the median.
  const parse: PhaseResult[] = [];
  const check: PhaseResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    parse.push(await runPhase('papaparse', file));
    check.push(await runPhase('check', file));
  }
  const parseMs = median(parse.map((result) => result.ms));
  const checkMs = median(check.map((result) => result.ms));
  const checkRssMb = Math.max(...check.map((result) => result.maxRssMb));
  const figures: Record<string, unknown> = {
    rows: ROWS,
    fileMb: sizeMb,
    plainParseMs: parseMs,
    plainParseRuns: parse.map((result) => result.ms),
    plainParsePeakMb: Math.max(...parse.map((result) => result.maxRssMb)),
    listCheckMs: checkMs,
    listCheckRuns: check.map((result) => result.ms),
    listCheckRowsPerSecond: Math.round(ROWS / (checkMs / 1000)),
    listCheckPeakMb: checkRssMb,
    checkOverParse: +(checkMs / parseMs).toFixed(2),
  };
  console.log(
    `lists: plain papaparse ${parseMs} ms · list check ${checkMs} ms (${figures.listCheckRowsPerSecond} rows/s, ` +
      `peak ${checkRssMb} MB) · ratio ${figures.checkOverParse}× (runs: parse ${figures.plainParseRuns}, check ${figures.listCheckRuns})`,
  );

  // The grid after an import, in this process.
  const imported = checkListBytes(new Uint8Array(readFileSync(file)), { fileName: file });
  let document = imported.table;
  let checks = imported.checks;
  const state: ListState = { document, checks, columnStats: imported.columnStats, summary: imported.summary };
  const firstPage = time(() => pageRows(document, checks, matchingRowIndices(document, checks, 'all'), 0, 100));
  const invalidFilter = time(() => matchingRowIndices(document, checks, 'invalid'));
  const search = time(() => matchingRowIndices(document, checks, 'all', 'Bordeaux'));
  const mobile = document.mobileColumn!;
  const edit = time(() => applyWithHistory(document, emptyHistory, editToOp(document, checks, { type: 'set-cell', row: Math.floor(ROWS / 2), column: mobile, value: '06 12 34 56 78' })!));
  const recheck = time(() => checkDocument(edit.value.document));
  const incremental = time(() => recheckAfterOp(state, edit.value.op, edit.value.document));
  const otherCell = time(() => {
    const step = applyWithHistory(document, emptyHistory, editToOp(document, checks, { type: 'set-cell', row: Math.floor(ROWS / 2), column: 1, value: 'Zoé' })!);
    return recheckAfterOp(state, step.op, step.document);
  });
  document = edit.value.document;
  checks = recheck.value.checks;
  const removeDuplicates = time(() => applyWithHistory(document, edit.value.history, editToOp(document, checks, { type: 'remove-duplicates' })!));
  const recheckAfterRemove = time(() => recheckAfterOp(incremental.value, removeDuplicates.value.op, removeDuplicates.value.document));
  const undo = time(() => undoStep(removeDuplicates.value.document, removeDuplicates.value.history)!);

  const storeDir = join(benchDataDir, 'lists-store');
  rmSync(storeDir, { recursive: true, force: true });
  const store = createListStore(storeDir);
  const savedAt = new Date().toISOString();
  const saveStarted = performance.now();
  await store.save(
    {
      formatVersion: 1,
      id: 'bench',
      name: 'bench',
      sourceFileName: 'bench.csv',
      encoding: 'windows-1252',
      delimiter: ';',
      mobileColumnIndex: mobile,
      mobileColumnCandidates: ['SMS'],
      rows: ROWS,
      sendable: 0,
      createdAt: savedAt,
      updatedAt: savedAt,
    },
    document,
  );
  const saveMs = Math.round(performance.now() - saveStarted);
  const reopenStarted = performance.now();
  const reopened = await store.load('bench');
  const reopenMs = Math.round(performance.now() - reopenStarted);
  const reopenCheck = time(() => checkDocument(reopened!.document));
  rmSync(storeDir, { recursive: true, force: true });

  Object.assign(figures, {
    firstPageMs: firstPage.ms,
    invalidFilterMs: invalidFilter.ms,
    searchMs: search.ms,
    searchMatches: search.value?.length,
    editMs: edit.ms,
    fullRecheckAfterEditMs: recheck.ms,
    incrementalRecheckAfterNumberEditMs: incremental.ms,
    editAndRecheckOtherCellMs: otherCell.ms,
    removeDuplicatesMs: removeDuplicates.ms,
    recheckAfterRemoveMs: recheckAfterRemove.ms,
    undoMs: undo.ms,
    saveMs,
    reopenParseMs: reopenMs,
    reopenCheckMs: reopenCheck.ms,
  });
  // Import (dialog path) and reopen through the list service as the app runs them (a big list is checked in the worker), RUNS times: medians.
  const services: ServiceFigures[] = [];
  for (let i = 0; i < RUNS; i++) {
    // In a fresh process: the app's main process holds this list only, not the grid bench's copies above.
    const service = (await runPhase('service', file)) as unknown as ServiceFigures;
    services.push(service);
    console.log(
      `lists: service import ${service.import.totalMs} ms, longest main-thread stall ${service.import.longestStallMs} ms · ` +
        `reopen ${service.reopen.totalMs} ms, longest stall ${service.reopen.longestStallMs} ms`,
    );
  }
  const medianOf = (pick: (service: (typeof services)[number]) => number) => median(services.map(pick));
  Object.assign(figures, {
    serviceImport_worker: {
      totalMs: medianOf((service) => service.import.totalMs),
      longestStallMs: medianOf((service) => service.import.longestStallMs),
      runs: services.map((service) => service.import),
    },
    serviceReopen_worker: {
      totalMs: medianOf((service) => service.reopen.totalMs),
      longestStallMs: medianOf((service) => service.reopen.longestStallMs),
      runs: services.map((service) => service.reopen),
    },
  });

  console.log(
    `lists: first page ${firstPage.ms} ms · invalid filter ${invalidFilter.ms} ms · search ${search.ms} ms · ` +
      `edit ${edit.ms} ms + full recheck ${recheck.ms} ms (incremental ${incremental.ms} ms; other column ${otherCell.ms} ms) · ` +
      `remove duplicates ${removeDuplicates.ms} ms + recheck ${recheckAfterRemove.ms} ms · ` +
      `undo ${undo.ms} ms · save ${saveMs} ms · reopen ${reopenMs} ms + check ${reopenCheck.ms} ms`,
  );
  return figures;
}
