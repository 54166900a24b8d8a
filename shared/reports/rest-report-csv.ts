/**
 * MediasFlow REST per-campaign report (GET /campaigns/reportjson/{id}, an
 * array of rows) → the same semicolon CSV as the SFTP report files, so the
 * one report parser, summaries, screens and opt-out feed read both (pure).
 * Only the columns the JSON carries are written; a row without a mobile or a
 * whole-number STATUS_CODE is kept with what it has (the parser counts it as
 * "other"), never dropped silently.
 */
import { formatParisDeliveryDate } from './delivery-date';

const columns = ['REF_LIST', 'ID_LINE', 'INT_MOBILE', 'STATUS_CODE', 'STATUS_TEXT', 'DELIVERYDATE', 'REPLY'] as const;

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** DELIVERYDATE as MediasFlow's files write it (Paris 'dd/MM/yyyy HH:mm:ss'); an ISO instant from the API is converted. */
function deliveryDate(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') return '';
  if (/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}(:\d{2})?$/.test(value.trim())) return value.trim();
  const at = Date.parse(value);
  return Number.isNaN(at) ? '' : formatParisDeliveryDate(at);
}

export function restReportRowsToCsv(rows: unknown): string {
  if (!Array.isArray(rows)) throw new Error('rapport MediasFlow illisible : un tableau de lignes était attendu');
  const lines = [columns.join(';')];
  for (const row of rows) {
    const r = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
    lines.push([r.REF_LIST, r.ID_LINE, r.INT_MOBILE, r.STATUS_CODE, r.STATUS_TEXT, deliveryDate(r.DELIVERYDATE), r.REPLY].map(cell).join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}
