// TEMPORARY — in-memory stand-in for src-main/lists until the real service lands. Delete then.
import { readFile, writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { ListRequestChannels } from '../../shared/ipc/channels/lists';
import type { PartialHandlerMap } from '../../src-main/ipc/handler-map';
import type { MainDeps } from '../../src-main/main-deps';
import { checkDocument, checkListBytes } from '../../shared/lists/check-list-bytes';
import { editToOp, type ListDocument } from '../../shared/lists/list-document';
import { applyWithHistory, canRedo, canUndo, emptyHistory, redoStep, undoStep, type EditHistory } from '../../shared/lists/edit-history';
import { matchingRowIndices, pageRows } from '../../shared/lists/row-query';
import { serializeCsv } from '../../shared/lists/serialize-csv';
import type { ListView, TextEncoding, Delimiter } from '../../shared/lists/list-types';
import { statusCode } from '../../shared/lists/check-rows';

interface Entry { id: string; name: string; source: string; encoding: TextEncoding; delimiter: Delimiter; candidates: string[]; doc: ListDocument; history: EditHistory; checks: ReturnType<typeof checkDocument>; updatedAt: string }

export function createInterimListHandlers(deps: MainDeps): PartialHandlerMap<keyof ListRequestChannels> {
  const lists = new Map<string, Entry>();
  let next = 1;
  const view = (e: Entry): ListView => ({ id: e.id, name: e.name, sourceFileName: e.source, encoding: e.encoding, delimiter: e.delimiter, columns: [...e.doc.columns], mobileColumn: e.doc.mobileColumn === null ? null : e.doc.columns[e.doc.mobileColumn], mobileColumnCandidates: e.candidates, summary: e.checks.summary, canUndo: canUndo(e.history), canRedo: canRedo(e.history), updatedAt: e.updatedAt });
  const metas = () => [...lists.values()].map((e) => ({ id: e.id, name: e.name, rows: e.checks.summary.rows, sendable: e.checks.summary.sendable, updatedAt: e.updatedAt }));
  const changed = () => deps.emit('lists:changed', metas());
  const get = (id: string) => { const e = lists.get(id); if (!e) throw new Error('no list'); return e; };
  const importBytes = (fileName: string, bytes: Uint8Array) => {
    const r = checkListBytes(bytes, { fileName });
    const e: Entry = { id: `l${next++}`, name: fileName.replace(/\.[^.]+$/, ''), source: fileName, encoding: r.encoding, delimiter: r.delimiter, candidates: r.mobileColumnCandidates, doc: r.table, history: emptyHistory, checks: { checks: r.checks, summary: r.summary }, updatedAt: new Date().toISOString() };
    lists.set(e.id, e); changed(); return view(e);
  };
  const step = (e: Entry, s: { document: ListDocument; history: EditHistory } | null) => { if (s) { e.doc = s.document; e.history = s.history; e.checks = checkDocument(e.doc); e.updatedAt = new Date().toISOString(); changed(); } return view(e); };
  return {
    'lists:list': () => metas(),
    'lists:import-dialog': async () => { const p = await deps.dialogs.chooseOpenFile({ purpose: 'import', filters: [] }); return p ? importBytes(p.split('/').pop()!, await readFile(p)) : null; },
    'lists:import-bytes': ({ fileName, bytes }) => importBytes(fileName, bytes),
    'lists:open': ({ id }) => view(get(id)),
    'lists:rows': ({ id, offset, limit, filter, search }) => { const e = get(id); return pageRows(e.doc, e.checks.checks, matchingRowIndices(e.doc, e.checks.checks, filter, search), offset, limit); },
    'lists:edit': ({ id, edit }) => { const e = get(id); const op = editToOp(e.doc, e.checks.checks, edit); return op ? step(e, applyWithHistory(e.doc, e.history, op)) : view(e); },
    'lists:undo': ({ id }) => { const e = get(id); return step(e, undoStep(e.doc, e.history)); },
    'lists:redo': ({ id }) => { const e = get(id); return step(e, redoStep(e.doc, e.history)); },
    'lists:set-mobile-column': ({ id, column }) => { const e = get(id); return step(e, applyWithHistory(e.doc, e.history, { type: 'set-mobile-column', column: e.doc.columns.indexOf(column) })); },
    'lists:rename': ({ id, name }) => { const e = get(id); e.name = name; changed(); return view(e); },
    'lists:duplicate': ({ id }) => { const e = get(id); const c = { ...e, id: `l${next++}`, name: `${e.name} (copie)` }; lists.set(c.id, c); changed(); return view(c); },
    'lists:delete': ({ id }) => { lists.delete(id); changed(); return { deleted: true }; },
    'lists:export': async ({ id, encoding, sendableOnly }) => { const e = get(id); const p = await deps.dialogs.chooseSaveFile({ purpose: 'export', defaultName: `${e.name}.csv`, filters: [] }); if (!p) return null; const text = serializeCsv(e.doc.columns, e.doc.rows, sendableOnly ? { includeRow: (i) => e.checks.checks.status[i] === statusCode.valid } : {}); await writeFile(p, encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, 'windows-1252')); return { path: p, rows: text.split('\r\n').length - 2 }; },
  };
}
