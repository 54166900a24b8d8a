/**
 * The report's two list actions (issue 11 §10), over the list service and
 * the drafts store, never over the queue: nothing here sends anything.
 *
 * - "Retirer ces numéros de la liste": the rows of the campaign's list whose
 *   numbers are in the report view the user filtered are deleted through the
 *   list service, as one edit of the list's own history ("Défaire" undoes it).
 * - "Relancer les non-délivrés": a NEW list (saved beside the original, which
 *   is never touched) with the list's rows of the numbers to send to again
 *   (shared/reports/report-row-selection.ts: opt-outs never), and a NEW draft
 *   "<campaign> — relance" with the same message and settings, to open in the
 *   composer. The user sends it, or not.
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { ListActionPreview, RemovedFromList, RetargetDraft, ReportRowsFilter } from '@shared/ipc/channels/reports';
import { listRowsOfNumbers, selectRetargetNumbers, type ReportLine } from '@shared/reports/report-row-selection';
import type { CampaignDraftFields } from '@shared/campaigns/campaign-draft';
import { serializeCsv } from '@shared/lists/serialize-csv';
import type { ListService } from '../lists/list-service';
import type { CampaignStore } from '../campaigns/campaign-store';
import type { JobRecord } from '../queue/job-record';
import type { ReportService } from './report-service';

export interface ReportListActionsDeps {
  reports: Pick<ReportService, 'lines'>;
  lists: Pick<ListService, 'open' | 'snapshot' | 'applyEdit' | 'importBytes' | 'setMobileColumn' | 'flushOne'>;
  optOutNumbers: () => Promise<Set<string>>;
  drafts: Pick<CampaignStore, 'get' | 'create' | 'list'>;
  /** Tells the screens the drafts changed (campaigns:changed). */
  draftsChanged?: () => Promise<void>;
}

/** The separator of the new names: "Soldes d’hiver — relance". */
export const retargetSuffix = ' — relance';

function noList(record: JobRecord): UserFacingError {
  return new UserFacingError(
    'report-no-list',
    `Dropdesk ne sait pas de quelle liste vient « ${record.job.campaignName} » (campagne déposée hors de l'application, ou liste supprimée) : modifiez la liste depuis l'onglet Listes.`,
    { jobId: record.job.id },
  );
}

export function createReportListActions(deps: ReportListActionsDeps) {
  async function listOf(record: JobRecord) {
    const listId = record.job.listId;
    if (!listId) throw noList(record);
    const view = await deps.lists.open(listId).catch((error: unknown) => {
      if (error instanceof UserFacingError && error.code === 'list-not-found') throw noList(record);
      throw error;
    });
    const snapshot = await deps.lists.snapshot(listId);
    const mobile = snapshot.document.mobileColumn;
    const cellOf = mobile === null ? null : (row: number) => (row < snapshot.document.rows.length ? snapshot.document.rows.value(row, mobile) : '');
    return { listId, view, snapshot, cellOf };
  }

  async function removalRows(jobId: string, filter: ReportRowsFilter) {
    const { record, lines } = await deps.reports.lines({ jobId, filter });
    const list = await listOf(record);
    const numbers = lines.map((line) => line.number).filter((number): number is string => number !== null);
    const rows = listRowsOfNumbers(list.snapshot.checks.normalized, list.cellOf, numbers, lines.map((line) => line.raw));
    return { record, list, rows, lines };
  }

  async function retargetRows(jobId: string) {
    const { record, codeSystem, lines } = await deps.reports.lines({ jobId, filter: {} });
    const list = await listOf(record);
    const optedOut = await deps.optOutNumbers();
    const selection = selectRetargetNumbers(record.job.channel, lines, (number) => optedOut.has(number), codeSystem);
    const rows = listRowsOfNumbers(list.snapshot.checks.normalized, null, selection.numbers);
    return { record, list, rows, optedOut: selection.optedOut, numbers: selection.numbers.length };
  }

  const distinctNumbers = (lines: readonly ReportLine[]) => new Set(lines.map((line) => line.number ?? line.raw)).size;

  return {
    async preview(input: { jobId: string; action: 'remove' | 'retarget'; filter?: ReportRowsFilter }): Promise<ListActionPreview> {
      if (input.action === 'remove') {
        const { list, rows, lines } = await removalRows(input.jobId, input.filter ?? {});
        return { listId: list.listId, listName: list.view.name, rows: rows.length, numbers: distinctNumbers(lines), optedOut: 0 };
      }
      const { list, rows, optedOut, numbers } = await retargetRows(input.jobId);
      return { listId: list.listId, listName: list.view.name, rows: rows.length, numbers, optedOut };
    },

    async removeFromList(input: { jobId: string; filter: ReportRowsFilter }): Promise<RemovedFromList> {
      const { list, rows } = await removalRows(input.jobId, input.filter);
      const view = rows.length > 0 ? await deps.lists.applyEdit(list.listId, { type: 'delete-rows', rows }) : list.view;
      return { listId: list.listId, listName: view.name, removed: rows.length, canUndo: view.canUndo };
    },

    async retarget(input: { jobId: string }): Promise<RetargetDraft> {
      const { record, list, rows, optedOut } = await retargetRows(input.jobId);
      if (rows.length === 0) {
        throw new UserFacingError(
          'retarget-nobody',
          `Aucun destinataire de « ${record.job.campaignName} » n'est à relancer : les autres ont reçu le message, sont encore en cours, ont demandé STOP ou sont en liste noire.`,
          { jobId: record.job.id },
        );
      }
      const { document } = list.snapshot;
      const chosen = new Set(rows);
      const text = serializeCsv(document.columns, document.rows, { includeRow: (row) => chosen.has(row) });
      // A new list beside the original (same columns, only these rows), checked like any import.
      const listName = `${list.view.name}${retargetSuffix}`;
      let created = await deps.lists.importBytes(`${listName}.csv`, new TextEncoder().encode(text));
      const mobile = document.mobileColumn === null ? null : document.columns[document.mobileColumn];
      if (mobile && created.mobileColumn !== mobile) created = await deps.lists.setMobileColumn(created.id, mobile);
      await deps.lists.flushOne(created.id);
      const source = record.job.draftId ? await deps.drafts.get(record.job.draftId).catch(() => null) : null;
      const fields: Partial<CampaignDraftFields> & { name: string } = {
        ...(source ? withoutIdentity(source) : { channel: record.job.channel, type: record.job.sendType, provider: 'mediasflow-sftp', templateId: record.job.templateId ?? '' }),
        name: `${record.job.campaignName}${retargetSuffix}`,
        listId: created.id,
        // The provider-safe file name is derived again from the new name.
        fileName: '',
      };
      const draft = await deps.drafts.create(fields);
      await deps.draftsChanged?.();
      return {
        draftId: draft.id,
        draftName: draft.name,
        listId: created.id,
        listName: created.name,
        rows: rows.length,
        optedOut,
        connectionId: record.job.connectionId,
        messageCopied: source !== null,
      };
    },
  };
}

function withoutIdentity<T extends { id: string; createdAt: string; updatedAt: string }>(draft: T): Omit<T, 'id' | 'createdAt' | 'updatedAt'> {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = draft;
  return fields;
}

export type ReportListActions = ReturnType<typeof createReportListActions>;
