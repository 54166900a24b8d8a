/**
 * Where a report's recipient rows come from, for the drill-down, its CSV
 * export and the two list actions: one interface that both kinds of report
 * feed, so paging, exporting, "Retirer ces numéros de la liste" and "Relancer
 * les non-délivrés" run through the same code for every provider.
 *
 * - MediasFlow: the latest report version, parsed and kept in a report
 *   session worker (report-session.ts); the rows never cross to main.
 * - iSendPro mail-to-SMS: the job's own notifications (mail-report.ts, at
 *   most a few thousand recipients), read in main.
 */
import type { ReportRowsFilter } from '@shared/ipc/channels/reports';
import type { ReportCodeSystem } from '@shared/reports/recipient-status';
import { toSpreadsheetCsv } from '@shared/reports/csv-export';
import { normaliseOptOutNumber } from '@shared/reports/opt-outs';
import type { ReportLine } from '@shared/reports/report-row-selection';
import type { JobRecord } from '../queue/job-record';
import { writeFileAtomic } from '../workspace/atomic-write';
import { MAIL_REPORT_COLUMNS, mailReportRows, mailRowCountry } from './mail-report';
import type { ReportSession } from './report-session';

export interface ReportRowSource {
  readonly record: JobRecord;
  /** Whose status codes the rows hold (the list actions judge them by it). */
  readonly codeSystem: ReportCodeSystem;
  readonly columns: string[];
  rows(filter: ReportRowsFilter, offset: number, limit: number): Promise<{ total: number; rows: string[][]; countries?: string[] }>;
  /** Number, list's mobile cell and code of each row of the view. */
  lines(filter: ReportRowsFilter): Promise<ReportLine[]>;
  /** Writes the view as a spreadsheet CSV (atomically) and says how many rows it holds. */
  exportCsv(filter: ReportRowsFilter, path: string): Promise<{ rows: number }>;
}

/** A MediasFlow report version kept in its session worker. */
export function sessionRowSource(record: JobRecord, session: ReportSession): ReportRowSource {
  return {
    record,
    codeSystem: 'mediasflow',
    columns: session.ready.columns,
    rows: (filter, offset, limit) => session.rows(filter, offset, limit),
    lines: (filter) => session.lines(filter),
    exportCsv: (filter, path) => session.exportCsv(filter, path),
  };
}

/** The index of STATUS_CODE and INT_MOBILE in a mail row (MAIL_REPORT_COLUMNS). */
const MAIL_INT_MOBILE = MAIL_REPORT_COLUMNS.indexOf('INT_MOBILE');
const MAIL_STATUS_CODE = MAIL_REPORT_COLUMNS.indexOf('STATUS_CODE');

/** An iSendPro job's notifications (the job record as read now). */
export function mailRowSource(record: JobRecord): ReportRowSource {
  const rowsOf = (filter: ReportRowsFilter) => mailReportRows(record.job, filter);
  return {
    record,
    codeSystem: 'isendpro',
    columns: [...MAIL_REPORT_COLUMNS],
    async rows(filter, offset, limit) {
      const rows = rowsOf(filter);
      const page = rows.slice(offset, offset + limit);
      return { total: rows.length, rows: page, countries: page.map(mailRowCountry) };
    },
    async lines(filter) {
      return rowsOf(filter).map((row) => {
        const code = row[MAIL_STATUS_CODE];
        // Every mailed number is a French 10-digit one, so the list's row is found by its checked number.
        return { number: normaliseOptOutNumber(row[MAIL_INT_MOBILE]), raw: '', code: /^\d{1,10}$/.test(code) ? Number(code) : null };
      });
    },
    async exportCsv(filter, path) {
      const rows = rowsOf(filter);
      await writeFileAtomic(path, new TextEncoder().encode(toSpreadsheetCsv(MAIL_REPORT_COLUMNS, rows)));
      return { rows: rows.length };
    },
  };
}
